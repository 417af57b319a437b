/**
 * Durable deadlines and what the platform is told, through the HTTP API on PGlite and PostgreSQL:
 * an evidence deadline that passes resumes the clock, flags the case and reaches the feed; the
 * 24-hour agreement confirmation escalates; verification reopens with fresh clocks; remand runs
 * the resolution clock again.
 */
import type { MutationResponse } from "@shared/api/mutations";
import { PlatformEventsPage } from "@shared/api/platform-events";
import { CaseDetail } from "@shared/domain/appeal";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JOB_HANDLERS } from "../../server/deadlines/handlers";
import { runDueJobs } from "../../server/deadlines/jobs";
import { ApiClient } from "../support/api";
import { escalatedCase, filing, platform } from "../support/appeals";
import { BACKENDS, type Backend, openBackend } from "../support/backends";
import { openSse } from "../support/sse";

const RATIONALE = "The seller never sent the bank statement we asked for in time.";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

for (const { name, skip } of BACKENDS) {
  describe.skipIf(skip !== null)(
    `deadlines and the platform feed on ${name}${skip ? ` (${skip})` : ""}`,
    () => {
      let backend: Backend;
      let url: string;
      let agent: ApiClient;
      let supervisor: ApiClient;
      const run = (now = new Date()) => runDueJobs(backend.server.db, JOB_HANDLERS, now);
      const feed = async (caseId: string) => {
        const page = await platform(url).get(`/integration/events?caseId=${caseId}&limit=500`);
        expect(page.status).toBe(200);
        return PlatformEventsPage.parse(page.body).events;
      };

      beforeAll(async () => {
        backend = await openBackend(name, 10);
        url = backend.server.url;
        agent = await ApiClient.login(url, "agent1");
        supervisor = await ApiClient.login(url, "supervisor1");
      });
      afterAll(async () => {
        await backend?.close();
      });

      async function claimed(): Promise<CaseDetail> {
        const escalated = await escalatedCase(url);
        const claim = await agent.post<MutationResponse>(
          `/cases/${escalated.id}/claim`,
          {},
          { ifMatch: escalated.version },
        );
        expect(claim.status).toBe(200);
        return CaseDetail.parse(claim.body.case);
      }

      it("an unanswered evidence request: reminder, then the deadline resumes the clock and flags the case", async () => {
        const detail = await claimed();
        const dueAt = new Date(Date.now() + 1_500).toISOString();
        const asked = await agent.post<MutationResponse>(
          `/cases/${detail.id}/evidence-requests`,
          { party: "respondent", what: "Your bank statement for 12 March", dueAt },
          { ifMatch: detail.version },
        );
        expect(asked.status).toBe(200);
        const waiting = CaseDetail.parse(asked.body.case);
        expect(waiting.status).toBe("awaiting_evidence");
        expect(waiting.slaClocks.find((c) => c.clockId === "resolution")?.status).toBe("paused");
        expect((await feed(detail.id)).map((e) => e.type)).toEqual(["evidence_request"]);
        // Nothing is due yet: no job runs.
        expect(await run()).toBe(0);

        const stream = await openSse(`${url}/api/v1/events`, {
          authorization: `Bearer ${agent.token}`,
        });
        try {
          await sleep(1_600);
          // The reminder (half-way) and the deadline, each once.
          expect(await run()).toBe(2);
          expect(await run()).toBe(0);
          const after = CaseDetail.parse((await agent.get(`/cases/${detail.id}`)).body);
          expect(after.status).toBe("in_review");
          expect(after.evidenceRequests[0]?.lapsedAt).not.toBeNull();
          expect(after.evidenceRequests[0]?.fulfilledAt).toBeNull();
          const passed = after.timeline.filter((t) => t.type === "evidence_deadline_passed");
          expect(passed).toHaveLength(1);
          expect(passed[0]?.summary).toContain("no answer from the seller by");
          expect(after.slaClocks.find((c) => c.clockId === "resolution")?.status).toBe("running");
          expect(after.dueAt).not.toBeNull();
          const events = await feed(detail.id);
          expect(events.map((e) => e.type)).toEqual([
            "evidence_request",
            "evidence_reminder",
            "evidence_deadline_passed",
          ]);
          expect(events.map((e) => e.seq)).toEqual(
            [...events.map((e) => e.seq)].sort((a, b) => a - b),
          );
          const flag = await stream.waitFor(
            (m) =>
              m.event === "case_attention" && (m.data as { caseId: string }).caseId === detail.id,
          );
          expect(flag.data).toMatchObject({
            reason: "evidence_deadline_passed",
            assigneeId: after.assigneeId,
          });
        } finally {
          stream.close();
        }
      });

      it("evidence that arrives in time cancels the deadline's effect", async () => {
        const detail = await claimed();
        const asked = await agent.post<MutationResponse>(
          `/cases/${detail.id}/evidence-requests`,
          {
            party: "complainant",
            what: "The transfer receipt",
            dueAt: new Date(Date.now() + 800).toISOString(),
          },
          { ifMatch: detail.version },
        );
        expect(asked.status).toBe(200);
        const form = new FormData();
        form.set("party", "complainant");
        form.set("description", "receipt");
        form.set(
          "file",
          new Blob(["receipt 2,500,000 VND"], { type: "text/plain" }),
          "receipt.txt",
        );
        const uploaded = await platform(url).upload(
          `/integration/appeals/${detail.id}/evidence`,
          form,
        );
        expect(uploaded.status).toBe(200);
        await sleep(900);
        await run();
        const after = CaseDetail.parse((await agent.get(`/cases/${detail.id}`)).body);
        expect(after.timeline.some((t) => t.type === "evidence_deadline_passed")).toBe(false);
        expect(after.evidenceRequests[0]?.lapsedAt).toBeNull();
        expect((await feed(detail.id)).map((e) => e.type)).toEqual(["evidence_request"]);
      });

      it("documents the webhooks and the pull feed in OpenAPI; the feed takes the service token only", async () => {
        const doc = (
          await new ApiClient(url).get<{
            webhooks: Record<string, { post: { parameters: { name: string }[] } }>;
            paths: Record<string, unknown>;
          }>("/openapi.json")
        ).body;
        expect(Object.keys(doc.webhooks).sort()).toEqual(
          [
            "decision",
            "evidence_deadline_passed",
            "evidence_reminder",
            "evidence_request",
            "message",
            "review_verdict",
            "verification_step",
          ].sort(),
        );
        expect(doc.webhooks.decision?.post.parameters.map((p) => p.name)).toEqual([
          "webhook-id",
          "webhook-timestamp",
          "webhook-signature",
        ]);
        expect(doc.paths["/api/v1/integration/events"]).toBeDefined();
        expect((await agent.get("/integration/events")).status).toBe(403);
        expect((await platform(url).get("/integration/events?since=-1")).status).toBe(400);
      });

      it("refuses a deadline in the past and schedules nothing", async () => {
        const detail = await claimed();
        const refused = await agent.post(
          `/cases/${detail.id}/evidence-requests`,
          {
            party: "respondent",
            what: "Anything",
            dueAt: new Date(Date.now() - 60_000).toISOString(),
          },
          { ifMatch: detail.version },
        );
        expect(refused.status).toBe(400);
        const jobs = await backend.server.db.query(
          // The case's own jobs (respondent window, SLA warning) are not the request's.
          "select 1 from deadline_jobs where case_id = $1 and kind like 'evidence%'",
          [detail.id],
        );
        expect(jobs).toHaveLength(0);
        expect(await feed(detail.id)).toEqual([]);
      });

      it("an agreement not confirmed within 24 hours goes to CS", async () => {
        const service = platform(url);
        const filed = await service.post<{ case: CaseDetail }>("/integration/appeals", filing());
        const id = filed.body.case.id;
        const agreed = await service.post<{ case: CaseDetail }>(
          `/integration/appeals/${id}/respondent-answer`,
          { answer: "agreement_reached" },
        );
        expect(agreed.body.case.status).toBe("agreed");
        await run(new Date(Date.now() + 23 * 3_600_000));
        expect(CaseDetail.parse((await agent.get(`/cases/${id}`)).body).status).toBe("agreed");
        await run(new Date(Date.now() + 24 * 3_600_000 + 60_000));
        const after = CaseDetail.parse((await agent.get(`/cases/${id}`)).body);
        expect(after.status).toBe("escalated");
        expect(after.timeline.map((t) => t.type)).toContain("agreement_lapsed");
      });

      it("decision and verification reach the platform; unhappy feedback reopens with a fresh resolution clock", async () => {
        const detail = await claimed();
        const decided = await agent.post<MutationResponse>(
          `/cases/${detail.id}/decision`,
          { outcome: "release", favouredParty: "complainant", rationale: RATIONALE },
          { ifMatch: detail.version },
        );
        expect(decided.status).toBe(200);
        const [decision] = await feed(detail.id);
        expect(decision).toMatchObject({
          type: "decision",
          reference: detail.reference,
          orderRef: detail.trade?.orderId,
          data: {
            outcome: "release",
            favouredParty: "complainant",
            receiver: { role: "complainant", side: "buyer" },
            // A release moves the escrowed coins (the shared money model), not the fiat paid.
            amount: detail.trade?.assetAmount,
            currency: detail.trade?.asset,
            terms: null,
          },
        });
        let version = CaseDetail.parse(decided.body.case).version;
        const step = async (body: object) => {
          const r = await agent.post<MutationResponse>(`/cases/${detail.id}/verification`, body, {
            ifMatch: version,
          });
          expect(r.status).toBe(200);
          const c = CaseDetail.parse(r.body.case);
          version = c.version;
          return c;
        };
        await step({ step: "records_checked" });
        // Day 2 ends without feedback: the case is flagged, once.
        await run(new Date(Date.now() + 2 * 24 * 3_600_000 + 60_000));
        const overdue = CaseDetail.parse((await agent.get(`/cases/${detail.id}`)).body);
        expect(
          overdue.timeline.filter((t) => t.type === "verification_overdue").map((t) => t.summary),
        ).toEqual(["feedback"]);
        version = overdue.version;
        const reopened = await step({ step: "feedback", satisfied: false });
        expect(reopened.status).toBe("in_review");
        const resolution = reopened.slaClocks.find((c) => c.clockId === "resolution");
        expect(resolution?.status).toBe("running");
        expect(resolution?.elapsedMinutes).toBeLessThan(1);
        expect(reopened.dueAt).not.toBeNull();
        expect((await feed(detail.id)).map((e) => e.type)).toEqual([
          "decision",
          "verification_step",
          "verification_step",
        ]);
      });

      it("a remand gives the new assignee a running resolution clock", async () => {
        const detail = await claimed();
        const decided = await agent.post<MutationResponse>(
          `/cases/${detail.id}/decision`,
          { outcome: "cancel_order", favouredParty: "respondent", rationale: RATIONALE },
          { ifMatch: detail.version },
        );
        const appealed = await platform(url).post<{ case: CaseDetail }>(
          `/integration/appeals/${detail.id}/second-stage`,
          { party: "complainant", statement: "Tôi có bằng chứng mới." },
        );
        expect(appealed.status).toBe(200);
        const claim = await supervisor.post<MutationResponse>(
          `/cases/${detail.id}/claim`,
          {},
          { ifMatch: appealed.body.case.version },
        );
        expect(decided.status).toBe(200);
        expect(claim.status).toBe(200);
        const remanded = await supervisor.post<MutationResponse>(
          `/cases/${detail.id}/review`,
          {
            verdict: "remand",
            rationale: "New evidence needs a fresh look by another agent.",
            assignee: "u-agent2",
          },
          { ifMatch: CaseDetail.parse(claim.body.case).version },
        );
        expect(remanded.status).toBe(200);
        const after = CaseDetail.parse(remanded.body.case);
        expect(after.status).toBe("in_review");
        expect(after.slaClocks.find((c) => c.clockId === "resolution")?.status).toBe("running");
        expect(after.dueAt).not.toBeNull();
        expect((await feed(detail.id)).map((e) => e.type)).toEqual(["decision", "review_verdict"]);
      });
    },
  );
}
