import { type DeskAction, validateAction } from "@shared/domain/desk-action";
import { useId, useState } from "react";
import {
  type ConflictView as Conflict,
  type ConflictResolution,
  describeConflict,
  type OutboxEntry,
} from "../desk-data";

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

const FIELD_LABELS: Record<string, string> = {
  status: "Status",
  assigneeId: "Assignee",
  stage: "Stage",
  needsSupervisor: "Supervisor requested",
  priority: "Priority",
  dueAt: "Due",
};

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
  const headingId = useId();
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
        Conflict on case {conflict.theirs.reference}: your “{action.type}” was not applied
      </h3>
      <p>
        You acted on version {summary.fromVersion}; the case is now at version {summary.toVersion}.
      </p>
      <QueuedBehind entries={conflict.queuedBehind} />
      <table className="conflict-diff">
        <caption>Theirs vs mine</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">When you acted</th>
            <th scope="col">Theirs (now)</th>
            <th scope="col">Mine (with your action)</th>
          </tr>
        </thead>
        <tbody>
          {summary.changes.map((c) => (
            <tr key={c.field}>
              <th scope="row">{FIELD_LABELS[c.field] ?? c.field}</th>
              <td>{c.before ?? "—"}</td>
              <td>{c.theirs ?? "—"}</td>
              <td>{c.mine ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {summary.theirEvents.length > 0 && (
        <>
          <h4>What happened meanwhile</h4>
          <ul className="conflict-events">
            {summary.theirEvents.map((e) => (
              <li key={e.id}>
                <time dateTime={e.at}>{new Date(e.at).toLocaleString()}</time> — {e.actor}:{" "}
                {e.summary}
              </li>
            ))}
          </ul>
        </>
      )}
      <h4>Your action</h4>
      <pre className="conflict-mine">{JSON.stringify(action.body, null, 2)}</pre>
      {draft !== null && field && (
        <label>
          Edit {field}
          <textarea value={draft} onChange={(e) => setDraft(e.target.value)} rows={4} />
        </label>
      )}
      {error && <p role="alert">{error}</p>}
      <div className="conflict-actions">
        <button type="button" onClick={() => void onResolve(conflict.seq, { kind: "reapply" })}>
          Re-apply on the current case
        </button>
        {field &&
          (draft === null ? (
            <button type="button" onClick={() => setDraft(original)}>
              Edit…
            </button>
          ) : (
            <button type="button" onClick={saveEdit}>
              Send edited
            </button>
          ))}
        {isConfirmingDiscard ? (
          <>
            <span>Your action will not be sent. </span>
            <button type="button" onClick={() => void onResolve(conflict.seq, { kind: "discard" })}>
              Confirm discard
            </button>
            <button type="button" onClick={() => setConfirmingDiscard(false)}>
              Keep it
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirmingDiscard(true)}>
            Discard…
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
  if (entries.length === 0) {
    return <p className="conflict-queued">None of your other actions on this case is waiting.</p>;
  }
  const count = entries.length === 1 ? "1 more action" : `${entries.length} more actions`;
  const verb = entries.length === 1 ? "is" : "are";
  return (
    <div className="conflict-queued">
      <p>
        {count} of yours on this case {verb} queued behind this one and will be sent once you
        resolve it:
      </p>
      <ol aria-label="Queued behind this conflict">
        {entries.map((e) => (
          <li key={e.idempotencyKey}>
            {e.action.type}
            {e.state === "conflict" ? " (also in conflict)" : ""}
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
  if (conflicts.length === 0) return null;
  return (
    <section className="conflicts" aria-label="Sync conflicts">
      {conflicts.map((c) => (
        <ConflictCard key={c.seq} conflict={c} onResolve={onResolve} />
      ))}
    </section>
  );
}
