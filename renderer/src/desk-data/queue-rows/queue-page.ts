/** The queue's reads of the cache: a filtered, sorted page, and the first screen of a warm start. */
import type { CachedCase } from "../cases/cached-case";
import { allCases, countCases, firstScreen, HEAD_ROWS } from "../cases/case-store";
import type { DeskDatabase } from "../cases/desk-db";
import type { QueuePage, QueueQuery } from "../contract";
import { queueOrder } from "./queue-order";

/**
 * A page of the queue, filtered and sorted in memory over every row: the rows live in chunks
 * with no per-row index (see case-store.ts), and one read of 100,000 rows is cheaper than the
 * index walk with a filter it replaces.
 */
export async function queuePage(db: DeskDatabase, query: QueueQuery): Promise<QueuePage> {
  const offset = query.offset ?? 0;
  const limit = query.limit ?? 200;
  const statuses = query.status ? new Set(query.status) : null;
  const assigneeKey = query.assignee === "none" ? "" : query.assignee;
  const matches = (row: CachedCase) =>
    (!statuses || statuses.has(row.status)) &&
    (!query.stage || row.stage === query.stage) &&
    (!query.kind || row.kind === query.kind) &&
    (assigneeKey === undefined || row.assigneeKey === assigneeKey);
  const rows = (await allCases(db)).filter(matches);
  rows.sort(queueOrder(query.sort ?? { by: "escalatedAt", direction: "asc" }));
  return { rows: rows.slice(offset, offset + limit), total: rows.length };
}

/** The first `limit` (at most HEAD_ROWS) rows in the default order, and the count of all rows. */
export async function firstScreenPage(db: DeskDatabase, limit: number): Promise<QueuePage> {
  const [rows, total] = await Promise.all([
    firstScreen(db, Math.min(limit, HEAD_ROWS)),
    countCases(db),
  ]);
  return { rows, total };
}
