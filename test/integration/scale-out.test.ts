import { AuditVerification } from "@shared/api/audit";
import type { CasePage, ChangesPage } from "@shared/api/cases";
import type { MutationResponse } from "@shared/api/mutations";
import type { CaseDetail } from "@shared/domain/appeal";
import { describe, expect, it } from "vitest";
import { ApiClient } from "../support/api";
import { escalatedCase } from "../support/appeals";
import { postgresUnavailableReason } from "../support/postgres";
import { twoServerProcesses } from "../support/server-process";
import { openSse } from "../support/sse";

const skip = postgresUnavailableReason();
const RATIONALE = "Both bank statements agree: the transfer never left the buyer's account.";

describe.skipIf(skip !== null)(
  `two server processes on one PostgreSQL${skip ? ` (${skip})` : ""}`,
  () => {
    const servers = twoServerProcesses("scaleout", 20);

    it("races decisions and retries across processes: versions, idempotency and the audit chain hold", async () => {
      const onA = await ApiClient.login(servers.a.url, "supervisor1");
      // A session made on A is valid on B: sessions live in the database.
      const onB = new ApiClient(servers.b.url, onA.token);
      const otherOnB = await ApiClient.login(servers.b.url, "supervisor2");
      expect((await onB.get("/me")).status).toBe(200);

      for (let round = 0; round < 8; round++) {
        const detail = await escalatedCase(round % 2 ? servers.a.url : servers.b.url);
        const claim = (client: ApiClient) =>
          client.post(`/cases/${detail.id}/claim`, {}, { ifMatch: detail.version });
        const claims = await Promise.all([claim(onA), claim(otherOnB)]);
        expect(claims.map((r) => r.status).sort()).toEqual([200, 412]);
        const winner = claims[0]?.status === 200 ? onA : otherOnB;
        const won = claims.find((r) => r.status === 200);
        if (!won) throw new Error("nobody won the claim");
        const version = (won.body as MutationResponse).version;

        // The same decision retried on both processes at once: one effect, the same answer.
        const key = `decide-${detail.id}`;
        const decide = (client: ApiClient) =>
          client.post<MutationResponse>(
            `/cases/${detail.id}/decision`,
            { outcome: "cancel_order", favouredParty: "respondent", rationale: RATIONALE },
            { key, ifMatch: version },
          );
        const sameClient = new ApiClient(
          winner === onA ? servers.b.url : servers.a.url,
          winner.token,
        );
        const decisions = await Promise.all([decide(winner), decide(sameClient), decide(winner)]);
        expect(decisions.map((d) => d.status)).toEqual([200, 200, 200]);
        expect(new Set(decisions.map((d) => JSON.stringify(d.body))).size).toBe(1);
        const final = (await onA.get<CaseDetail>(`/cases/${detail.id}`)).body;
        expect(final.decisions).toHaveLength(1);
        expect(final.version).toBe(version + 1);
      }
      const verification = AuditVerification.parse((await onB.get("/audit/verify")).body);
      expect(verification).toMatchObject({ ok: true, firstBroken: null });
      expect(verification.checked).toBeGreaterThanOrEqual(8 * 4);
    });

    it("delivers live events to clients of both processes", async () => {
      const agent = await ApiClient.login(servers.a.url, "agent1");
      const headers = { authorization: `Bearer ${agent.token}` };
      const streamA = await openSse(`${servers.a.url}/api/v1/events`, headers);
      const streamB = await openSse(`${servers.b.url}/api/v1/events`, headers);
      try {
        const viaA = await escalatedCase(servers.a.url);
        const viaB = await escalatedCase(servers.b.url);
        for (const stream of [streamA, streamB]) {
          for (const detail of [viaA, viaB]) {
            await stream.waitFor(
              (m) =>
                m.event === "case_changed" &&
                (m.data as { caseId: string; version: number }).caseId === detail.id &&
                (m.data as { version: number }).version === detail.version,
            );
          }
        }
        // And both streams saw the changes in the same (commit) order.
        const order = (stream: typeof streamA) =>
          stream.messages.filter((m) => m.id !== null).map((m) => m.id);
        expect(order(streamA)).toEqual(order(streamB).slice(0, order(streamA).length));
      } finally {
        streamA.close();
        streamB.close();
      }
    });
    it("cached pages and sessions follow writes made by either process", async () => {
      const onA = await ApiClient.login(servers.a.url, "agent1");
      const onB = new ApiClient(servers.b.url, onA.token);
      const detail = await escalatedCase(servers.a.url);
      const versionIn = async (client: ApiClient) => {
        const page = await client.get<CasePage>("/cases?limit=200&status=escalated,in_review");
        return page.body.items.find((c) => c.id === detail.id)?.version;
      };
      const feedVersion = async (client: ApiClient) => {
        const feed = await client.get<ChangesPage>("/cases/changes?limit=500");
        const change = feed.body.changes.find(
          (c) => c.type === "upsert" && c.case.id === detail.id,
        );
        return change?.type === "upsert" ? change.case.version : undefined;
      };
      // Both processes read (and keep) the pages before the write.
      for (const client of [onA, onB]) {
        expect(await versionIn(client)).toBe(detail.version);
        expect(await versionIn(client)).toBe(detail.version);
      }
      const claim = await onA.post<MutationResponse>(
        `/cases/${detail.id}/claim`,
        {},
        { ifMatch: detail.version },
      );
      expect(claim.status).toBe(200);
      // The writer's own next read already sees it; the other process within its NOTIFY delay.
      expect(await versionIn(onA)).toBe(detail.version + 1);
      await expect.poll(() => versionIn(onB), { timeout: 5_000 }).toBe(detail.version + 1);
      await expect.poll(() => feedVersion(onB), { timeout: 5_000 }).toBe(detail.version + 1);

      // A sign-out on A ends the session on B too, although B had just verified it.
      expect((await onB.get("/me")).status).toBe(200);
      expect((await onA.request("POST", "/api/v1/auth/logout")).status).toBe(204);
      expect((await onA.get("/me")).status).toBe(401);
      await expect.poll(async () => (await onB.get("/me")).status, { timeout: 2_000 }).toBe(401);
    });

    it("throttles a sign-in flood spread over both processes as one process would", async () => {
      const login = (url: string, password: string) =>
        new ApiClient(url).request<{ retryAfterSeconds?: number }>("POST", "/api/v1/auth/login", {
          body: { username: "agent3", password },
        });
      // Six wrong passwords at once, three on each process: the allowance is five in all, so
      // counts kept per process (three each) would lock nothing, and a lost update would miss one.
      const wrong = await Promise.all(
        [
          servers.a.url,
          servers.b.url,
          servers.a.url,
          servers.b.url,
          servers.a.url,
          servers.b.url,
        ].map((url) => login(url, "wrong")),
      );
      expect(wrong.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 401]);
      for (const url of [servers.a.url, servers.b.url]) {
        const locked = await login(url, "demo");
        expect(locked.status).toBe(429);
        expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
        expect(locked.body.retryAfterSeconds).toBe(Number(locked.headers.get("retry-after")));
      }
    });
  },
);
