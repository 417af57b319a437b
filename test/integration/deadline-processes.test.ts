/**
 * Deadline jobs are durable and run once: two server processes polling one PostgreSQL fire each
 * evidence deadline exactly once, and a deadline that falls while the server is down fires when
 * it comes back (PGlite data folder and PostgreSQL).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { MutationResponse } from "@shared/api/mutations";
import { PlatformEventsPage } from "@shared/api/platform-events";
import { CaseDetail } from "@shared/domain/appeal";
import { afterAll, describe, expect, it } from "vitest";
import { startServer } from "../../server/start";
import { ApiClient } from "../support/api";
import { escalatedCase, platform } from "../support/appeals";
import { BACKENDS, SERVICE_TOKEN } from "../support/backends";
import { postgresUnavailableReason, startPostgres, type TestPostgres } from "../support/postgres";
import { startServerProcess } from "../support/server-process";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Claims a fresh escalated case and asks the respondent for evidence due `inMs` from the request
 * (timed from the request itself: on a loaded machine the filing and the claim take a while).
 */
async function awaitingEvidence(url: string, agent: ApiClient, inMs: number): Promise<string> {
  const escalated = await escalatedCase(url);
  const claim = await agent.post<MutationResponse>(
    `/cases/${escalated.id}/claim`,
    {},
    { ifMatch: escalated.version },
  );
  const asked = await agent.post<MutationResponse>(
    `/cases/${escalated.id}/evidence-requests`,
    {
      party: "respondent",
      what: "Your bank statement",
      dueAt: new Date(Date.now() + inMs).toISOString(),
    },
    { ifMatch: claim.body.version },
  );
  expect(asked.status).toBe(200);
  return escalated.id;
}

async function deadlineEvents(url: string, caseId: string) {
  const page = await platform(url).get(`/integration/events?caseId=${caseId}`);
  return PlatformEventsPage.parse(page.body).events.filter(
    (e) => e.type === "evidence_deadline_passed",
  );
}

const skipPg = postgresUnavailableReason();
describe.skipIf(skipPg !== null)(
  `two server processes share the deadline jobs${skipPg ? ` (${skipPg})` : ""}`,
  () => {
    let postgres: TestPostgres | null = null;
    afterAll(async () => {
      await postgres?.stop();
    });

    // Two processes start and real deadlines pass: generous on a loaded machine.
    it("fires every deadline once although both processes poll every 50 ms", {
      timeout: 240_000,
    }, async () => {
      postgres = await startPostgres();
      if (!postgres) throw new Error("no PostgreSQL");
      const env = {
        DATABASE_URL: await postgres.createDatabase("jobs2"),
        SERVICE_TOKEN,
        JOB_INTERVAL_MS: "50",
      };
      const a = await startServerProcess(env, ["--demo", "--demo-appeals", "5"]);
      const b = await startServerProcess(env);
      try {
        const agent = await ApiClient.login(a.url, "agent1");
        const ids: string[] = [];
        for (let i = 0; i < 8; i++)
          ids.push(await awaitingEvidence(i % 2 ? a.url : b.url, agent, 2_500));
        const status = async (id: string) =>
          CaseDetail.parse((await agent.get(`/cases/${id}`)).body).status;
        for (const id of ids) {
          await expect.poll(() => status(id), { timeout: 15_000, interval: 200 }).toBe("in_review");
        }
        // Let both keep polling a while: nothing fires a second time.
        await sleep(500);
        for (const id of ids) {
          const detail = CaseDetail.parse((await agent.get(`/cases/${id}`)).body);
          expect(detail.timeline.filter((t) => t.type === "evidence_deadline_passed")).toHaveLength(
            1,
          );
          expect(await deadlineEvents(b.url, id)).toHaveLength(1);
        }
      } finally {
        await Promise.all([a.stop(), b.stop()]);
      }
    });
  },
);

for (const { name, skip } of BACKENDS) {
  describe.skipIf(skip !== null)(
    `a deadline across a restart on ${name}${skip ? ` (${skip})` : ""}`,
    () => {
      it("fires after the server comes back", { timeout: 240_000 }, async () => {
        const postgres = name === "PostgreSQL" ? await startPostgres() : null;
        const dataDir = postgres ? undefined : mkdtempSync(join(tmpdir(), "arbiter-jobs-"));
        const databaseUrl = postgres ? await postgres.createDatabase("restart") : undefined;
        const start = (demo: boolean) =>
          startServer({
            port: 0,
            databaseUrl,
            dataDir,
            demo,
            demoAppeals: 3,
            serviceToken: SERVICE_TOKEN,
            jobIntervalMs: 50,
          });
        try {
          const first = await start(true);
          const agent = await ApiClient.login(first.url, "agent1");
          const id = await awaitingEvidence(first.url, agent, 1_500);
          await first.close();
          // The deadline passes while no server runs.
          await sleep(2_000);
          const second = await start(false);
          try {
            const again = await ApiClient.login(second.url, "agent1");
            await expect
              .poll(async () => CaseDetail.parse((await again.get(`/cases/${id}`)).body).status, {
                timeout: 10_000,
                interval: 100,
              })
              .toBe("in_review");
            expect(await deadlineEvents(second.url, id)).toHaveLength(1);
          } finally {
            await second.close();
          }
        } finally {
          await postgres?.stop();
          if (dataDir) rmSync(dataDir, { recursive: true, force: true });
        }
      });
    },
  );
}
