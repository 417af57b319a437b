/**
 * Live SLA warnings name the clock that is due (respondent window, first response, resolution…),
 * re-evaluated from the case's timeline, and carry the same deadline the queue's columns hold.
 */
import type { LiveEvent } from "@shared/api/events";
import { DEFAULT_SLA_POLICY } from "@shared/sla";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../server/db/database";
import { migrate } from "../../server/db/migrate";
import { seedDemo } from "../../server/demo/seed";
import { EventHub } from "../../server/events/hub";

describe("SLA warnings on the live stream (PGlite)", () => {
  let db: Database;

  beforeAll(async () => {
    db = await openDatabase({});
    await migrate(db);
    await seedDemo(db, { appeals: 60 });
  });
  afterAll(async () => {
    await db.close();
  });

  it("names each case's due clock and its deadline", async () => {
    const hub = new EventHub(db);
    const warnings: Extract<LiveEvent, { type: "sla_warning" }>[] = [];
    hub.subscribe(({ event }) => {
      if (event.type === "sla_warning") warnings.push(event);
    });
    // The first scan only sets where the next one starts: everything that started warning or fell
    // due in the last 30 days.
    await hub.scanSla(new Date(Date.now() - 30 * 24 * 60 * 60 * 1000));
    const now = new Date();
    await hub.scanSla(now);

    expect(warnings.length).toBeGreaterThan(0);
    const clockIds = new Set(DEFAULT_SLA_POLICY.clocks.map((clock) => clock.id));
    const dueColumns = new Map(
      (await db.query<{ id: string; due_at: Date }>("select id, due_at from cases")).map((row) => [
        row.id,
        row.due_at,
      ]),
    );
    for (const warning of warnings) {
      expect(clockIds).toContain(warning.clockId);
      expect(warning.dueAt).toBe(dueColumns.get(warning.caseId)?.toISOString());
      expect(warning.level).toBe(
        Date.parse(warning.dueAt) <= now.getTime() ? "breached" : "warning",
      );
    }
    // A demo queue has cases waiting on more than one kind of clock.
    expect(new Set(warnings.map((w) => w.clockId)).size).toBeGreaterThan(1);
  });
});
