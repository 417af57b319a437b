/**
 * Supervisor endpoints over HTTP on the real server: report data (contacts masked, audit excerpt),
 * the audited contact reveal, and the oversight figures — on PGlite and, when available, PostgreSQL.
 */
import { AuditLog } from "@shared/api/audit";
import type { MutationResponse } from "@shared/api/mutations";
import { CaseDetail } from "@shared/domain/appeal";
import { OversightStats } from "@shared/oversight/contract";
import { CaseReportData, ContactRevealResponse } from "@shared/reports/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCaseReport, sealReport } from "../../../renderer/src/reports/report-model";
import { ApiClient } from "../../support/api";
import { escalatedCase } from "../../support/appeals";
import { BACKENDS, type Backend, openBackend, SERVICE_TOKEN } from "../../support/backends";

const RATIONALE = "The bank statement shows the transfer arrived on time and in full.";

for (const { name, skip } of BACKENDS) {
  describe.skipIf(skip !== null)(
    `supervisor endpoints on ${name}${skip ? ` (${skip})` : ""}`,
    () => {
      let backend: Backend;
      let url: string;
      let agent1: ApiClient;
      let supervisor1: ApiClient;

      beforeAll(async () => {
        backend = await openBackend(name);
        url = backend.server.url;
        agent1 = await ApiClient.login(url, "agent1");
        supervisor1 = await ApiClient.login(url, "supervisor1");
      });
      afterAll(async () => {
        await backend?.close();
      });

      async function decidedCase() {
        const escalated = await escalatedCase(url);
        const claimed = await agent1.post<MutationResponse>(
          `/cases/${escalated.id}/claim`,
          {},
          { ifMatch: escalated.version },
        );
        const decided = await agent1.post<MutationResponse>(
          `/cases/${escalated.id}/decision`,
          { outcome: "release", favouredParty: "complainant", rationale: RATIONALE },
          { ifMatch: claimed.body.version },
        );
        expect(decided.status).toBe(200);
        return escalated.id;
      }

      it("serves report data with masked contacts, decisions, clocks and an audit excerpt", async () => {
        const id = await decidedCase();
        const response = await supervisor1.get(`/cases/${id}/report`);
        expect(response.status).toBe(200);
        const data = CaseReportData.parse(response.body);
        expect(data.case.complainant.phone).toMatch(/^\+84 .*•.* 678$/);
        expect(data.case.respondent.phone).not.toContain("987654321");
        expect(data.case.decisions).toHaveLength(1);
        expect(data.case.slaClocks.length).toBeGreaterThan(0);
        expect(data.audit.map((e) => e.action)).toEqual(
          expect.arrayContaining(["claim", "decide"]),
        );
        expect(data.auditTotal).toBeGreaterThanOrEqual(data.audit.length);
        expect(data.exportedBy.username).toBe("supervisor1");
        // The desk builds and seals a report from it; the hash is stable for the same data.
        const first = await sealReport(buildCaseReport(data));
        const second = await sealReport(buildCaseReport(CaseReportData.parse(response.body)));
        expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
        expect(second.hash).toBe(first.hash);
        expect((await supervisor1.get("/cases/no-such-case/report")).status).toBe(404);
        expect((await new ApiClient(url).get(`/cases/${id}/report`)).status).toBe(401);
      });

      it("reveals clear contacts only through an audited call", async () => {
        const id = await decidedCase();
        const before = AuditLog.parse((await supervisor1.get(`/cases/${id}/audit`)).body).entries;
        const reveal = await supervisor1.post(
          `/cases/${id}/contact-reveal`,
          { purpose: "report", reason: "regulator request" },
          { key: null },
        );
        expect(reveal.status).toBe(200);
        const body = ContactRevealResponse.parse(reveal.body);
        expect(body.contacts.find((c) => c.role === "complainant")?.phone).toBe("+84 912345678");
        const after = AuditLog.parse((await supervisor1.get(`/cases/${id}/audit`)).body).entries;
        expect(after).toHaveLength(before.length + 1);
        const entry = after.at(-1);
        expect(entry?.action).toBe("contact_reveal");
        expect(entry?.actorId).toBe("u-supervisor1");
        expect(entry?.seq).toBe(body.auditSeq);
        expect(entry?.details).toMatchObject({ purpose: "report", reason: "regulator request" });
        // The chain still verifies with the reveal on it.
        expect((await supervisor1.get<{ ok: boolean }>("/audit/verify")).body.ok).toBe(true);
        const bad = await supervisor1.post(
          `/cases/${id}/contact-reveal`,
          { purpose: "curiosity" },
          { key: null },
        );
        expect(bad.status).toBe(400);
      });

      /** A case decided by agent1, appealed by the respondent, claimed by supervisor1. */
      async function underReview() {
        const id = await decidedCase();
        const service = new ApiClient(url, SERVICE_TOKEN);
        const appealed = await service.post<{ case: CaseDetail }>(
          `/integration/appeals/${id}/second-stage`,
          {
            party: "respondent",
            statement: "Tiền chưa về tài khoản của tôi.",
          },
        );
        expect(appealed.status).toBe(200);
        const claimed = await supervisor1.post<MutationResponse>(
          `/cases/${id}/claim`,
          {},
          { ifMatch: appealed.body.case.version },
        );
        expect(claimed.status).toBe(200);
        const detail = CaseDetail.parse(claimed.body.case);
        expect(detail.slaClocks.find((c) => c.clockId === "second_stage_review")?.status).toBe(
          "running",
        );
        return detail;
      }

      it("review verdicts: uphold closes and stops the second-stage clock; overturn adds a decision; remand reassigns", async () => {
        const upheld = await underReview();
        const uphold = await supervisor1.post<MutationResponse>(
          `/cases/${upheld.id}/review`,
          { verdict: "uphold", rationale: RATIONALE },
          { ifMatch: upheld.version },
        );
        expect(uphold.status).toBe(200);
        const afterUphold = CaseDetail.parse(uphold.body.case);
        expect(afterUphold.status).toBe("closed");
        expect(afterUphold.slaClocks.find((c) => c.clockId === "second_stage_review")?.status).toBe(
          "met",
        );
        expect(afterUphold.decisions).toHaveLength(1);

        const overturned = await underReview();
        const overturn = await supervisor1.post<MutationResponse>(
          `/cases/${overturned.id}/review`,
          {
            verdict: "overturn",
            rationale: RATIONALE,
            decision: {
              outcome: "cancel_order",
              favouredParty: "respondent",
              rationale: "The bank confirms no transfer reached the seller's account.",
            },
          },
          { ifMatch: overturned.version },
        );
        expect(overturn.status).toBe(200);
        const afterOverturn = CaseDetail.parse(overturn.body.case);
        expect(afterOverturn.decisions.map((d) => [d.stage, d.outcome])).toEqual([
          ["first", "release"],
          ["second", "cancel_order"],
        ]);
        // The report shows both decisions and the review.
        const report = await sealReport(
          buildCaseReport(
            CaseReportData.parse((await supervisor1.get(`/cases/${overturned.id}/report`)).body),
            { language: "en" },
          ),
        );
        const decisions = report.sections.find((s) => s.id === "decisions")?.blocks[0];
        expect(decisions?.kind === "records" ? decisions.records.map((r) => r.title) : []).toEqual([
          "First stage — Release to the buyer",
          "Second stage — Cancel the order",
        ]);

        const remanded = await underReview();
        const toDecider = await supervisor1.post(
          `/cases/${remanded.id}/review`,
          { verdict: "remand", rationale: RATIONALE, assignee: "u-agent1" },
          { ifMatch: remanded.version },
        );
        expect(toDecider.status).toBe(403);
        const remand = await supervisor1.post<MutationResponse>(
          `/cases/${remanded.id}/review`,
          { verdict: "remand", rationale: RATIONALE, assignee: "u-agent2" },
          { ifMatch: remanded.version },
        );
        expect(remand.status).toBe(200);
        expect(remand.body.case?.assigneeId).toBe("u-agent2");
        expect(remand.body.case?.status).not.toBe("closed");
      });

      it("gives supervisors the oversight figures and refuses agents", async () => {
        await decidedCase();
        expect((await agent1.get("/oversight/stats")).status).toBe(403);
        const all = OversightStats.parse((await supervisor1.get("/oversight/stats?days=30")).body);
        expect(all.openCases).toBeGreaterThan(0);
        expect(all.workload.reduce((sum, w) => sum + w.open, 0)).toBe(all.openCases);
        expect(all.ageDistribution.reduce((sum, a) => sum + a.count, 0)).toBeLessThanOrEqual(
          all.openCases,
        );
        expect(all.clocks.map((c) => c.clockId)).toEqual(
          expect.arrayContaining(["first_response", "resolution"]),
        );
        expect(
          all.outcomes.find((o) => o.outcome === "release" && o.stage === "first")?.count,
        ).toBeGreaterThan(0);
        expect(all.series.length).toBeGreaterThan(0);
        expect(all.timeZone).toBe("UTC");
        const vn = OversightStats.parse(
          (await supervisor1.get("/oversight/stats?region=VN&bucket=week")).body,
        );
        expect(vn.timeZone).toBe("Asia/Ho_Chi_Minh");
        expect(vn.openCases).toBeLessThanOrEqual(all.openCases);
        for (const period of vn.series)
          expect(new Date(`${period.period}T00:00:00Z`).getUTCDay()).toBe(1);
        expect((await supervisor1.get("/oversight/stats?region=XX")).status).toBe(400);
      });
    },
  );
}
