import Dexie from "dexie";
import { afterEach, describe, expect, test } from "vitest";
import { applyServerBatch, applyServerDetail } from "../../../renderer/src/cache/case-cache";
import {
  DB_VERSION,
  type DeskDatabase,
  deskDatabaseName,
  META,
  NEVER_ESCALATED_KEY,
  openDeskDatabase,
  readMeta,
  SCHEMA_V1,
} from "../../../renderer/src/cache/desk-db";
import { detail, FAKE_IDB, freshUser, summary } from "../sync/support";

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
    await a.cases.put({
      ...summary("c1"),
      assigneeKey: "",
      escalatedKey: "x",
      amountValue: 1,
      pendingCount: 0,
    });
    expect(a.name).toBe(deskDatabaseName("alice"));
    expect(await b.cases.count()).toBe(0);
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
    const rows = await db.cases.orderBy("id").toArray();
    expect(rows.map((r) => [r.assigneeKey, r.escalatedKey, r.amountValue, r.pendingCount])).toEqual(
      [
        ["agent1", "2025-03-01T08:10:00.000Z", 3499.5, 0],
        ["", NEVER_ESCALATED_KEY, 1250000, 0],
      ],
    );
    // The default queue order is an index walk.
    const urgentFirst = await db.cases.orderBy("escalatedKey").toArray();
    expect(urgentFirst.map((r) => r.id)).toEqual(["c1", "c2"]);
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
    expect((await db.cases.get("c1"))?.status).toBe("in_review");
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
    expect(await db.cases.get("c1")).toBeUndefined();
    expect(await db.details.get("c1")).toBeUndefined();
    expect((await db.cases.get("c2"))?.version).toBe(5);
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
    expect(await db.cases.count()).toBe(1);
    expect(await readMeta(db, META.changesCursor)).toBe("k0");
  });
});
