/**
 * The embedded database runs in the server's own thread. A queue of waiting transactions must not
 * keep the event loop from reading sockets: each turn starts after the loop polled I/O once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../server/db/database";

describe("PGlite turns", () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase({});
  });
  afterAll(async () => {
    await db.close();
  });

  it("lets I/O callbacks run between queued transactions, which still run in arrival order", async () => {
    const order: number[] = [];
    const queued = Array.from({ length: 100 }, (_, i) =>
      db.transaction(async (tx) => {
        await tx.query("select $1::int as n", [i]);
        order.push(i);
      }),
    );
    // What a socket read would be: a callback of the event loop's check phase.
    const doneWhenPolled = await new Promise<number>((resolve) =>
      setImmediate(() => resolve(order.length)),
    );
    await Promise.all(queued);
    expect(doneWhenPolled).toBeLessThan(5);
    expect(order).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });
});
