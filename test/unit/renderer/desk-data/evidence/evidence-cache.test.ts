import type { DBCore, Middleware } from "dexie";
import { afterEach, expect, test } from "vitest";
import {
  type DeskDatabase,
  openDeskDatabase,
} from "../../../../../renderer/src/desk-data/cases/desk-db";
import { EvidenceCache } from "../../../../../renderer/src/desk-data/evidence/evidence-cache";
import { FAKE_IDB, freshUser } from "../../../../support/fake-indexeddb";

const open: DeskDatabase[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

function bytes(size: number, fill = 1): ArrayBuffer {
  return new Uint8Array(size).fill(fill).buffer;
}
const sha = (n: number) => n.toString(16).padStart(64, "0");

function setup(budgetBytes: number) {
  const db = openDeskDatabase(freshUser(), FAKE_IDB);
  open.push(db);
  let clock = 0;
  return { db, cache: new EvidenceCache(db, { budgetBytes, now: () => ++clock }) };
}

test("stays within its budget, evicting the least recently used", async () => {
  const { db, cache } = setup(1_000);
  for (let i = 1; i <= 4; i++) {
    expect(
      await cache.put({
        sha256: sha(i),
        caseId: "c1",
        mimeType: "image/png",
        bytes: bytes(300, i),
      }),
    ).toBe(true);
    if (i === 2) await cache.get(sha(1)); // 1 becomes more recent than 2
  }
  // 4 × 300 > 1000: the least recently used (2) went first.
  expect(await cache.totalBytes()).toBe(900);
  expect(await cache.get(sha(2))).toBeUndefined();
  expect((await cache.get(sha(1)))?.[0]).toBe(1);
  expect(await db.evidence.count()).toBe(3);
});

test("a file larger than the whole budget is not stored, and nothing is evicted for it", async () => {
  const { cache } = setup(1_000);
  await cache.put({ sha256: sha(1), caseId: "c1", mimeType: "image/png", bytes: bytes(500) });
  expect(
    await cache.put({ sha256: sha(2), caseId: "c1", mimeType: "image/png", bytes: bytes(1_001) }),
  ).toBe(false);
  expect(await cache.totalBytes()).toBe(500);
});

/**
 * A disk smaller than the budget: IndexedDB throws QuotaExceededError once the evidence rows would
 * exceed `diskBytes`. The middleware tracks what the store holds from the mutations it sees.
 */
function quotaMiddleware(diskBytes: number): Middleware<DBCore> {
  const held = new Map<string, number>();
  const used = () => [...held.values()].reduce((a, b) => a + b, 0);
  return {
    stack: "dbcore",
    name: "fake-quota",
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== "evidence") return table;
        return {
          ...table,
          mutate: async (req) => {
            if (req.type === "put") {
              const values = req.values as Array<{ sha256: string; size: number }>;
              const adding = values.reduce((n, v) => n + v.size - (held.get(v.sha256) ?? 0), 0);
              if (used() + adding > diskBytes) {
                throw Object.assign(new Error("The quota has been exceeded."), {
                  name: "QuotaExceededError",
                });
              }
              for (const v of values) held.set(v.sha256, v.size);
            } else if (req.type === "delete") {
              for (const key of req.keys as string[]) held.delete(key);
            }
            return table.mutate(req);
          },
        };
      },
    }),
  };
}

test("QuotaExceededError evicts and retries instead of failing", async () => {
  const { db, cache } = setup(10_000);
  // The disk holds 1,000 bytes though the budget says 10,000.
  db.use(quotaMiddleware(1_000));
  for (let i = 1; i <= 3; i++) {
    await cache.put({ sha256: sha(i), caseId: "c1", mimeType: "image/png", bytes: bytes(300) });
  }
  expect(
    await cache.put({ sha256: sha(4), caseId: "c1", mimeType: "image/png", bytes: bytes(400) }),
  ).toBe(true);
  expect(await cache.get(sha(4))).toBeDefined();
  expect(await cache.totalBytes()).toBeLessThanOrEqual(1_000);
  // A file the disk can never hold: put says no, and does not throw.
  expect(
    await cache.put({ sha256: sha(5), caseId: "c1", mimeType: "image/png", bytes: bytes(2_000) }),
  ).toBe(false);
});

test("a tombstone (redaction) drops the case's cached evidence and keeps the total right", async () => {
  const { applyServerBatch } = await import(
    "../../../../../renderer/src/desk-data/cases/case-cache"
  );
  const { db, cache } = setup(10_000);
  await cache.put({ sha256: sha(1), caseId: "redacted", mimeType: "image/png", bytes: bytes(300) });
  await cache.put({ sha256: sha(2), caseId: "redacted", mimeType: "image/png", bytes: bytes(200) });
  await cache.put({ sha256: sha(3), caseId: "kept", mimeType: "image/png", bytes: bytes(100) });
  expect(await cache.totalBytes()).toBe(600);
  await applyServerBatch(db, [{ type: "tombstone", id: "redacted", reason: "redacted" }]);
  expect(await cache.get(sha(1))).toBeUndefined();
  expect(await cache.get(sha(2))).toBeUndefined();
  expect(await cache.get(sha(3))).toBeDefined();
  expect(await cache.totalBytes()).toBe(100);
});
