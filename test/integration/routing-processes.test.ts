import { AuditLog } from "@shared/api/audit";
import type { CaseDetail } from "@shared/domain/appeal";
import { describe, expect, it } from "vitest";
import { ApiClient } from "../support/api";
import { escalatedCase } from "../support/appeals";
import { postgresUnavailableReason } from "../support/postgres";
import { twoServerProcesses } from "../support/server-process";

const skip = postgresUnavailableReason();
const CASES = 40;

describe.skipIf(skip !== null)(
  `routing across two server processes${skip ? ` (${skip})` : ""}`,
  () => {
    const servers = twoServerProcesses("routing2", 6);

    it("assigns each of many concurrent escalations exactly once, in fair turns", async () => {
      // One agent's desk on each process.
      const agent1 = await ApiClient.login(servers.a.url, "agent1");
      const agent2 = await ApiClient.login(servers.b.url, "agent2");
      for (const client of [agent1, agent2]) {
        const beat = await client.post("/routing/heartbeat", { state: "online" }, { key: null });
        expect(beat.status).toBe(200);
      }
      const supervisor = await ApiClient.login(servers.a.url, "supervisor1");
      const cases: CaseDetail[] = await Promise.all(
        Array.from({ length: CASES }, (_, i) =>
          escalatedCase(i % 2 ? servers.a.url : servers.b.url),
        ),
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
