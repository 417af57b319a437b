import type { TimelineEvent } from "@shared/domain/appeal";
import { type DeskAction, validateAction } from "@shared/domain/desk-action";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { timelineDetail, wordsFrom } from "../case-workspace/timeline-text";
import {
  type ConflictView as Conflict,
  type ConflictResolution,
  describeConflict,
  type OutboxEntry,
} from "../desk-data";
import { useFormatters } from "../i18n/format";

/** The free-text field of an action the agent can edit in place, if it has one. */
const EDITABLE_FIELDS = ["text", "rationale", "reason", "what", "statement", "summary"] as const;

function editableField(action: DeskAction): (typeof EDITABLE_FIELDS)[number] | null {
  const body: object = action.body;
  return (
    EDITABLE_FIELDS.find((f) => typeof (body as Record<string, unknown>)[f] === "string") ?? null
  );
}

function withField(action: DeskAction, field: string, value: string): DeskAction {
  // Same action type, one string field replaced: validated again before it is queued.
  return { ...action, body: { ...action.body, [field]: value } } as DeskAction;
}

const LABELLED_FIELDS = ["status", "assigneeId", "stage", "needsSupervisor", "priority", "dueAt"];

/**
 * One 412: the agent's action ("mine") against the case as the server now holds it ("theirs"),
 * with who changed what since the agent acted. The agent re-applies, edits or discards; a discard
 * asks for confirmation, and nothing leaves the outbox without one of these choices.
 */
export function ConflictCard({
  conflict,
  onResolve,
}: {
  conflict: Conflict;
  onResolve: (seq: number, resolution: ConflictResolution) => Promise<void> | void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const headingId = useId();
  const words = wordsFrom(t);
  const eventDetail = (e: TimelineEvent) => {
    const d = timelineDetail(e, words, format);
    if (!d.text) return null;
    return d.isData ? (
      <>
        {" — "}
        <span data-user-text="">{d.text}</span>
      </>
    ) : (
      ` — ${d.text}`
    );
  };
  /** A field's value in words: codes by their names, instants as dates, ids as written. */
  const fieldValue = (field: string, value: string | null) => {
    if (value === null || value === "") return "—";
    if (field === "status" || field === "priority" || field === "stage") {
      return t(`${field}.${value}` as "status.escalated");
    }
    if (field === "needsSupervisor") return t(value === "true" ? "conflict.yes" : "conflict.no");
    if (field === "dueAt") return format.dateTime(value);
    return <span data-user-text="">{value}</span>;
  };
  const actionName = t(`actionName.${conflict.entry.action.type}` as "actionName.claim");
  const summary = describeConflict(conflict.entry, conflict.theirs);
  const field = editableField(conflict.entry.action);
  const [draft, setDraft] = useState<string | null>(null);
  const [isConfirmingDiscard, setConfirmingDiscard] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const action = conflict.entry.action;
  const original = field ? String((action.body as Record<string, unknown>)[field] ?? "") : "";

  const saveEdit = () => {
    if (!field || draft === null) return;
    const edited = withField(action, field, draft);
    const problem = validateAction(edited);
    if (problem) return setError(problem);
    void onResolve(conflict.seq, { kind: "edit", action: edited });
  };

  return (
    <section className="conflict" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t("conflict.title", { reference: conflict.theirs.reference, action: actionName })}
      </h3>
      <p>
        {t("conflict.versions", {
          from: String(summary.fromVersion),
          to: String(summary.toVersion),
        })}
      </p>
      <QueuedBehind entries={conflict.queuedBehind} />
      <table className="conflict-diff">
        <caption>{t("conflict.diff")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("conflict.field")}</th>
            <th scope="col">{t("conflict.before")}</th>
            <th scope="col">{t("conflict.theirs")}</th>
            <th scope="col">{t("conflict.mine")}</th>
          </tr>
        </thead>
        <tbody>
          {summary.changes.map((c) => (
            <tr key={c.field}>
              <th scope="row">
                {LABELLED_FIELDS.includes(c.field)
                  ? t(`conflict.fields.${c.field}` as "conflict.fields.status")
                  : c.field}
              </th>
              <td>{fieldValue(c.field, c.before)}</td>
              <td>{fieldValue(c.field, c.theirs)}</td>
              <td>{fieldValue(c.field, c.mine)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {summary.theirEvents.length > 0 && (
        <>
          <h4>{t("conflict.meanwhile")}</h4>
          <ul className="conflict-events">
            {summary.theirEvents.map((e) => (
              <li key={e.id}>
                <time dateTime={e.at}>{format.dateTime(e.at)}</time> —{" "}
                <span data-user-text="">{e.actor}</span>: {t(`event.${e.type}`)}
                {eventDetail(e)}
              </li>
            ))}
          </ul>
        </>
      )}
      <h4>{t("conflict.yourAction")}</h4>
      <pre className="conflict-mine">{JSON.stringify(action.body, null, 2)}</pre>
      {draft !== null && field && (
        <label>
          {t("conflict.edit", {
            field: t(`conflict.fieldNames.${field}` as "conflict.fieldNames.text"),
          })}
          <textarea
            data-user-text=""
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            rows={4}
          />
        </label>
      )}
      {error && <p role="alert">{error}</p>}
      <div className="conflict-actions">
        <button type="button" onClick={() => void onResolve(conflict.seq, { kind: "reapply" })}>
          {t("conflict.reapply")}
        </button>
        {field &&
          (draft === null ? (
            <button type="button" onClick={() => setDraft(original)}>
              {t("conflict.startEdit")}
            </button>
          ) : (
            <button type="button" onClick={saveEdit}>
              {t("conflict.sendEdited")}
            </button>
          ))}
        {isConfirmingDiscard ? (
          <>
            <span>{t("conflict.notSent")} </span>
            <button type="button" onClick={() => void onResolve(conflict.seq, { kind: "discard" })}>
              {t("conflict.confirmDiscard")}
            </button>
            <button type="button" onClick={() => setConfirmingDiscard(false)}>
              {t("conflict.keep")}
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirmingDiscard(true)}>
            {t("conflict.discard")}
          </button>
        )}
      </div>
    </section>
  );
}

/**
 * What of the agent's waits on this conflict: a conflict stops its case's queue, so the later
 * actions on the case are not sent until it is resolved. Said even when nothing waits, so the
 * agent never has to guess.
 */
function QueuedBehind({ entries }: { entries: readonly OutboxEntry[] }) {
  const { t } = useTranslation();
  if (entries.length === 0) {
    return <p className="conflict-queued">{t("conflict.noneQueued")}</p>;
  }
  return (
    <div className="conflict-queued">
      <p>{t("conflict.queued", { count: entries.length })}</p>
      <ol aria-label={t("conflict.queuedList")}>
        {entries.map((e) => (
          <li key={e.idempotencyKey}>
            {t(`actionName.${e.action.type}` as "actionName.claim")}
            {e.state === "conflict" ? ` ${t("conflict.alsoInConflict")}` : ""}
          </li>
        ))}
      </ol>
    </div>
  );
}

/** Every open conflict, oldest first. */
export function ConflictList({
  conflicts,
  onResolve,
}: {
  conflicts: readonly Conflict[];
  onResolve: (seq: number, resolution: ConflictResolution) => Promise<void> | void;
}) {
  const { t } = useTranslation();
  if (conflicts.length === 0) return null;
  return (
    <section className="conflicts" aria-label={t("conflict.listName")}>
      {conflicts.map((c) => (
        <ConflictCard key={c.seq} conflict={c} onResolve={onResolve} />
      ))}
    </section>
  );
}
