/**
 * While the agent types, each keystroke's rows come first: the snippets of the rows on screen are
 * asked for once the text rests, for that text only, and a snippet request in the worker never
 * holds back the next keystroke's match.
 */
import type { SearchSnippet } from "@shared/search/document";
import { afterEach, expect, test, vi } from "vitest";
import { createQueueStore, type QueueSearch } from "../../../../renderer/src/queue/queue-store";
import { createSearchWorker } from "../../../../renderer/src/search/search-worker-core";
import type { SearchReply } from "../../../../renderer/src/search/worker-protocol";
import { summary } from "../../../support/case-detail";
import { FAKE_IDB, freshUser } from "../../../support/fake-indexeddb";

afterEach(() => {
  vi.useRealTimers();
});

test("snippets are asked for once typing rests, for the text then on screen", async () => {
  vi.useFakeTimers();
  const asked: { ids: string[]; terms: readonly string[] }[] = [];
  const search: QueueSearch = {
    numbers: new Map(),
    // No documents: the queue matches its summaries; the worker answers at once.
    match: async (terms) => ({ terms, hits: new Uint8Array(0) }),
    onIndexed: () => () => undefined,
    snippets: async (ids, terms) => {
      asked.push({ ids, terms });
      return ids.map((id): [string, SearchSnippet | null] => [
        id,
        { field: "chat", text: terms.join(" "), highlights: [] },
      ]);
    },
  };
  const rows = [summary({ id: "c1" }), summary({ id: "c2" })];
  const queue = createQueueStore({
    data: {
      allCases: async () => rows,
      casesByIds: async (ids) => ids.map((id) => rows.find((r) => r.id === id)),
      onCasesChanged: () => () => undefined,
      enqueue: async () => ({ seq: 1, idempotencyKey: "k" }),
    },
    views: { load: () => [], save: () => undefined },
    userId: "agent-1",
    search,
  });
  await queue.getState().start();
  // Three keystrokes 30 ms apart, each painting its rows and asking for their snippets.
  for (const text of ["n", "ng", "ngu"]) {
    queue.getState().setText(text);
    await vi.advanceTimersByTimeAsync(0);
    queue.getState().requestSnippets(["c1", "c2"]);
    await vi.advanceTimersByTimeAsync(30);
  }
  expect(asked).toEqual([]);
  await vi.advanceTimersByTimeAsync(200);
  expect(asked).toEqual([{ ids: ["c1", "c2"], terms: ["ngu"] }]);
  expect(queue.getState().snippets.get("c1")?.text).toBe("ngu");
  // Rows already answered for this text are not asked for again.
  queue.getState().requestSnippets(["c1", "c2"]);
  await vi.advanceTimersByTimeAsync(200);
  expect(asked).toHaveLength(1);
  queue.getState().stop();
});

test("the worker answers a match asked after a snippet request without waiting for it", async () => {
  const replies: SearchReply["type"][] = [];
  const worker = createSearchWorker((reply) => replies.push(reply.type), FAKE_IDB);
  await worker.receive({ type: "open", database: `arbiter-search:${freshUser()}` });
  await worker.receive({
    type: "add",
    docs: [{ caseId: "c1", version: 1, pieces: [{ field: "chat", text: "hoàn tiền" }] }],
  });
  replies.length = 0;
  const snippets = worker.receive({
    type: "snippets",
    seq: 1,
    caseIds: ["c1"],
    terms: ["tien"],
  });
  const match = worker.receive({ type: "match", seq: 2, terms: ["tien"] });
  await match;
  // The snippet read (IndexedDB) is still under way when the match is answered.
  expect(replies).toEqual(["matched"]);
  await snippets;
  expect(replies).toEqual(["matched", "snippets"]);
});
