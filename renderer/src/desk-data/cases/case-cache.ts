/**
 * Writes to the case tables, each inside the caller's or its own Dexie transaction, so the cache
 * never holds half a batch and the projected rows always agree with the outbox.
 */
import type { CaseChange } from "@shared/api/cases";
import type { CaseDetail, CaseSummary } from "@shared/domain/appeal";
import { isNewer, projectSummary } from "../outbox/outbox-logic";
import type { OutboxEntry } from "../outbox/outbox-types";
import { caseTables, deleteCases, mutateCases } from "./case-store";
import { type CachedCase, type DeskDatabase, META, toCachedCase, toSummary } from "./desk-db";

/** The server's own summary of a cached row (under any pending actions). */
export function serverSummaryOf(row: CachedCase): CaseSummary {
  return row.server ?? toSummary(row);
}

/** Groups the outbox by case, in seq order. */
export function groupByCase(entries: readonly OutboxEntry[]): Map<string, OutboxEntry[]> {
  const byCase = new Map<string, OutboxEntry[]>();
  for (const entry of [...entries].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))) {
    const list = byCase.get(entry.caseId);
    if (list) list.push(entry);
    else byCase.set(entry.caseId, [entry]);
  }
  return byCase;
}

/** The row to store for a server summary under the case's queued actions. */
export function rowFor(
  server: CaseSummary,
  queued: readonly OutboxEntry[] | undefined,
): CachedCase {
  if (!queued || queued.length === 0) return toCachedCase(server);
  const live = queued.filter((e) => e.state !== "failed");
  return toCachedCase(projectSummary(server, queued), live.length, server);
}

/** Summary fields of a detail (the detail extends the summary). */
export function summaryOfDetail(detail: CaseDetail): CaseSummary {
  const {
    complainant: _c,
    respondent: _r,
    trade: _t,
    payment: _p,
    messages: _m,
    evidence: _e,
    timeline: _tl,
    decisions: _d,
    ...summary
  } = detail;
  return summary;
}

/**
 * Applies a batch of server changes (and the cursor that follows it) in one transaction.
 * Older versions never overwrite newer ones; tombstones delete. Returns the ids that changed.
 *
 * Reads per batch: the outbox (small), the directory shards and the chunks the batch touches;
 * never one request per row, which is what made the fill slow (see case-store.ts).
 */
export async function applyServerBatch(
  db: DeskDatabase,
  changes: readonly CaseChange[],
  meta: Array<{ key: string; value: unknown }> = [],
): Promise<string[]> {
  const tables = [...caseTables(db), db.details, db.outbox, db.meta, db.evidence];
  return db.transaction("rw", tables, async () => {
    // Last change of a case within the batch wins: the feed is in commit order.
    const latest = new Map<string, CaseSummary | null>();
    for (const change of changes) {
      if (change.type === "upsert") latest.set(change.case.id, change.case);
      else latest.set(change.id, null);
    }
    // The outbox is read only when it holds something: during a fill it is usually empty.
    const outbox = (await db.outbox.count()) ? groupByCase(await db.outbox.toArray()) : null;
    const changed = await mutateCases(db, [...latest.keys()], (id, cached) => {
      const incoming = latest.get(id);
      if (incoming === null) return cached ? null : undefined;
      if (!incoming) return undefined;
      if (cached && !isNewer(incoming, serverSummaryOf(cached))) return undefined;
      return rowFor(incoming, outbox?.get(id));
    });
    const deletions = [...latest].flatMap(([id, c]) => (c === null ? [id] : []));
    // A tombstone drops the detail even when the queue row was never cached.
    if (deletions.length) {
      await db.details.bulkDelete(deletions);
      await dropEvidenceOf(db, deletions);
    }
    if (meta.length) await db.meta.bulkPut(meta);
    return [...new Set([...changed, ...deletions])];
  });
}

/** Stores a server detail (from a GET or a mutation's answer) and its summary, if not older. */
export async function applyServerDetail(db: DeskDatabase, detail: CaseDetail): Promise<boolean> {
  return db.transaction("rw", [...caseTables(db), db.details, db.outbox], async () => {
    const cachedDetail = await db.details.get(detail.id);
    const isFresh = isNewer(detail, cachedDetail?.detail);
    if (isFresh) {
      await db.details.put({ id: detail.id, detail, fetchedAt: Date.now(), isStale: false });
    }
    const summary = summaryOfDetail(detail);
    const queued = await db.outbox.where("caseId").equals(detail.id).sortBy("seq");
    const changed = await mutateCases(db, [detail.id], (_id, row) =>
      !row || isNewer(summary, serverSummaryOf(row)) ? rowFor(summary, queued) : undefined,
    );
    return changed.length > 0 || isFresh;
  });
}

/** Recomputes a case's row from its server summary and its current outbox entries. */
export async function reprojectCase(db: DeskDatabase, caseId: string): Promise<void> {
  await db.transaction("rw", [...caseTables(db), db.outbox], async () => {
    const queued = await db.outbox.where("caseId").equals(caseId).sortBy("seq");
    await mutateCases(db, [caseId], (_id, row) =>
      row ? rowFor(serverSummaryOf(row), queued) : undefined,
    );
  });
}

/** Drops a case the server no longer has (redacted): its row and its detail. */
export async function dropCase(db: DeskDatabase, caseId: string): Promise<void> {
  await db.transaction("rw", [...caseTables(db), db.details], async () => {
    await deleteCases(db, [caseId]);
    await db.details.delete(caseId);
  });
}

/**
 * A tombstone (a redaction) reaches every desk: the case's evidence bytes leave the offline cache
 * with its detail, and the cache's running total follows.
 */
async function dropEvidenceOf(db: DeskDatabase, caseIds: readonly string[]): Promise<void> {
  const gone = await db.evidence.where("caseId").anyOf(caseIds).toArray();
  if (gone.length === 0) return;
  await db.evidence.bulkDelete(gone.map((e) => e.sha256));
  const row = await db.meta.get(META.evidenceBytes);
  const total = typeof row?.value === "number" ? row.value : 0;
  const freed = gone.reduce((sum, e) => sum + e.size, 0);
  await db.meta.put({ key: META.evidenceBytes, value: Math.max(0, total - freed) });
}
