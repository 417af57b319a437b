/**
 * Deadline jobs are durable and run once: two server processes polling one PostgreSQL fire each
 * evidence deadline, each agreement's 24-hour confirmation and each verification day exactly once,
 * and a deadline that falls while the server is down fires when it comes back (PGlite data folder
 * and PostgreSQL).
 *
 * The 24 hours and the verification days are not waited for: the test moves the jobs' `due_at`
 * (the row the act wrote) to now in the database, which is what the passing of that time does to
 * them. The server has no test-only way in; the jobs then run as they would on the day.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { MutationResponse } from "@shared/api/mutations";
import { PlatformEventsPage } from "@shared/api/platform-events";
import { CaseDetail } from "@shared/domain/appeal";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startServer } from "../../server/start";
import { ApiClient } from "../support/api";
import { claimedCase, escalatedCase, filing, platform } from "../support/appeals";
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

/** An appeal whose respondent reported "agreement reached": its 24-hour job is pending. */
async function agreedCase(url: string): Promise<string> {
  const service = platform(url);
  const filed = await service.post<{ case: CaseDetail }>("/integration/appeals", filing());
  const answered = await service.post<{ case: CaseDetail }>(
    `/integration/appeals/${filed.body.case.id}/respondent-answer`,
    { answer: "agreement_reached" },
  );
  expect(answered.body.case.status).toBe("agreed");
  return filed.body.case.id;
}

/** A claimed case decided by agent1: its three verification-day jobs are pending. */
async function decidedCase(url: string, agent: ApiClient): Promise<string> {
  const claimed = await claimedCase(url, "agent1");
  const decided = await agent.post<MutationResponse>(
    `/cases/${claimed.id}/decision`,
    {
      outcome: "release",
      favouredParty: "complainant",
      rationale: "The bank statement shows the transfer; the seller did not dispute it.",
    },
    { ifMatch: claimed.version },
  );
  expect(decided.status).toBe(200);
  return claimed.id;
}

const count = (detail: CaseDetail, type: string) =>
  detail.timeline.filter((t) => t.type === type).length;

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

    it("fires each agreement confirmation and each verification day once across both", {
      timeout: 240_000,
    }, async () => {
      postgres ??= await startPostgres();
      if (!postgres) throw new Error("no PostgreSQL");
      const databaseUrl = await postgres.createDatabase("jobs3");
      const env = { DATABASE_URL: databaseUrl, SERVICE_TOKEN, JOB_INTERVAL_MS: "50" };
      const a = await startServerProcess(env, ["--demo", "--demo-appeals", "5"]);
      const b = await startServerProcess(env);
      const sql = new pg.Client({ connectionString: databaseUrl });
      await sql.connect();
      try {
        const agent = await ApiClient.login(a.url, "agent1");
        const agreed: string[] = [];
        const decided: string[] = [];
        for (let i = 0; i < 4; i++) {
          const url = i % 2 ? a.url : b.url;
          agreed.push(await agreedCase(url));
          decided.push(await decidedCase(url, agent));
        }
        // Nothing is due yet: both processes leave the jobs alone.
        await sleep(300);
        const detail = async (id: string) =>
          CaseDetail.parse((await agent.get(`/cases/${id}`)).body);
        for (const id of agreed) expect((await detail(id)).status).toBe("agreed");
        // The 24 hours and the three days pass.
        const moved = await sql.query(
          `update deadline_jobs set due_at = now()
            where state = 'pending' and (
              (kind = 'agreement_confirmation' and case_id = any($1)) or
              (kind = 'verification_due' and case_id = any($2)))`,
          [agreed, decided],
        );
        expect(moved.rowCount).toBe(agreed.length + decided.length * 3);
        for (const id of agreed) {
          await expect
            .poll(async () => (await detail(id)).status, { timeout: 15_000, interval: 200 })
            .toBe("escalated");
        }
        for (const id of decided) {
          await expect
            .poll(async () => count(await detail(id), "verification_overdue"), {
              timeout: 15_000,
              interval: 200,
            })
            .toBe(3);
        }
        // Let both keep polling a while: nothing fires a second time.
        await sleep(500);
        for (const id of agreed) {
          const after = await detail(id);
          expect(count(after, "agreement_lapsed")).toBe(1);
          expect(count(after, "escalated")).toBe(1);
        }
        for (const id of decided) {
          const after = await detail(id);
          expect(count(after, "verification_overdue")).toBe(3);
          // One per day, each step named once.
          expect(
            after.timeline
              .filter((t) => t.type === "verification_overdue")
              .map((t) => t.summary)
              .sort(),
          ).toEqual(["confirmed", "feedback", "records_checked"]);
        }
        const jobs = await sql.query<{ state: string; n: string }>(
          `select state, count(*) as n from deadline_jobs
            where kind in ('agreement_confirmation', 'verification_due')
              and (case_id = any($1) or case_id = any($2))
            group by state`,
          [agreed, decided],
        );
        expect(jobs.rows).toEqual([
          { state: "done", n: String(agreed.length + decided.length * 3) },
        ]);
      } finally {
        await sql.end();
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

      it("an agreement's 24 hours that end while the server is down escalate when it is back", {
        timeout: 240_000,
      }, async () => {
        const postgres = name === "PostgreSQL" ? await startPostgres() : null;
        const dataDir = postgres ? undefined : mkdtempSync(join(tmpdir(), "arbiter-jobs-"));
        const databaseUrl = postgres ? await postgres.createDatabase("restart2") : undefined;
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
          const id = await agreedCase(first.url);
          // Mid-deadline: the rest of the 24 hours is 1.5 s from now.
          await first.db.query(
            `update deadline_jobs set due_at = $2
              where case_id = $1 and kind = 'agreement_confirmation'`,
            [id, new Date(Date.now() + 1_500)],
          );
          await first.close();
          await sleep(2_000);
          const second = await start(false);
          try {
            const again = await ApiClient.login(second.url, "agent1");
            await expect
              .poll(async () => CaseDetail.parse((await again.get(`/cases/${id}`)).body).status, {
                timeout: 10_000,
                interval: 100,
              })
              .toBe("escalated");
            const after = CaseDetail.parse((await again.get(`/cases/${id}`)).body);
            expect(count(after, "agreement_lapsed")).toBe(1);
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
