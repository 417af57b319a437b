import type { ChangesPage } from "@shared/api/cases";
import { afterEach, expect, test } from "vitest";
import { ApiError } from "../../../../../renderer/src/api/api-error";
import {
  allCases,
  countCases,
  getCase,
} from "../../../../../renderer/src/desk-data/cases/case-store";
import {
  type DeskDatabase,
  META,
  openDeskDatabase,
  readMeta,
} from "../../../../../renderer/src/desk-data/cases/desk-db";
import { createSyncStatusStore } from "../../../../../renderer/src/desk-data/sync/status-store";
import type { SyncApi } from "../../../../../renderer/src/desk-data/sync/sync-api";
import { SyncEngine } from "../../../../../renderer/src/desk-data/sync/sync-engine";
import { bareSummary as summary } from "../../../../support/case-detail";
import { FAKE_IDB, freshUser } from "../../../../support/fake-indexeddb";

/**
 * A changes feed of `total` cases served `pageSize` at a time, with the cursor as the offset.
 * `failAt` makes the request for that offset fail once, like a dropped connection.
 */
function feed(total: number, options: { failAt?: number; log?: string[] } = {}): SyncApi {
  let failAt = options.failAt;
  return {
    async changes(since, limit) {
      const from = since ? Number(since) : 0;
      options.log?.push(`get ${from}`);
      // A little latency, so the page fetched ahead is really in flight during the write.
      await new Promise((resolve) => setTimeout(resolve, 2));
      if (from === failAt) {
        failAt = undefined;
        throw new ApiError("The server cannot be reached.", 0, null);
      }
      const to = Math.min(total, from + limit);
      const changes = Array.from({ length: to - from }, (_, i) => ({
        type: "upsert" as const,
        case: summary(`c${from + i}`, { version: 1 }),
      }));
      return { changes, cursor: String(to), hasMore: to < total } satisfies ChangesPage;
    },
    getCase: () => Promise.reject(new Error("not used")),
    mutate: () => Promise.reject(new Error("not used")),
    evidenceContent: () => Promise.reject(new Error("not used")),
    uploadEvidence: () => Promise.reject(new Error("not used")),
    eventStream: () => ({ url: "http://invalid/events", headers: () => ({}) }),
  };
}

const open: DeskDatabase[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

function engineFor(api: SyncApi, pageSize = 700) {
  const db = openDeskDatabase(freshUser(), FAKE_IDB);
  open.push(db);
  const status = createSyncStatusStore();
  return {
    db,
    status,
    engine: new SyncEngine({ db, api, status, pageSize, useLiveEvents: false }),
  };
}

test("the fill fetches the next page while writing one, and stores every case once", async () => {
  const log: string[] = [];
  const { db, engine, status } = engineFor(feed(3_000, { log }));
  await engine.pullRound();
  expect(await countCases(db)).toBe(3_000);
  expect(new Set((await allCases(db)).map((r) => r.id)).size).toBe(3_000);
  expect(log).toEqual(["get 0", "get 700", "get 1400", "get 2100", "get 2800"]);
  expect(await readMeta(db, META.fillComplete)).toBe(true);
  expect(status.getState()).toMatchObject({ fillRows: null, phase: "idle", error: null });
});

test("an interrupted fill keeps the pages written with their cursor and resumes after them", async () => {
  const { db, engine, status } = engineFor(feed(3_000, { failAt: 2_100 }));
  await engine.pullRound();
  // Pages 0, 700 and 1400 committed; the failed request for 2100 stored nothing.
  expect(await countCases(db)).toBe(2_100);
  expect(await readMeta(db, META.changesCursor)).toBe("2100");
  expect(await readMeta(db, META.fillComplete)).toBeUndefined();
  expect(status.getState().isOnline).toBe(false);

  await engine.pullRound();
  expect(await countCases(db)).toBe(3_000);
  expect(await getCase(db, "c2999")).toMatchObject({ id: "c2999", version: 1 });
  expect(await readMeta(db, META.fillComplete)).toBe(true);
});
