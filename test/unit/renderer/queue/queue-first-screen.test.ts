import type { CaseSummary } from "@shared/domain/appeal";
import { describe, expect, test } from "vitest";
import { firstScreenOrder } from "../../../../renderer/src/desk-data/queue-rows/queue-order";
import { createQueueStore, type QueueData } from "../../../../renderer/src/queue/queue-store";
import { summary } from "../../../support/case-detail";

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** Deadlines, paused clocks (awaiting evidence) and cases with no clock, shuffled. */
function rows(count: number): CaseSummary[] {
  let seed = 7;
  const random = (n: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed % n;
  };
  return Array.from({ length: count }, (_, i) => {
    const kind = random(10);
    return summary({
      id: `c${i + 1}`,
      status: kind === 0 ? "awaiting_evidence" : kind === 1 ? "closed" : "escalated",
      dueAt: kind < 2 ? null : new Date(Date.UTC(2026, 2, 1, 0, random(20_000))).toISOString(),
    });
  });
}

describe("queue store warm start", () => {
  test("paints the cache's first screen, then the full index shows the same rows on top", async () => {
    const all = rows(1_000);
    const everyRow = deferred<readonly CaseSummary[]>();
    const data: QueueData = {
      allCases: () => everyRow.promise,
      // What the cache answers from its chunk heads: the top rows in the SLA order, and the count.
      firstScreen: async (limit) => ({
        rows: [...all].sort(firstScreenOrder).slice(0, limit),
        total: all.length,
      }),
      casesByIds: async (ids) => ids.map((id) => all.find((r) => r.id === id)),
      onCasesChanged: () => () => undefined,
      enqueue: async () => ({ seq: 1, idempotencyKey: "k" }),
    };
    const store = createQueueStore({
      data,
      views: { load: () => [], save: () => undefined },
      userId: "agent-1",
    });
    const starting = store.getState().start();
    await expect.poll(() => store.getState().status).toBe("ready");
    const ids = () => store.getState().rows.map((slot) => store.index.get(slot)?.id);
    // Painted before every row was read, with the true count.
    const firstPaint = ids();
    expect(firstPaint).toHaveLength(100);
    expect(store.getState().total).toBe(1_000);

    everyRow.resolve(all);
    await starting;
    expect(store.getState().rows).toHaveLength(1_000);
    // Nothing moves when the full index takes over: the first screen was already exact.
    expect(ids().slice(0, 100)).toEqual(firstPaint);
  });

  test("a non-default view waits for every row (the heads only answer the default order)", async () => {
    const all = rows(300);
    let firstScreenCalls = 0;
    const store = createQueueStore({
      data: {
        allCases: async () => all,
        firstScreen: async () => {
          firstScreenCalls++;
          return { rows: [], total: 0 };
        },
        casesByIds: async () => [],
        onCasesChanged: () => () => undefined,
        enqueue: async () => ({ seq: 1, idempotencyKey: "k" }),
      },
      views: { load: () => [], save: () => undefined },
      userId: "agent-1",
    });
    store.getState().sortBy("amount");
    await store.getState().start();
    expect(firstScreenCalls).toBe(0);
    expect(store.getState().rows).toHaveLength(300);
  });
});
