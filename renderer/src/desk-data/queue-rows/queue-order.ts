import type { CaseSummary } from "@shared/domain/appeal";
import type { CachedCase } from "../cases/cached-case";

/** The sorts `observeQueue` offers (others: sort in memory over `allCases`). */
export type QueueSortKey = "escalatedAt" | "updatedAt" | "amount";

/** The key each queue sort compares: the never-null twins, so unescalated cases sort last. */
const SORT_KEY = {
  escalatedAt: (row: CachedCase) => row.escalatedKey,
  updatedAt: (row: CachedCase) => row.updatedAt,
  amount: (row: CachedCase) => row.amountValue,
} satisfies Record<QueueSortKey, (row: CachedCase) => string | number>;

/**
 * A comparator for `observeQueue`'s sorts. Ties break on the id so pages are stable between
 * reads (the index order of v3 did the same through its primary key).
 */
export function queueOrder(sort: {
  by: QueueSortKey;
  direction: "asc" | "desc";
}): (a: CachedCase, b: CachedCase) => number {
  const key: (row: CachedCase) => string | number = SORT_KEY[sort.by];
  const sign = sort.direction === "asc" ? 1 : -1;
  return (a, b) => {
    const x = key(a);
    const y = key(b);
    if (x !== y) return x < y ? -sign : sign;
    return a.id < b.id ? -sign : a.id > b.id ? sign : 0;
  };
}

/** Sort key of a paused clock (awaiting a party's evidence): after every running deadline. */
const PAUSED_KEY = 8e15;
/** Sort key of a case with no clock to count down: last. */
const NO_CLOCK_KEY = 9e15;

/**
 * The queue screen's SLA sort key: the earliest running deadline, then paused clocks, then cases
 * with none. The queue index sorts by it, and the chunk heads are kept in its order, so the first
 * screen painted from the heads is exactly the one the full index then shows.
 */
export function slaSortKey(row: Pick<CaseSummary, "dueAt" | "status">): number {
  if (row.dueAt) return Date.parse(row.dueAt);
  return row.status === "awaiting_evidence" ? PAUSED_KEY : NO_CLOCK_KEY;
}

/** Reference order: references grow in digits, never shrink, so length then text is numeric. */
export function compareReferences(x: string, y: string): number {
  return x.length - y.length || (x < y ? -1 : x > y ? 1 : 0);
}

/** The queue screen's default order (most urgent SLA first), as the heads and first screen use it. */
export function firstScreenOrder(
  a: Pick<CaseSummary, "dueAt" | "status" | "reference">,
  b: Pick<CaseSummary, "dueAt" | "status" | "reference">,
): number {
  return slaSortKey(a) - slaSortKey(b) || compareReferences(a.reference, b.reference);
}
