/**
 * The outbox's writes and reads in the cache: an action is persisted together with the projection
 * it causes (one transaction), so a crash can never leave a shown action unqueued or the reverse.
 */
import type { DeskAction } from "@shared/domain/desk-action";
import { reprojectCase, serverSummaryOf } from "../cases/case-cache";
import { caseTables, getCase } from "../cases/case-store";
import type { DeskDatabase } from "../cases/desk-db";
import type { EnqueueResult, SignOutRisk } from "../contract";
import { isRedundant } from "./outbox-logic";
import type { OutboxEntry } from "./outbox-types";

/** Queues the agent's action on the case's current server version and re-projects the case. */
export async function addToOutbox(
  db: DeskDatabase,
  actorId: string,
  caseId: string,
  action: DeskAction,
): Promise<EnqueueResult> {
  return db.transaction("rw", [db.outbox, ...caseTables(db)], async () => {
    const row = await getCase(db, caseId);
    if (!row) throw new Error(`Case ${caseId} is not in the cache.`);
    const queued = await db.outbox.where("caseId").equals(caseId).sortBy("seq");
    if (isRedundant(queued, action)) return { seq: null, idempotencyKey: null };
    const server = serverSummaryOf(row);
    const entry: OutboxEntry = {
      idempotencyKey: crypto.randomUUID(),
      caseId,
      action,
      baseVersion: server.version,
      baseSummary: server,
      state: "pending",
      actorId,
      createdAt: Date.now(),
      attempts: 0,
      nextAttemptAt: 0,
      lastError: null,
      lastStatus: null,
    };
    const seq = await db.outbox.add(entry);
    await reprojectCase(db, caseId);
    return { seq: seq ?? null, idempotencyKey: entry.idempotencyKey } satisfies EnqueueResult;
  });
}

/** The whole outbox, or one case's, in order. */
export function outboxEntries(db: DeskDatabase, caseId?: string): Promise<OutboxEntry[]> {
  return caseId
    ? db.outbox.where("caseId").equals(caseId).sortBy("seq")
    : db.outbox.orderBy("seq").toArray();
}

/** Removes a failed entry; returns its case, or null when there was no failed entry `seq`. */
export async function removeFailed(db: DeskDatabase, seq: number): Promise<string | null> {
  const entry = await db.outbox.get(seq);
  if (entry?.state !== "failed") return null;
  await db.outbox.delete(seq);
  return entry.caseId;
}

/** What sign-out would lose. */
export async function signOutRisk(db: DeskDatabase): Promise<SignOutRisk> {
  const entries = await db.outbox.orderBy("seq").toArray();
  return {
    pending: entries.filter((e) => e.state === "pending").length,
    conflicts: entries.filter((e) => e.state === "conflict").length,
    failed: entries.filter((e) => e.state === "failed").length,
    entries,
  };
}
