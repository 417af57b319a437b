import { useTranslation } from "react-i18next";
import { useStore } from "zustand";
import type { AttentionStore } from "./attention";

/**
 * The alerts the host could not show as notifications (a browser without permission, the desktop
 * setting off): shown in the desk on every screen until the agent opens the case or dismisses it.
 */
export function AttentionNotices({
  store,
  onOpen,
}: {
  store: AttentionStore;
  onOpen(caseId: string): void;
}) {
  const { t } = useTranslation();
  const notices = useStore(store, (s) => s.notices);
  if (!notices.length) return null;
  return (
    <section className="attention-notices" aria-label={t("lifecycle.noticesTitle")}>
      <ul>
        {notices.map((n) => (
          <li key={n.caseId} role="alert" data-case-id={n.caseId}>
            <strong>{n.title}</strong> <span>{n.body}</span>{" "}
            <button type="button" onClick={() => onOpen(n.caseId)}>
              {t("lifecycle.openCase", { reference: n.reference })}
            </button>{" "}
            <button
              type="button"
              className="link-button"
              onClick={() => store.getState().dismiss(n.caseId)}
            >
              {t("lifecycle.dismiss")}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
