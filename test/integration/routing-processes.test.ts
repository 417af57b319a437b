/**
 * Routing with two server processes on one PostgreSQL: escalations filed concurrently through
 * both are each assigned exactly once (one `route` audit entry, one assignee), and the turns are
 * fair (both agents share one skill, so they get equal halves), because routing decisions are
 * serialised in the database, not in either process.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AuditLog } from "@shared/api/audit";
import type { CaseDetail } from "@shared/domain/appeal";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../support/api";
import { escalatedCase } from "../support/appeals";
import { SERVICE_TOKEN } from "../support/backends";
import { postgresUnavailableReason, startPostgres, type TestPostgres } from "../support/postgres";
import { type ServerProcess, startServerProcess } from "../support/server-process";

const skip = postgresUnavailableReason();
const CASES = 40;

describe.skipIf(skip !== null)(
  `routing across two server processes${skip ? ` (${skip})` : ""}`,
  () => {
    let postgres: TestPostgres | null = null;
    let a: ServerProcess;
    let b: ServerProcess;
    let auditDir: string | undefined;

    beforeAll(async () => {
      postgres = await startPostgres();
      if (!postgres) throw new Error("no PostgreSQL");
      const { ownerUrl, appUrl } = await postgres.createOwnedDatabase("routing2");
      auditDir = mkdtempSync(join(tmpdir(), "arbiter-routing2-"));
      const env = {
        DATABASE_URL: appUrl,
        DATABASE_OWNER_URL: ownerUrl,
        SERVICE_TOKEN,
        AUDIT_DIR: auditDir,
      };
      a = await startServerProcess(env, ["--demo", "--demo-appeals", "6"]);
      b = await startServerProcess(env);
    });
    afterAll(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
      await postgres?.stop();
      if (auditDir) rmSync(auditDir, { recursive: true, force: true });
    });

    it("assigns each of many concurrent escalations exactly once, in fair turns", async () => {
      // One agent's desk on each process.
      const agent1 = await ApiClient.login(a.url, "agent1");
      const agent2 = await ApiClient.login(b.url, "agent2");
      for (const client of [agent1, agent2]) {
        const beat = await client.post("/routing/heartbeat", { state: "online" }, { key: null });
        expect(beat.status).toBe(200);
      }
      const supervisor = await ApiClient.login(a.url, "supervisor1");
      const cases: CaseDetail[] = await Promise.all(
        Array.from({ length: CASES }, (_, i) => escalatedCase(i % 2 ? a.url : b.url)),
      );

      const counts = new Map<string, number>();
      for (const c of cases) {
        const detail = (await supervisor.get<CaseDetail>(`/cases/${c.id}`)).body;
        expect(detail.status).toBe("in_review");
        expect(detail.assigneeId).not.toBeNull();
        const audit = AuditLog.parse((await supervisor.get(`/cases/${c.id}/audit`)).body);
        const routed = audit.entries.filter((e) => e.action === "route");
        expect(routed).toHaveLength(1);
        expect(routed[0]?.details.assignee).toBe(detail.assigneeId);
        const assignee = detail.assigneeId ?? "";
        counts.set(assignee, (counts.get(assignee) ?? 0) + 1);
      }
      // Round-robin within one skill between two agents: exactly half each.
      expect(Object.fromEntries(counts)).toEqual({ "u-agent1": CASES / 2, "u-agent2": CASES / 2 });
      const verify = await supervisor.get<{ ok: boolean }>("/audit/verify");
      expect(verify.body.ok).toBe(true);
    });
  },
);
