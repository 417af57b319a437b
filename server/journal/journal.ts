import { type AuditContent, contentHash } from "../audit/chain";
import type { Queryable } from "../db/database";

/** The NOTIFY channel every process LISTENs on; the payload is the new change sequence. */
export const CHANGES_CHANNEL = "arbiter_changes";

export interface ChangeRecord {
  caseId: string;
  kind: "upsert" | "tombstone";
  /**
   * A hint for live events: the case entered the queue, got a new assignee, or a deadline job
   * found it needs its assignee (an evidence deadline passed, a verification day ended).
   */
  event?:
    | "new_escalation"
    | "assigned"
    | "evidence_deadline_passed"
    | "verification_overdue"
    | "sla_warning"
    | null;
  reason?: string | null;
}

/**
 * Stages a change-feed entry and an audit entry; the database seals both at COMMIT, in commit
 * order (the `journal_seal` trigger of migration 004): the feed row gets the next change sequence,
 * the audit entry the next audit sequence and its hash link, and every process LISTENing hears of
 * the change. Nothing is recorded if the transaction rolls back.
 *
 * Why at commit: the sequences come from one counter row, whose lock is held until COMMIT, so a
 * reader that has seen sequence n never later finds a committed n-1. Taken at commit, that lock
 * is held for the database's own work and the WAL flush, not for client round trips.
 */
export async function journal(
  tx: Queryable,
  change: ChangeRecord | null,
  audit: AuditContent,
): Promise<void> {
  const entry = journalEntry(change, audit);
  await tx.query(entry.sql(1), entry.params);
}

/**
 * The insert that stages an entry, for a caller that folds it into a statement of its own (as a
 * data-modifying CTE) to save a round trip. `sql(first)` numbers its parameters from `$first`.
 */
export function journalEntry(
  change: ChangeRecord | null,
  audit: AuditContent,
): { sql: (first: number) => string; params: unknown[] } {
  const params = [
    // One row per case in the feed: a case is listed once, at its latest change, so the feed
    // stays as long as the number of cases however often they change.
    change?.caseId ?? null,
    change?.kind ?? null,
    change?.event ?? null,
    change?.reason ?? null,
    audit.caseId,
    audit.actorId,
    audit.actorRole,
    audit.action,
    audit.at,
    audit.beforeVersion,
    audit.afterVersion,
    audit.requestId,
    audit.idempotencyKey,
    JSON.stringify(audit.details),
    contentHash(audit),
  ];
  const sql = (first: number) =>
    `insert into journal_pending (change_case_id, change_kind, change_event, change_reason,
       case_id, actor_id, actor_role, action, at, before_version, after_version, request_id,
       idempotency_key, details, content_hash)
     values (${params.map((_, i) => `$${first + i}`).join(", ")})`;
  return { sql, params };
}

/**
 * Like `journal`, but sealed at once, for a caller that must answer with the audit sequence (a
 * contact reveal cites its entry). The counter stays locked by this transaction until it ends.
 */
export async function journalSealed(
  tx: Queryable,
  change: ChangeRecord | null,
  audit: AuditContent,
): Promise<number> {
  await journal(tx, change, audit);
  await tx.query("set constraints journal_seal immediate");
  const [counter] = await tx.query<{ last_audit_seq: string | number }>(
    "select last_audit_seq from change_counter where id = 1",
  );
  if (!counter) throw new Error("change_counter is missing: run the migrations");
  return Number(counter.last_audit_seq);
}

/** Allocates `count` change sequences at once for bulk inserts (the demo seed, the bench). */
export async function journalBulkUpserts(tx: Queryable, caseIds: readonly string[]): Promise<void> {
  if (caseIds.length === 0) return;
  const [counter] = await tx.query<{ last_seq: string | number }>(
    "update change_counter set last_seq = last_seq + $1 where id = 1 returning last_seq",
    [caseIds.length],
  );
  const last = Number(counter?.last_seq ?? caseIds.length);
  const first = last - caseIds.length + 1;
  await tx.query(
    `insert into case_changes (seq, case_id, kind)
       select $1::bigint + ord - 1, id, 'upsert' from unnest($2::text[]) with ordinality as t(id, ord)`,
    [first, caseIds],
  );
  // Live readers (the event hub, cached pages) learn of the batch like of any other change.
  await tx.query("select pg_notify($1, $2)", [CHANGES_CHANNEL, String(last)]);
}
