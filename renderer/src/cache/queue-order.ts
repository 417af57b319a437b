import type { QueueSortKey } from "../sync/index";
import type { CachedCase } from "./desk-db";

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

/** The queue's default order: most urgent escalation first (what a warm start paints first). */
export const DEFAULT_QUEUE_ORDER = queueOrder({ by: "escalatedAt", direction: "asc" });
