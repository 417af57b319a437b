/**
 * The respondent window and SLA warnings as durable deadline jobs, through the HTTP API on PGlite
 * and PostgreSQL: the window's end escalates an unanswered appeal once (and an answered one not at
 * all); a running clock's warning point warns the assignee once per deadline (live
 * `case_attention`, a timeline entry, the supervisors' `warned` count); a paused clock, a deadline
 * already passed or a closed case warn no one.
 */
import type { MutationResponse } from "@shared/api/mutations";
import { CaseDetail } from "@shared/domain/appeal";
import { RESPONDENT_WINDOW_MS } from "@shared/domain/lifecycle";
import { OversightQuery, OversightStats } from "@shared/oversight/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JOB_HANDLERS } from "../../server/deadlines/handlers";
import { runDueJobs } from "../../server/deadlines/jobs";
import { oversightStats } from "../../server/oversight/stats";
import { ApiClient } from "../support/api";
import { escalatedCase, filing, platform } from "../support/appeals";
import { BACKENDS, type Backend, openBackend } from "../support/backends";
import { openSse } from "../support/sse";

for (const { name, skip } of BACKENDS) {
  describe.skipIf(skip !== null)(
    `respondent window and SLA warnings as jobs on ${name}${skip ? ` (${skip})` : ""}`,
    () => {
      let backend: Backend;
      let url: string;
      let agent: ApiClient;
      let supervisor: ApiClient;
      const run = (now: Date) => runDueJobs(backend.server.db, JOB_HANDLERS, now, 10_000);
      const detailOf = async (id: string) =>
        CaseDetail.parse((await agent.get(`/cases/${id}`)).body);
      const jobsOf = (caseId: string, kind: string) =>
        backend.server.db.query<{ state: string; due_at: Date | string }>(
          "select state, due_at from deadline_jobs where case_id = $1 and kind = $2",
          [caseId, kind],
        );

      beforeAll(async () => {
        backend = await openBackend(name, 10);
        url = backend.server.url;
        agent = await ApiClient.login(url, "agent1");
        supervisor = await ApiClient.login(url, "supervisor1");
      });
      afterAll(async () => {
        await backend?.close();
      });

      it("the respondent's 10 minutes end as a job: an unanswered appeal escalates once", async () => {
        const filed = await platform(url).post<{ case: CaseDetail }>(
          "/integration/appeals",
          filing(),
        );
        expect(filed.status).toBe(201);
        const id = filed.body.case.id;
        const deadline = Date.parse(filed.body.case.respondentDeadline ?? "");
        expect(deadline - Date.parse(filed.body.case.filedAt)).toBe(RESPONDENT_WINDOW_MS);
        const [job] = await jobsOf(id, "respondent_window");
        expect(job?.state).toBe("pending");
        expect(new Date(job?.due_at ?? 0).getTime()).toBe(deadline);

        // A minute before the end nothing happens to it.
        await run(new Date(deadline - 60_000));
        expect((await detailOf(id)).status).toBe("awaiting_respondent");

        await run(new Date(deadline + 1_000));
        const after = await detailOf(id);
        expect(after.status).toBe("escalated");
        expect(after.timeline.filter((t) => t.type === "escalated")).toHaveLength(1);
        expect(after.timeline.at(-1)?.summary).toContain("10 minutes");
        expect((await jobsOf(id, "respondent_window")).map((j) => j.state)).toEqual(["done"]);

        // Run again (another process, a retry): the window does not escalate twice.
        await run(new Date(deadline + 2_000));
        expect((await detailOf(id)).version).toBe(after.version);
      });

      it("an answer in time makes the window's job moot", async () => {
        const answered = await escalatedCase(url);
        const deadline = Date.parse(answered.filedAt) + RESPONDENT_WINDOW_MS;
        await run(new Date(deadline + 1_000));
        const after = await detailOf(answered.id);
        expect(after.timeline.filter((t) => t.type === "escalated")).toHaveLength(1);
        expect(after.timeline.some((t) => (t.summary ?? "").includes("10 minutes"))).toBe(false);
        expect((await jobsOf(answered.id, "respondent_window")).map((j) => j.state)).toEqual([
          "done",
        ]);
      });

      it("a clock's warning point warns the assignee once, live, and flags the case for supervisors", async () => {
        const escalated = await escalatedCase(url);
        const claim = await agent.post<MutationResponse>(
          `/cases/${escalated.id}/claim`,
          {},
          { ifMatch: escalated.version },
        );
        expect(claim.status).toBe(200);
        const claimed = CaseDetail.parse(claim.body.case);
        const warnAt = Date.parse(claimed.warnAt ?? "");
        const dueAt = Date.parse(claimed.dueAt ?? "");
        expect(warnAt).toBeLessThan(dueAt);
        // The claim rescheduled the case's one pending warning, at its nearest deadline's point.
        const pending = (await jobsOf(escalated.id, "sla_warning")).filter(
          (j) => j.state === "pending",
        );
        expect(pending).toHaveLength(1);
        expect(new Date(pending[0]?.due_at ?? 0).getTime()).toBe(warnAt);

        const before = OversightStats.parse((await supervisor.get("/oversight/stats")).body);
        expect(before.workload.every((w) => w.warned >= 0)).toBe(true);
        const at = new Date(warnAt + Math.min(60_000, (dueAt - warnAt) / 2));
        const warnedBefore =
          (await oversightStats(backend.server.db, OversightQuery.parse({}), at)).workload.find(
            (w) => w.agentId === "u-agent1",
          )?.warned ?? 0;

        const stream = await openSse(`${url}/api/v1/events`, {
          authorization: `Bearer ${agent.token}`,
        });
        try {
          // Between the warning point and the deadline: the warning fires.
          await run(at);
          const warned = await detailOf(escalated.id);
          const entries = warned.timeline.filter((t) => t.type === "sla_warning");
          expect(entries).toHaveLength(1);
          expect(entries[0]?.summary).toBe(
            claimed.slaClocks.find((c) => Date.parse(c.dueAt ?? "") === dueAt)?.clockId,
          );
          expect(warned.dueAt).toBe(claimed.dueAt);
          const flag = await stream.waitFor(
            (m) =>
              m.event === "case_attention" &&
              (m.data as { caseId: string }).caseId === escalated.id,
          );
          expect(flag.data).toMatchObject({ reason: "sla_warning", assigneeId: "u-agent1" });

          // Once per deadline: later runs, and a change that leaves the deadline where it is,
          // warn no one again.
          await run(new Date(at.getTime() + 1_000));
          const noted = await agent.post<MutationResponse>(
            `/cases/${escalated.id}/notes`,
            { text: "Looking at the bank statement now." },
            { ifMatch: warned.version },
          );
          expect(noted.status).toBe(200);
          await run(new Date(at.getTime() + 2_000));
          const later = await detailOf(escalated.id);
          expect(later.timeline.filter((t) => t.type === "sla_warning")).toHaveLength(1);

          // Supervisors see the warned case while its deadline is ahead: the stats at the same
          // instant the jobs ran (the real clock is usually before the warning point).
          const stats = await oversightStats(backend.server.db, OversightQuery.parse({}), at);
          // (Other cases of agent1 may have reached their warning point by then too.)
          expect(stats.workload.find((w) => w.agentId === "u-agent1")?.warned).toBeGreaterThan(
            warnedBefore,
          );
          const [flagRow] = await backend.server.db.query<{ warned: boolean }>(
            "select sla_warned_due = due_at as warned from cases where id = $1",
            [escalated.id],
          );
          expect(flagRow?.warned).toBe(true);
        } finally {
          stream.close();
        }
      });

      it("a deadline already passed and a closed case warn no one", async () => {
        const escalated = await escalatedCase(url);
        const claim = await agent.post<MutationResponse>(
          `/cases/${escalated.id}/claim`,
          {},
          { ifMatch: escalated.version },
        );
        const claimed = CaseDetail.parse(claim.body.case);
        // Passed: run only after the deadline itself; a breach is not a warning.
        await run(new Date(Date.parse(claimed.dueAt ?? "") + 60_000));
        const breached = await detailOf(escalated.id);
        expect(breached.timeline.filter((t) => t.type === "sla_warning")).toHaveLength(0);

        // Closed: an appeal confirmed as agreed leaves no pending warning behind.
        const filed = await platform(url).post<{ case: CaseDetail }>(
          "/integration/appeals",
          filing(),
        );
        const id = filed.body.case.id;
        await platform(url).post(`/integration/appeals/${id}/respondent-answer`, {
          answer: "agreement_reached",
        });
        await platform(url).post(`/integration/appeals/${id}/agreement`, { confirmed: true });
        expect((await detailOf(id)).status).toBe("closed");
        expect((await jobsOf(id, "sla_warning")).filter((j) => j.state === "pending")).toHaveLength(
          0,
        );
      });
    },
  );
}
