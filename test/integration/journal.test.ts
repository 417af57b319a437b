/**
 * The journal sealed at COMMIT (migration 004), on both databases: sequences follow commit order,
 * not the order entries were staged in; a rollback records nothing; and a chain that starts with
 * entries of the older link scheme verifies across the switch, while a hand edit is still found.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuditContent, entryHash, GENESIS_HASH } from "../../server/audit/chain";
import { verifyChain } from "../../server/audit/log";
import { type Database, openDatabase, type Queryable } from "../../server/db/database";
import { migrate } from "../../server/db/migrate";
import { journal } from "../../server/journal/journal";
import { BACKENDS } from "../support/backends";
import { startPostgres, type TestPostgres } from "../support/postgres";

function content(caseId: string, action: string): AuditContent {
  return {
    caseId,
    actorId: "u-agent1",
    actorRole: "agent",
    action,
    at: new Date("2026-11-23T10:00:00.000Z"),
    beforeVersion: 1,
    afterVersion: 2,
    requestId: randomUUID(),
    idempotencyKey: null,
    details: { to: "decided", from: "in_review", amount: "12.50" },
  };
}

async function stage(tx: Queryable, caseId: string, action: string): Promise<void> {
  await journal(tx, { caseId, kind: "upsert" }, content(caseId, action));
}

async function auditActions(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ action: string }>("select action from audit_log order by seq");
  return rows.map((r) => r.action);
}

async function feedCases(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ case_id: string }>("select case_id from case_changes order by seq");
  return rows.map((r) => r.case_id);
}

/** Writes an entry the way servers did before migration 004: hash computed by the server. */
async function appendLegacyEntry(db: Database, entry: AuditContent): Promise<void> {
  await db.transaction(async (tx) => {
    const [counter] = await tx.query<{ last_audit_seq: string; last_audit_hash: string }>(
      "select last_audit_seq, last_audit_hash from change_counter where id = 1 for update",
    );
    if (!counter) throw new Error("no counter");
    const seq = Number(counter.last_audit_seq) + 1;
    const hash = entryHash(counter.last_audit_hash, seq, entry);
    await tx.query(
      `insert into audit_log (seq, case_id, actor_id, actor_role, action, at, before_version,
         after_version, request_id, idempotency_key, details, prev_hash, hash)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        seq,
        entry.caseId,
        entry.actorId,
        entry.actorRole,
        entry.action,
        entry.at,
        entry.beforeVersion,
        entry.afterVersion,
        entry.requestId,
        entry.idempotencyKey,
        JSON.stringify(entry.details),
        counter.last_audit_hash,
        hash,
      ],
    );
    await tx.query("update change_counter set last_audit_seq = $1, last_audit_hash = $2", [
      seq,
      hash,
    ]);
  });
}

for (const { name, skip } of BACKENDS) {
  describe.skipIf(skip !== null)(
    `journal sealed at commit on ${name}${skip ? ` (${skip})` : ""}`,
    () => {
      let postgres: TestPostgres | null = null;
      let db: Database;

      beforeAll(async () => {
        if (name === "PostgreSQL") {
          postgres = await startPostgres();
          if (!postgres) throw new Error("PostgreSQL is not available");
        }
        const databaseUrl = postgres
          ? await postgres.createDatabase(`j_${randomUUID().slice(0, 8)}`)
          : undefined;
        db = await openDatabase({ databaseUrl });
        await migrate(db);
      });
      afterAll(async () => {
        await db?.close();
        await postgres?.stop();
      });

      it("verifies a chain that starts with older entries, and finds a hand edit of a sealed one", async () => {
        expect(GENESIS_HASH).toHaveLength(64);
        await appendLegacyEntry(db, content("case-legacy-1", "legacy:1"));
        await appendLegacyEntry(db, content("case-legacy-2", "legacy:2"));
        for (const id of ["case-new-1", "case-new-2"])
          await db.transaction((tx) => stage(tx, id, `sealed:${id}`));
        expect(await auditActions(db)).toEqual([
          "legacy:1",
          "legacy:2",
          "sealed:case-new-1",
          "sealed:case-new-2",
        ]);
        expect(await db.query("select 1 from journal_pending")).toEqual([]);
        expect(await verifyChain(db)).toMatchObject({ ok: true, checked: 4, firstBroken: null });

        await db.query("alter table audit_log disable trigger audit_log_no_update");
        await db.query(
          `update audit_log set details = jsonb_set(details, '{amount}', '"99.00"') where seq = 3`,
        );
        await db.query("alter table audit_log enable trigger audit_log_no_update");
        expect(await verifyChain(db)).toMatchObject({
          ok: false,
          firstBroken: { seq: 3, reason: "hash_mismatch" },
        });
        await db.query("alter table audit_log disable trigger audit_log_no_update");
        await db.query(
          `update audit_log set details = jsonb_set(details, '{amount}', '"12.50"') where seq = 3`,
        );
        await db.query("alter table audit_log enable trigger audit_log_no_update");
        expect((await verifyChain(db)).ok).toBe(true);
      });

      it("records nothing for a transaction that rolls back", async () => {
        const before = await auditActions(db);
        await expect(
          db.transaction(async (tx) => {
            await stage(tx, "case-rolled-back", "rolled-back");
            throw new Error("refused");
          }),
        ).rejects.toThrow("refused");
        expect(await auditActions(db)).toEqual(before);
        expect(await feedCases(db)).not.toContain("case-rolled-back");
        expect((await verifyChain(db)).ok).toBe(true);
      });

      it.skipIf(name === "PGlite")(
        "numbers entries in commit order: staged first but committed last comes last",
        async () => {
          let releaseFirst = () => {};
          const firstMayCommit = new Promise<void>((resolve) => {
            releaseFirst = resolve;
          });
          let firstStaged = () => {};
          const staged = new Promise<void>((resolve) => {
            firstStaged = resolve;
          });
          const first = db.transaction(async (tx) => {
            await stage(tx, "case-staged-first", "staged-first");
            firstStaged();
            await firstMayCommit;
          });
          await staged;
          await db.transaction((tx) => stage(tx, "case-staged-second", "staged-second"));
          releaseFirst();
          await first;
          expect((await auditActions(db)).slice(-2)).toEqual(["staged-second", "staged-first"]);
          expect((await feedCases(db)).slice(-2)).toEqual([
            "case-staged-second",
            "case-staged-first",
          ]);
          expect((await verifyChain(db)).ok).toBe(true);
        },
      );
    },
  );
}
