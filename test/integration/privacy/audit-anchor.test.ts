/**
 * The audit chain anchored outside the database, on PGlite and PostgreSQL, tampered with the way
 * someone with write access to the database (but not the server's key) would: the tail deleted
 * and the counter wound back; an entry edited and every link after it recomputed; an entry
 * removed and the rest renumbered and re-linked. Each is reported by `GET /audit/verify`.
 */

import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AuditCheckpoint, AuditVerification } from "@shared/api/audit";
import type { MutationResponse } from "@shared/api/mutations";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canonicalJson, GENESIS_HASH, linkHash } from "../../../server/audit/chain";
import type { Queryable } from "../../../server/db/database";
import { startServer } from "../../../server/start";
import { ApiClient } from "../../support/api";
import { escalatedCase } from "../../support/appeals";
import { BACKENDS, type Backend, openBackend, SERVICE_TOKEN } from "../../support/backends";

const RATIONALE = "The bank statement shows the transfer arrived on time and in full.";

/** Runs `sql` with the append-only trigger off, as a database owner could. */
async function asOwner(db: Queryable, work: () => Promise<void>): Promise<void> {
  await db.query("alter table audit_log disable trigger audit_log_no_update");
  try {
    await work();
  } finally {
    await db.query("alter table audit_log enable trigger audit_log_no_update");
  }
}

/** Recomputes every link from `fromSeq` and the counter, as a tamperer covering tracks would. */
async function relink(db: Queryable, fromSeq: number): Promise<void> {
  const rows = await db.query<{ seq: string; content_hash: string; prev_hash: string }>(
    "select seq, content_hash, prev_hash from audit_log where seq >= $1 order by seq",
    [fromSeq],
  );
  const [before] = await db.query<{ hash: string }>("select hash from audit_log where seq = $1", [
    fromSeq - 1,
  ]);
  let prev = before?.hash ?? GENESIS_HASH;
  for (const row of rows) {
    const hash = linkHash(prev, Number(row.seq), row.content_hash);
    await db.query("update audit_log set prev_hash = $2, hash = $3 where seq = $1", [
      row.seq,
      prev,
      hash,
    ]);
    prev = hash;
  }
  const [last] = await db.query<{ seq: string }>("select max(seq) as seq from audit_log");
  await db.query("update change_counter set last_audit_seq = $1, last_audit_hash = $2", [
    Number(last?.seq ?? 0),
    prev,
  ]);
}

for (const { name, skip } of BACKENDS) {
  describe.skipIf(skip !== null)(
    `anchored audit chain on ${name}${skip ? ` (${skip})` : ""}`,
    () => {
      let backend: Backend;
      let url: string;
      let agent1: ApiClient;
      let supervisor1: ApiClient;

      beforeAll(async () => {
        backend = await openBackend(name, 5);
        url = backend.server.url;
        agent1 = await ApiClient.login(url, "agent1");
        supervisor1 = await ApiClient.login(url, "supervisor1");
      });
      afterAll(async () => {
        await backend?.close();
      });

      async function someEntries(): Promise<void> {
        for (let i = 0; i < 2; i++) {
          const c = await escalatedCase(url);
          const claimed = await agent1.post<MutationResponse>(
            `/cases/${c.id}/claim`,
            {},
            {
              ifMatch: c.version,
            },
          );
          await agent1.post(
            `/cases/${c.id}/decision`,
            {
              outcome: "release",
              favouredParty: "complainant",
              rationale: RATIONALE,
            },
            { ifMatch: claimed.body.version },
          );
        }
      }
      const verify = async () =>
        AuditVerification.parse((await supervisor1.get("/audit/verify")).body);
      const db = () => backend.server.db;
      const lastSeq = async () =>
        Number((await db().query<{ n: string }>("select max(seq) as n from audit_log"))[0]?.n);

      /** Restores the chain as it was, so each test starts from an intact one. */
      async function snapshot(): Promise<() => Promise<void>> {
        const rows = await db().query<Record<string, unknown>>(
          "select * from audit_log order by seq",
        );
        const [counter] = await db().query<{ last_audit_seq: string; last_audit_hash: string }>(
          "select last_audit_seq, last_audit_hash from change_counter",
        );
        return () =>
          asOwner(db(), async () => {
            await db().query("delete from audit_log");
            for (const row of rows) {
              const columns = Object.keys(row);
              await db().query(
                `insert into audit_log (${columns.join(", ")}) values (${columns.map((_, i) => `$${i + 1}`).join(", ")})`,
                columns.map((c) => (c === "details" ? JSON.stringify(row[c]) : row[c])),
              );
            }
            await db().query(
              "update change_counter set last_audit_seq = $1, last_audit_hash = $2",
              [counter?.last_audit_seq, counter?.last_audit_hash],
            );
          });
      }

      it("verifies an intact chain and pins it with a signed checkpoint; only supervisors may run it", async () => {
        await someEntries();
        const first = await verify();
        expect(first).toMatchObject({ ok: true, firstBroken: null });
        expect(first.checked).toBe(await lastSeq());
        // The verification pinned the head: the next one compares against it.
        const second = await verify();
        expect(second.checkpoint?.seq).toBe(await lastSeq());
        expect(second.ok).toBe(true);
        expect((await agent1.get("/audit/verify")).status).toBe(403);
      });

      it("finds the tail deleted with the counter wound back (truncated)", async () => {
        await someEntries();
        expect((await verify()).ok).toBe(true); // pinned at the current head
        const restore = await snapshot();
        const last = await lastSeq();
        await asOwner(db(), async () => {
          await db().query("delete from audit_log where seq > $1", [last - 2]);
          await relink(db(), last - 2);
        });
        // The rows agree with each other and with the counter: only the checkpoint knows.
        expect(await verify()).toMatchObject({
          ok: false,
          firstBroken: { seq: last - 1, reason: "truncated" },
        });
        await restore();
        expect((await verify()).ok).toBe(true);
      });

      it("finds an edited entry even when every later link was recomputed (keyed digests)", async () => {
        await someEntries();
        expect((await verify()).ok).toBe(true);
        const restore = await snapshot();
        const [target] = await db().query<Record<string, unknown> & { seq: string }>(
          "select * from audit_log where action = 'decide' order by seq limit 1",
        );
        const seq = Number(target?.seq);
        await asOwner(db(), async () => {
          await db().query(
            `update audit_log set details = jsonb_set(details, '{outcome}', '"full_refund"') where seq = $1`,
            [seq],
          );
          // Without the key the tamperer can only digest the edited content unkeyed.
          const [edited] = await db().query<Record<string, unknown>>(
            "select case_id, actor_id, actor_role, action, at, before_version, after_version, request_id, idempotency_key, details from audit_log where seq = $1",
            [seq],
          );
          const digest = createHash("sha256")
            .update(
              canonicalJson({
                caseId: edited?.case_id,
                actorId: edited?.actor_id,
                actorRole: edited?.actor_role,
                action: edited?.action,
                at: new Date(String(edited?.at)).toISOString(),
                beforeVersion: edited?.before_version,
                afterVersion: edited?.after_version,
                requestId: edited?.request_id,
                idempotencyKey: edited?.idempotency_key,
                details: edited?.details,
              }),
            )
            .digest("hex");
          await db().query("update audit_log set content_hash = $2 where seq = $1", [seq, digest]);
          await relink(db(), seq);
        });
        expect(await verify()).toMatchObject({
          ok: false,
          firstBroken: { seq, reason: "hash_mismatch" },
        });
        await restore();
        expect((await verify()).ok).toBe(true);
      });

      it("finds an entry removed and the rest renumbered and re-linked (rechained)", async () => {
        await someEntries();
        expect((await verify()).ok).toBe(true);
        const restore = await snapshot();
        const last = await lastSeq();
        const removed = last - 3;
        await asOwner(db(), async () => {
          await db().query("delete from audit_log where seq = $1", [removed]);
          // Renumber in two steps (the primary key is checked row by row).
          await db().query("update audit_log set seq = -(seq - 1) where seq > $1", [removed]);
          await db().query("update audit_log set seq = -seq where seq < 0");
          // Keep the length: the last entry copied to the end (its keyed digest is genuine).
          await db().query(
            `insert into audit_log select $1, case_id, actor_id, actor_role, action, at, before_version,
             after_version, request_id, idempotency_key, details, prev_hash, hash, content_hash
             from audit_log where seq = $2`,
            [last, last - 1],
          );
          await relink(db(), removed);
        });
        expect(await lastSeq()).toBe(last);
        expect(await verify()).toMatchObject({
          ok: false,
          firstBroken: { seq: last, reason: "rechained" },
        });
        await restore();
        expect((await verify()).ok).toBe(true);
      });
    },
  );
}

describe("audit key and checkpoints in the data folder", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "arbiter-audit-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("creates a private key file, writes signed checkpoints beside it, and finds an edited checkpoint", async () => {
    const server = await startServer({
      port: 0,
      demo: true,
      demoAppeals: 3,
      auditDir: dir,
      serviceToken: SERVICE_TOKEN,
    });
    try {
      const key = statSync(join(dir, "audit.key"));
      expect(key.mode & 0o777).toBe(0o600);
      const supervisor = await ApiClient.login(server.url, "supervisor1");
      const c = await escalatedCase(server.url);
      expect(c.id).toBeTruthy();
      const first = AuditVerification.parse((await supervisor.get("/audit/verify")).body);
      expect(first.ok).toBe(true);
      const lines = readFileSync(join(dir, "audit-checkpoints.jsonl"), "utf8").trim().split("\n");
      const latest = AuditCheckpoint.parse(JSON.parse(lines.at(-1) ?? ""));
      expect(latest.seq).toBe(first.checked);
      expect(latest.signature).toMatch(/^[0-9a-f]{64}$/);
      // A checkpoint rewritten by hand (a lower head, to hide a truncation) fails its signature.
      const forged = { ...latest, seq: 0 };
      const { appendFileSync } = await import("node:fs");
      appendFileSync(join(dir, "audit-checkpoints.jsonl"), `${JSON.stringify(forged)}\n`);
      expect(AuditVerification.parse((await supervisor.get("/audit/verify")).body)).toMatchObject({
        ok: false,
        firstBroken: { reason: "checkpoint_invalid" },
      });
    } finally {
      await server.close();
    }
  });
});
