import { type AuditContent, entryHash } from "../audit/chain";
import type { Queryable } from "../db/database";

/** The NOTIFY channel every process LISTENs on; the payload is the new change sequence. */
export const CHANGES_CHANNEL = "arbiter_changes";

export interface ChangeRecord {
  caseId: string;
  kind: "upsert" | "tombstone";
  /** A hint for live events: the case entered the queue, or got a new assignee. */
  event?: "new_escalation" | "assigned" | null;
  reason?: string | null;
}

interface CounterRow {
  last_seq: string | number;
  last_audit_seq: string | number;
  last_audit_hash: string;
}

/**
 * Records a committed-order change and an audit entry, as the LAST step of a mutation's transaction.
 *
 * Why a single counter row: its row lock is held from here until COMMIT, so change sequences are
 * handed out in commit order. A reader that has seen seq n therefore never later finds a committed
 * n-1 (a plain sequence would allow it: a transaction that took 20 may commit after one that took
 * 21). The same lock orders the audit chain, whose every entry hashes its predecessor. Taking it
 * last keeps the time it is held to the final insert and the commit.
 */
export async function journal(
  tx: Queryable,
  change: ChangeRecord | null,
  audit: AuditContent,
): Promise<{ seq: number | null; auditSeq: number }> {
  const [counter] = await tx.query<CounterRow>(
    "select last_seq, last_audit_seq, last_audit_hash from change_counter where id = 1 for update",
  );
  if (!counter) throw new Error("change_counter is missing: run the migrations");
  const auditSeq = Number(counter.last_audit_seq) + 1;
  const hash = entryHash(counter.last_audit_hash, auditSeq, audit);
  const seq = change ? Number(counter.last_seq) + 1 : null;
  // Everything else in one statement (data-modifying CTEs), so the counter lock is held for two
  // round trips and the commit.
  await tx.query(
    `with counter as (
       update change_counter set last_seq = $1, last_audit_seq = $2, last_audit_hash = $3 where id = 1
     ), audit as (
       insert into audit_log (seq, case_id, actor_id, actor_role, action, at, before_version,
         after_version, request_id, idempotency_key, details, prev_hash, hash)
       values ($2, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $3)
     ), dropped as (
       delete from case_changes where $15::text is not null and case_id = $15::text
     ), added as (
       insert into case_changes (seq, case_id, kind, event, reason)
       select $1, $15::text, $16::text, $17::text, $18::text where $15::text is not null
     )
     select case when $15::text is null then null else pg_notify($19, $1::text) end as notified`,
    [
      seq ?? counter.last_seq,
      auditSeq,
      hash,
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
      counter.last_audit_hash,
      // One row per case in the feed: a case is listed once, at its latest change, so the feed
      // stays as long as the number of cases however often they change. NOTIFY is delivered at
      // COMMIT, in commit order, to every process LISTENing (and not at all on rollback).
      change ? change.caseId : null,
      change?.kind ?? null,
      change?.event ?? null,
      change?.reason ?? null,
      CHANGES_CHANNEL,
    ],
  );
  return { seq, auditSeq };
}

/** Allocates `count` change sequences at once for bulk inserts (the demo seed, the bench). */
export async function journalBulkUpserts(tx: Queryable, caseIds: readonly string[]): Promise<void> {
  if (caseIds.length === 0) return;
  const [counter] = await tx.query<CounterRow>(
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
