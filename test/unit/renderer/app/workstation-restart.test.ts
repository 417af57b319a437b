/**
 * The workstation is stopped and started again on sign-out/sign-in and under React StrictMode's
 * double effects (`npm run dev`): its desk search must come back each time. The worker core runs
 * in-process over fake-indexeddb (the global one, as the page's `indexedDB`); only the network
 * (`fetchDocuments`) and the cache (a small DeskData over a fixed list of rows) are stood in for.
 */
import "fake-indexeddb/auto";
import type { User } from "@shared/domain/user";
import type { SearchDocument } from "@shared/search/document";
import { expect, test } from "vitest";
import { createWorkstation } from "../../../../renderer/src/app/workstation";
import type { DeskData } from "../../../../renderer/src/desk-data";
import { toCachedCase } from "../../../../renderer/src/desk-data/cases/desk-db";
import type { WorkerPort } from "../../../../renderer/src/search/search-client";
import { createSearchWorker } from "../../../../renderer/src/search/search-worker-core";
import type { SearchReply, SearchRequest } from "../../../../renderer/src/search/worker-protocol";
import { bareSummary as summary } from "../../../support/case-detail";
import { freshUser } from "../../../support/fake-indexeddb";

/** A worker in-process that, like a real one, answers nothing once terminated. */
function inProcessWorker(started: WorkerPort[]): () => WorkerPort {
  return () => {
    let isTerminated = false;
    const port: WorkerPort = {
      onmessage: null,
      postMessage(message: SearchRequest) {
        if (!isTerminated) setTimeout(() => void core.receive(structuredClone(message)), 0);
      },
      terminate() {
        isTerminated = true;
      },
    };
    const core = createSearchWorker((reply: SearchReply) => {
      setTimeout(() => {
        if (!isTerminated) port.onmessage?.({ data: reply } as MessageEvent<SearchReply>);
      }, 0);
    });
    started.push(port);
    return port;
  };
}

const doc = (caseId: string, text: string): SearchDocument => ({
  caseId,
  version: 1,
  pieces: [
    { field: "reference", text: caseId },
    { field: "chat", text },
  ],
});

const until = async (check: () => boolean) => {
  for (let i = 0; i < 300 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

test("a stopped and restarted workstation searches statements and chat again", async () => {
  const rows = [toCachedCase(summary("c1")), toCachedCase(summary("c2"))];
  const server = new Map([
    ["c1", doc("c1", "Hai bên đã thỏa thuận hoàn tiền")],
    ["c2", doc("c2", "卖家一直不放币，我要求退款")],
  ]);
  // What the workstation reads of the cache; the rest of DeskData is never called here.
  const cache: Pick<
    DeskData,
    "allCases" | "casesByIds" | "onCasesChanged" | "enqueue" | "observeCase" | "evidenceContent"
  > = {
    allCases: async () => rows,
    casesByIds: async (ids) => ids.map((id) => rows.find((r) => r.id === id)),
    onCasesChanged: () => () => undefined,
    enqueue: async () => ({ seq: null, idempotencyKey: null }),
    observeCase: () => () => undefined,
    evidenceContent: async () => new Uint8Array(0),
  };
  const started: WorkerPort[] = [];
  const user: User = {
    id: freshUser(),
    username: "agent1",
    displayName: "Agent One",
    role: "agent",
  };
  const workstation = createWorkstation(cache as DeskData, user, null, null, {
    fetchDocuments: async (ids) => ids.flatMap((id) => server.get(id) ?? []),
    worker: inProcessWorker(started),
  });
  const search = async (text: string) => {
    workstation.queue.getState().setText(text);
    await until(() => !workstation.queue.getState().isSearching);
    return workstation.queue.getState().rows.map((slot) => workstation.queue.index.get(slot)?.id);
  };

  await workstation.start();
  await until(() => workstation.search?.versionOf("c2") === 1);
  expect(await search("thoa thuan")).toEqual(["c1"]);

  // StrictMode's effect pair, or a sign-out and back in.
  workstation.stop();
  await workstation.start();
  await until(() => workstation.search?.versionOf("c2") === 1);
  // Only the worker's index holds the chat: the queue's summaries would find nothing.
  expect(await search("退款")).toEqual(["c2"]);
  expect(await search("thoa thuan")).toEqual(["c1"]);
  expect(started).toHaveLength(2);

  workstation.stop();
  // A stopped workstation holds no worker and no numbering of the ended one.
  expect(workstation.search?.status().indexed).toBe(0);
  expect(workstation.search?.versionOf("c1")).toBeUndefined();
  workstation.stop();
  await workstation.start();
  expect(started).toHaveLength(3);
  await until(() => workstation.search?.versionOf("c1") === 1);
  expect(await search("hoan tien")).toEqual(["c1"]);
  workstation.stop();
});
