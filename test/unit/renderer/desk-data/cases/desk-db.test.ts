import Dexie from "dexie";
import { afterEach, describe, expect, test } from "vitest";
import {
  applyServerBatch,
  applyServerDetail,
} from "../../../../../renderer/src/desk-data/cases/case-cache";
import {
  allCases,
  CHUNK_ROWS,
  countCases,
  deleteCases,
  firstScreen,
  getCase,
  getCases,
  headOf,
  putCases,
} from "../../../../../renderer/src/desk-data/cases/case-store";
import {
  DB_VERSION,
  type DeskDatabase,
  deskDatabaseName,
  META,
  NEVER_ESCALATED_KEY,
  openDeskDatabase,
  readMeta,
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  toCachedCase,
} from "../../../../../renderer/src/desk-data/cases/desk-db";
import { firstScreenOrder } from "../../../../../renderer/src/desk-data/queue-rows/queue-order";
import { bareDetail as detail, bareSummary as summary } from "../../../../support/case-detail";
import { FAKE_IDB, freshUser } from "../../../../support/fake-indexeddb";

const open: DeskDatabase[] = [];
function openDb(user = freshUser()) {
  const db = openDeskDatabase(user, FAKE_IDB);
  open.push(db);
  return db;
}
afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

describe("schema", () => {
  test("one database per user, at the current version", async () => {
    const a = openDb("alice");
    const b = openDb("bob");
    await putCases(a, [toCachedCase(summary("c1"))]);
    expect(a.name).toBe(deskDatabaseName("alice"));
    expect(await countCases(b)).toBe(0);
    await a.open();
    expect(a.verno).toBe(DB_VERSION);
  });

  test("a v1 cache on disk upgrades to the current version and gains the queue keys", async () => {
    const user = freshUser();
    const v1 = new Dexie(deskDatabaseName(user), FAKE_IDB);
    v1.version(1).stores(SCHEMA_V1);
    await v1
      .table("cases")
      .bulkPut([
        summary("c1", { assigneeId: "agent1", amount: "3499.50" }),
        summary("c2", { escalatedAt: null }),
      ]);
    v1.close();

    const db = openDb(user);
    const rows = await getCases(db, ["c1", "c2"]);
    expect(
      rows.map((r) => [r?.assigneeKey, r?.escalatedKey, r?.amountValue, r?.pendingCount]),
    ).toEqual([
      ["agent1", "2025-03-01T08:10:00.000Z", 3499.5, 0],
      ["", NEVER_ESCALATED_KEY, 1250000, 0],
    ]);
  });

  test("a v3 cache (one record per case) moves into chunks with nothing lost, outbox and cursor kept", async () => {
    const user = freshUser();
    const v3 = new Dexie(deskDatabaseName(user), FAKE_IDB);
    v3.version(1).stores(SCHEMA_V1);
    v3.version(2).stores(SCHEMA_V2);
    v3.version(3).stores(SCHEMA_V3);
    const count = CHUNK_ROWS * 2 + 7;
    const rows = Array.from({ length: count }, (_, i) => toCachedCase(summary(`c${i}`)));
    // A case under a pending action: its projected row and the server's copy beneath it.
    rows[3] = toCachedCase({ ...summary("c3"), status: "in_review" }, 1, summary("c3"));
    await v3.table("cases").bulkPut(rows);
    await v3.table("outbox").add({ caseId: "c3", idempotencyKey: "k", state: "pending" });
    await v3.table("meta").put({ key: META.changesCursor, value: "cursor-at-v3" });
    v3.close();

    const db = openDb(user);
    expect(await countCases(db)).toBe(count);
    expect(await db.caseChunks.count()).toBe(3);
    expect(await db.caseHeads.count()).toBe(3);
    const all = await allCases(db);
    expect(new Set(all.map((r) => r.id)).size).toBe(count);
    expect(await getCase(db, "c3")).toEqual(rows[3]);
    expect(await getCase(db, `c${count - 1}`)).toEqual(rows[count - 1]);
    expect(await db.outbox.count()).toBe(1);
    expect(await readMeta(db, META.changesCursor)).toBe("cursor-at-v3");
    expect(db.tables.map((t) => t.name)).not.toContain("cases");
  });
});

describe("chunked case store", () => {
  test("appends new cases to the tail chunk, updates in place, drops emptied chunks", async () => {
    const db = openDb();
    const first = Array.from({ length: CHUNK_ROWS + 10 }, (_, i) => toCachedCase(summary(`c${i}`)));
    await putCases(db, first);
    expect((await db.caseChunks.toArray()).map((c) => c.rows.length)).toEqual([CHUNK_ROWS, 10]);

    await putCases(db, [toCachedCase(summary("c1", { version: 2 })), toCachedCase(summary("n1"))]);
    expect((await db.caseChunks.toArray()).map((c) => c.rows.length)).toEqual([CHUNK_ROWS, 11]);
    expect((await getCase(db, "c1"))?.version).toBe(2);

    await deleteCases(db, [...first.slice(CHUNK_ROWS).map((r) => r.id), "n1", "absent"]);
    expect(await db.caseChunks.count()).toBe(1);
    expect(await countCases(db)).toBe(CHUNK_ROWS);
    expect(await getCases(db, ["c0", "n1", "absent"])).toEqual([first[0], undefined, undefined]);
  });

  test("the directory always agrees with the chunks after random puts and deletes", async () => {
    const db = openDb();
    const model = new Map<string, number>();
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 30; round++) {
      const puts = Array.from({ length: random(400) }, () => `c${random(1_500)}`);
      const deletes = Array.from({ length: random(100) }, () => `c${random(1_500)}`);
      await putCases(
        db,
        puts.map((id) =>
          toCachedCase(
            summary(id, {
              version: round,
              escalatedAt: random(10)
                ? new Date(Date.UTC(2025, 0, 1, 0, random(50_000))).toISOString()
                : null,
              // The heads' order is the SLA's: deadlines, then paused clocks, then none.
              dueAt: random(8)
                ? new Date(Date.UTC(2025, 0, 1, 0, random(50_000))).toISOString()
                : null,
              status: random(4) ? "escalated" : "awaiting_evidence",
            }),
          ),
        ),
      );
      await deleteCases(db, deletes);
      for (const id of puts) model.set(id, round);
      for (const id of deletes) model.delete(id);
    }
    const all = await allCases(db);
    expect(all.length).toBe(model.size);
    expect(new Map(all.map((r) => [r.id, r.version]))).toEqual(model);
    const directory = (await db.caseDirectory.toArray()).flatMap((s) =>
      s.ids.map((id, i) => [id, s.chunks[i]] as const),
    );
    const chunks = await db.caseChunks.toArray();
    const actual = chunks.flatMap((c) => c.rows.map((r) => [r.id, c.chunk] as const));
    expect(new Map(directory)).toEqual(new Map(actual));
    // Each head is its chunk's first rows, so the first screen is exact without reading all rows.
    const heads = await db.caseHeads.toArray();
    expect(heads).toEqual(chunks.map(headOf));
    expect((await firstScreen(db, 60)).map((r) => r.id)).toEqual(
      [...all]
        .sort(firstScreenOrder)
        .slice(0, 60)
        .map((r) => r.id),
    );
  });
});

describe("applyServerBatch", () => {
  test("stores rows and cursor together; older versions never overwrite newer ones", async () => {
    const db = openDb();
    await applyServerBatch(
      db,
      [{ type: "upsert", case: summary("c1", { version: 3, status: "in_review" }) }],
      [{ key: META.changesCursor, value: "k1" }],
    );
    const changed = await applyServerBatch(db, [
      { type: "upsert", case: summary("c1", { version: 2, status: "escalated" }) },
      { type: "upsert", case: summary("c2") },
    ]);
    expect(changed).toEqual(["c2"]);
    expect((await getCase(db, "c1"))?.status).toBe("in_review");
    expect(await readMeta(db, META.changesCursor)).toBe("k1");
  });

  test("tombstones delete the case and its detail; the last change in a batch wins", async () => {
    const db = openDb();
    await applyServerDetail(db, detail("c1"));
    await applyServerBatch(db, [
      { type: "upsert", case: summary("c1", { version: 2 }) },
      { type: "tombstone", id: "c1", reason: "redacted" },
      { type: "tombstone", id: "c2", reason: "redacted" },
      { type: "upsert", case: summary("c2", { version: 5 }) },
    ]);
    expect(await getCase(db, "c1")).toBeUndefined();
    expect(await db.details.get("c1")).toBeUndefined();
    expect((await getCase(db, "c2"))?.version).toBe(5);
  });

  test("a batch that fails part-way leaves neither its rows nor its cursor", async () => {
    const db = openDb();
    await applyServerBatch(
      db,
      [{ type: "upsert", case: summary("c0") }],
      [{ key: META.changesCursor, value: "k0" }],
    );
    // A value IndexedDB cannot store aborts the transaction after the rows were written in it.
    const unstorable = { key: META.changesCursor, value: () => "not cloneable" };
    await expect(
      applyServerBatch(
        db,
        [
          { type: "upsert", case: summary("c1") },
          { type: "upsert", case: summary("c2") },
        ],
        [unstorable],
      ),
    ).rejects.toThrow();
    expect(await countCases(db)).toBe(1);
    expect(await readMeta(db, META.changesCursor)).toBe("k0");
  });
});
