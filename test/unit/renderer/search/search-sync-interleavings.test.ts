/**
 * The search sync's interleavings, driven step by step: the network (`fetchDocuments`) answers
 * only when the test says so, the database and the client are in-memory stand-ins, so each race
 * the desk met under load is replayed in one exact order.
 */
import type { SearchDocument } from "@shared/search/document";
import { afterEach, describe, expect, test, vi } from "vitest";
import {
  type CachedCase,
  toCachedCase,
} from "../../../../renderer/src/desk-data/cases/cached-case";
import { startSearchSync } from "../../../../renderer/src/search/search-sync";
import { bareSummary as summary } from "../../../support/case-detail";

const doc = (caseId: string, version: number): SearchDocument => ({
  caseId,
  version,
  pieces: [{ field: "chat", text: `${caseId} at v${version}` }],
});

/** A promise the test resolves or rejects by hand. */
function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every pending promise callback run (the stand-ins answer in microtasks). */
const settle = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

function harness() {
  let rows: CachedCase[] = [];
  const listeners = new Set<(ids: readonly string[]) => void>();
  const stored = new Map<string, SearchDocument>();
  const versions = new Map<string, number>();
  const calls: { ids: string[]; answer: ReturnType<typeof deferred<SearchDocument[]>> }[] = [];
  const deps = {
    data: {
      allCases: async () => rows,
      casesByIds: async (ids: readonly string[]) => ids.map((id) => rows.find((r) => r.id === id)),
      onCasesChanged(listener: (ids: readonly string[]) => void) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    db: {
      documents: {
        bulkGet: async (ids: string[]) => ids.map((id) => stored.get(id)),
        bulkPut: async (docs: readonly SearchDocument[]) => {
          for (const d of docs) stored.set(d.caseId, d);
          return docs.at(-1)?.caseId ?? "";
        },
        bulkDelete: async (ids: readonly string[]) => {
          for (const id of ids) stored.delete(id);
        },
      },
    },
    client: {
      versionOf: (id: string) => versions.get(id),
      add: (docs: SearchDocument[]) => {
        for (const d of docs) versions.set(d.caseId, d.version);
      },
      remove: (ids: string[]) => {
        for (const id of ids) versions.delete(id);
      },
      whenLoaded: async () => undefined,
    },
    fetchDocuments: (ids: string[]) => {
      const answer = deferred<SearchDocument[]>();
      calls.push({ ids, answer });
      return answer.promise;
    },
  };
  return {
    deps,
    calls,
    versions,
    setCases(next: Array<[string, number]>) {
      rows = next.map(([id, version]) => toCachedCase(summary(id, { version })));
    },
    announce(ids: readonly string[]) {
      for (const listener of listeners) listener(ids);
    },
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("search sync interleavings", () => {
  test("a case changed while its documents are being fetched is fetched again at the new version", async () => {
    const h = harness();
    h.setCases([["c1", 1]]);
    const sync = startSearchSync(h.deps);
    await settle();
    expect(h.calls.map((c) => c.ids)).toEqual([["c1"]]);

    // While the first fetch is in flight, a live event brings version 2 of the same case.
    h.setCases([["c1", 2]]);
    h.announce(["c1"]);
    await settle();
    // The first answer was read before that change: it is version 1.
    h.calls[0]?.answer.resolve([doc("c1", 1)]);
    await settle();

    // Version 2 is still wanted, so it is asked for: the index does not stay at version 1.
    expect(h.calls.map((c) => c.ids)).toEqual([["c1"], ["c1"]]);
    h.calls[1]?.answer.resolve([doc("c1", 2)]);
    await sync.idle();
    expect(h.versions.get("c1")).toBe(2);
    expect(sync.pending()).toBe(0);
    sync.stop();
  });

  test("cases announced while the last pass settles start a pass of their own", async () => {
    const h = harness();
    h.setCases([["c1", 1]]);
    const sync = startSearchSync(h.deps);
    await settle();
    // The fill's next page lands in the same turn the first pass finishes: its announcement is
    // handled between the pass's last step and whatever follows it.
    h.setCases([
      ["c1", 1],
      ["c2", 1],
    ]);
    h.calls[0]?.answer.resolve([doc("c1", 1)]);
    queueMicrotask(() => h.announce(["c2"]));
    await settle();
    expect(h.calls.map((c) => c.ids)).toEqual([["c1"], ["c2"]]);
    h.calls[1]?.answer.resolve([doc("c2", 1)]);
    await sync.idle();
    expect([...h.versions]).toEqual([
      ["c1", 1],
      ["c2", 1],
    ]);
    sync.stop();
  });

  test("a failed fetch is tried again within seconds, not after the longest back-off", async () => {
    vi.useFakeTimers();
    const h = harness();
    h.setCases([["c1", 1]]);
    const sync = startSearchSync(h.deps);
    await settle();
    h.calls[0]?.answer.reject(new Error("503"));
    await settle();
    expect(sync.pending()).toBe(1);
    // The first retry comes after a second (a transient error during the fill must not leave
    // the index empty for half a minute, longer than an agent waits for a search).
    await vi.advanceTimersByTimeAsync(1_000);
    expect(h.calls).toHaveLength(2);
    h.calls[1]?.answer.resolve([doc("c1", 1)]);
    await settle();
    expect(h.versions.get("c1")).toBe(1);
    sync.stop();
  });

  test("a case the server no longer has is not asked for again, and a deleted row leaves the index", async () => {
    const h = harness();
    h.setCases([
      ["c1", 1],
      ["c2", 1],
    ]);
    const sync = startSearchSync(h.deps);
    await settle();
    h.calls[0]?.answer.resolve([doc("c1", 1)]);
    await sync.idle();
    expect(sync.pending()).toBe(0);
    h.setCases([["c2", 1]]);
    h.announce(["c1"]);
    await settle();
    expect(h.versions.has("c1")).toBe(false);
    expect(h.calls).toHaveLength(1);
    sync.stop();
  });
});
