import type { CaseDetail } from "@shared/domain/appeal";
import { useTranslation } from "react-i18next";
import { useFormatters } from "../i18n/format";
import { timelineDetail, wordsFrom } from "./timeline-text";

type Entry =
  | { kind: "message"; at: string; id: string; message: CaseDetail["messages"][number] }
  | { kind: "event"; at: string; id: string; event: CaseDetail["timeline"][number] }
  | { kind: "note"; at: string; id: string; note: CaseDetail["notes"][number] }
  | { kind: "call"; at: string; id: string; call: CaseDetail["phoneContacts"][number] };

/** Chat between the parties, CS messages, notes, calls and trade events: one list, oldest first. */
export function timelineEntries(detail: CaseDetail): Entry[] {
  const entries: Entry[] = [
    ...detail.messages.map((message) => ({
      kind: "message" as const,
      at: message.at,
      id: `m-${message.id}`,
      message,
    })),
    ...detail.timeline.map((event) => ({
      kind: "event" as const,
      at: event.at,
      id: `e-${event.id}`,
      event,
    })),
    ...detail.notes.map((note) => ({
      kind: "note" as const,
      at: note.at,
      id: `n-${note.id}`,
      note,
    })),
    ...detail.phoneContacts.map((call) => ({
      kind: "call" as const,
      at: call.at,
      id: `c-${call.id}`,
      call,
    })),
  ];
  return entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

const LANG_ATTR = { vi: "vi", zh: "zh-Hans", en: "en" } as const;

export function Timeline({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const words = wordsFrom(t);
  return (
    <section className="timeline" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t("timeline.title")}</h2>
      <ol>
        {timelineEntries(detail).map((entry) => {
          const time = (
            <time dateTime={entry.at} className="muted">
              {format.dateTime(entry.at)}
            </time>
          );
          if (entry.kind === "event") {
            const detail = timelineDetail(entry.event, words, format);
            return (
              <li key={entry.id} className="tl-event">
                {time} <span className="tag">{t(`event.${entry.event.type}`)}</span>{" "}
                {detail.isData ? <span data-user-text="">{detail.text}</span> : detail.text}
              </li>
            );
          }
          if (entry.kind === "note") {
            return (
              <li key={entry.id} className="tl-note">
                {time} <span className="tag tag-note">{t("timeline.note")}</span>{" "}
                <strong data-user-text="">{entry.note.authorName}</strong>:{" "}
                <span data-user-text="">{entry.note.text}</span>
              </li>
            );
          }
          if (entry.kind === "call") {
            return (
              <li key={entry.id} className="tl-call">
                {time}{" "}
                <span className="tag">
                  {t("timeline.call", { party: t(`role.${entry.call.party}`) })}
                </span>{" "}
                {t(`callOutcome.${entry.call.outcome}`)}
                {entry.call.summary ? (
                  <>
                    {" — "}
                    <span data-user-text="">{entry.call.summary}</span>
                  </>
                ) : null}
              </li>
            );
          }
          const m = entry.message;
          const isPending = m.id.startsWith("pending:");
          return (
            <li key={entry.id} className={`tl-message from-${m.author}`}>
              <div className="msg-head">
                {time}{" "}
                {m.authorName ? (
                  <strong data-user-text="">{m.authorName}</strong>
                ) : (
                  <strong>{t(`author.${m.author}`)}</strong>
                )}{" "}
                <span className="muted">
                  ({t(`author.${m.author}`)}
                  {m.to ? ` → ${t(`role.${m.to}`)}` : ""})
                </span>{" "}
                <span className="lang-tag">{t(`language.${m.language}`)}</span>
                {isPending ? <span className="tag tag-pending"> {t("sync.pending")}</span> : null}
              </div>
              <p lang={LANG_ATTR[m.language]} data-user-text="">
                {m.text}
              </p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
