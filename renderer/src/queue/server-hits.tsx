import type { SearchField } from "@shared/search/document";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useStore } from "zustand";
import { type ServerSearchStore, serverOnlyHits } from "../search/server-search-store";
import { MatchSnippet } from "./queue-table";

/**
 * The server's answer for the search text, below the queue's own rows: the cases it found that
 * the queue does not show (not cached on this desk, or not indexed yet while the cache fills),
 * each marked as coming from the server with the snippet of why it matched. Offline it says the
 * server could not be asked, so an empty queue is not read as "nothing anywhere".
 */
export function ServerHits({
  store,
  isShown,
  onOpen,
}: {
  store: ServerSearchStore;
  /** Whether the queue's current rows hold this case. */
  isShown(caseId: string): boolean;
  onOpen(caseId: string): void;
}) {
  const { t } = useTranslation();
  const { status, hits } = useStore(store);
  const extra = useMemo(() => serverOnlyHits(hits, isShown), [hits, isShown]);
  const fields = t("search.field", { returnObjects: true }) as Record<SearchField, string>;
  if (status === "idle") return null;
  return (
    <section className="server-hits" aria-label={t("search.server.heading")}>
      <h2>{t("search.server.heading")}</h2>
      {status === "unavailable" ? (
        <p className="server-hits-note" role="status">
          {t("search.server.unavailable")}
        </p>
      ) : status === "searching" && extra.length === 0 ? (
        <p className="server-hits-note">{t("search.server.searching")}</p>
      ) : extra.length === 0 ? (
        <p className="server-hits-note">{t("search.server.none")}</p>
      ) : (
        <ul>
          {extra.map(({ case: hit, snippet }) => (
            <li key={hit.id} data-case-id={hit.id}>
              <button type="button" className="link-button" onClick={() => onOpen(hit.id)}>
                <span className="badge server-badge">{t("search.server.badge")}</span>{" "}
                <strong>{hit.reference}</strong> {hit.complainantName} {t("queue.against")}{" "}
                {hit.respondentName}
              </button>
              {snippet ? <MatchSnippet snippet={snippet} label={fields[snippet.field]} /> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
