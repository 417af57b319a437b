/**
 * The desk's search path without a browser: the worker core (in-process, over fake-indexeddb)
 * behind the real SearchClient, fed by the search sync from a cached queue, and the queue store
 * finding text that only statements and chat hold. Only the network (`fetchDocuments`) is
 * stood in for, at the edge.
 */
import type { SearchDocument } from "@shared/search/document";
import { describe, expect, test } from "vitest";
import { toCachedCase } from "../../../../renderer/src/desk-data/cases/desk-db";
import { createQueueStore } from "../../../../renderer/src/queue/queue-store";
import { SearchClient, type WorkerPort } from "../../../../renderer/src/search/search-client";
import { SearchDatabase } from "../../../../renderer/src/search/search-db";
import { startSearchSync } from "../../../../renderer/src/search/search-sync";
import { createSearchWorker } from "../../../../renderer/src/search/search-worker-core";
import type { SearchReply, SearchRequest } from "../../../../renderer/src/search/worker-protocol";
import { bareSummary as summary } from "../../../support/case-detail";
import { FAKE_IDB, freshUser } from "../../../support/fake-indexeddb";

/** A MessagePort-like pair: the client's posts reach the core asynchronously, and back. */
function inProcessWorker(): WorkerPort {
  const port: WorkerPort = {
    onmessage: null,
    postMessage(message: SearchRequest) {
      setTimeout(() => void core.receive(structuredClone(message)), 0);
    },
  };
  const core = createSearchWorker((reply: SearchReply) => {
    setTimeout(() => port.onmessage?.({ data: reply } as MessageEvent<SearchReply>), 0);
  }, FAKE_IDB);
  return port;
}

const doc = (caseId: string, version: number, text: string): SearchDocument => ({
  caseId,
  version,
  pieces: [
    { field: "reference", text: caseId },
    { field: "chat", text },
  ],
});

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

describe("search sync and worker", () => {
  test("stale cases are fetched, stored and indexed; the queue finds their chat", async () => {
    const name = `arbiter-search:${freshUser()}`;
    const db = new SearchDatabase(name, FAKE_IDB);
    // One document another window stored already, at the current version.
    await db.documents.put(doc("c1", 1, "Hai bên đã thỏa thuận"));
    let rows = [toCachedCase(summary("c1")), toCachedCase(summary("c2"))];
    const listeners = new Set<(ids: readonly string[]) => void>();
    const server = new Map([
      ["c2", doc("c2", 1, "卖家一直不放币，我要求退款")],
      ["c1", doc("c1", 2, "Người bán hứa hoàn tiền")],
    ]);
    const asked: string[][] = [];
    let isOnline = true;
    const data = {
      allCases: async () => rows,
      casesByIds: async (ids: readonly string[]) => ids.map((id) => rows.find((r) => r.id === id)),
      onCasesChanged(listener: (ids: readonly string[]) => void) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    const client = new SearchClient(inProcessWorker);
    await client.open(name);
    const sync = startSearchSync({
      data,
      db,
      client,
      retryMs: 20,
      fetchDocuments: async (ids) => {
        asked.push(ids);
        if (!isOnline) throw new Error("offline");
        return ids.flatMap((id) => {
          const found = server.get(id);
          return found && found.version <= (rows.find((r) => r.id === id)?.version ?? 0)
            ? [found]
            : [];
        });
      },
    });
    await until(() => client.versionOf("c2") === 1);
    // c1 came from the database, not the network.
    expect(asked.flat()).toEqual(["c2"]);

    const queue = createQueueStore({
      data: { ...data, enqueue: async () => ({ seq: null, idempotencyKey: null }) },
      views: { load: () => [], save: () => undefined },
      userId: "agent-1",
      search: client,
    });
    await queue.getState().start();
    const found = async (text: string) => {
      queue.getState().setText(text);
      await until(() => !queue.getState().isSearching);
      return queue.getState().rows.map((slot) => queue.index.get(slot)?.id);
    };
    expect(await found("thoa thuan")).toEqual(["c1"]);
    expect(await found("退款")).toEqual(["c2"]);

    // Offline: the new version is wanted, asked for again after the retry, then indexed.
    isOnline = false;
    rows = [toCachedCase(summary("c1", { version: 2 })), rows[1] as (typeof rows)[number]];
    for (const listener of listeners) listener(["c1"]);
    await until(() => asked.length >= 2);
    expect(client.versionOf("c1")).toBe(1);
    isOnline = true;
    await until(() => client.versionOf("c1") === 2);
    expect((await db.documents.get("c1"))?.version).toBe(2);
    expect(await found("thoa thuan")).toEqual([]);
    expect(await found("hua hoan tien")).toEqual(["c1"]);

    // Snippets come from the stored documents, highlighted.
    queue.getState().requestSnippets(["c1"]);
    await until(() => queue.getState().snippets.has("c1"));
    const snippet = queue.getState().snippets.get("c1");
    expect(snippet?.field).toBe("chat");
    expect(snippet?.highlights.map(([a, b]) => snippet.text.slice(a, b))).toEqual([
      "hứa",
      "hoàn",
      "tiền",
    ]);
    sync.stop();
    queue.getState().stop();
  });
});
