/**
 * Writes to the case tables, each inside the caller's or its own Dexie transaction, so the cache
 * never holds half a batch and the projected rows always agree with the outbox.
 */
import type { CaseChange } from "@shared/api/cases";
import type { CaseDetail, CaseSummary } from "@shared/domain/appeal";
import { isNewer, projectSummary } from "../sync/outbox-logic";
import type { OutboxEntry } from "../sync/outbox-types";
import { type CachedCase, type DeskDatabase, toCachedCase, toSummary } from "./desk-db";

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
 */
export async function applyServerBatch(
  db: DeskDatabase,
  changes: readonly CaseChange[],
  meta: Array<{ key: string; value: unknown }> = [],
): Promise<string[]> {
  return db.transaction("rw", [db.cases, db.details, db.outbox, db.meta], async () => {
    const outbox = groupByCase(await db.outbox.toArray());
    // Last change of a case within the batch wins: the feed is in commit order.
    const latest = new Map<string, CaseSummary>();
    const deleted = new Set<string>();
    for (const change of changes) {
      if (change.type === "upsert") {
        latest.set(change.case.id, change.case);
        deleted.delete(change.case.id);
      } else {
        deleted.add(change.id);
        latest.delete(change.id);
      }
    }
    const deletions = [...deleted];
    const ids = [...latest.keys()];
    const existing = await db.cases.bulkGet(ids);
    const rows: CachedCase[] = [];
    ids.forEach((id, i) => {
      const incoming = latest.get(id);
      const cached = existing[i];
      if (!incoming) return;
      if (cached && !isNewer(incoming, serverSummaryOf(cached))) return;
      rows.push(rowFor(incoming, outbox.get(id)));
    });
    if (rows.length) await db.cases.bulkPut(rows);
    if (deletions.length) {
      await db.cases.bulkDelete(deletions);
      await db.details.bulkDelete(deletions);
    }
    if (meta.length) await db.meta.bulkPut(meta);
    return [...rows.map((r) => r.id), ...deletions];
  });
}

/** Stores a server detail (from a GET or a mutation's answer) and its summary, if not older. */
export async function applyServerDetail(db: DeskDatabase, detail: CaseDetail): Promise<boolean> {
  return db.transaction("rw", [db.cases, db.details, db.outbox], async () => {
    const cachedDetail = await db.details.get(detail.id);
    const isFresh = isNewer(detail, cachedDetail?.detail);
    if (isFresh) {
      await db.details.put({ id: detail.id, detail, fetchedAt: Date.now(), isStale: false });
    }
    const row = await db.cases.get(detail.id);
    const summary = summaryOfDetail(detail);
    if (!row || isNewer(summary, serverSummaryOf(row))) {
      const queued = await db.outbox.where("caseId").equals(detail.id).sortBy("seq");
      await db.cases.put(rowFor(summary, queued));
      return true;
    }
    return isFresh;
  });
}

/** Recomputes a case's row from its server summary and its current outbox entries. */
export async function reprojectCase(db: DeskDatabase, caseId: string): Promise<void> {
  const row = await db.cases.get(caseId);
  if (!row) return;
  const queued = await db.outbox.where("caseId").equals(caseId).sortBy("seq");
  await db.cases.put(rowFor(serverSummaryOf(row), queued));
}
