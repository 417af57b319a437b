/**
 * Money safety and the decision record over HTTP, on PGlite and PostgreSQL: every refusal of the
 * money rules (first decision and overturn alike), direction by side, structured terms, the review
 * rationale and verification notes in the case and the audit chain, and four-eyes against every
 * first-stage decider on every path.
 */
import { randomUUID } from "node:crypto";
import { AuditLog } from "@shared/api/audit";
import type { FileAppealRequest } from "@shared/api/integration";
import type { MutationResponse } from "@shared/api/mutations";
import type { Problem } from "@shared/api/problem";
import { CaseDetail } from "@shared/domain/appeal";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../support/api";
import { escalatedCase, platform } from "../support/appeals";
import { BACKENDS, type Backend, openBackend } from "../support/backends";

const RATIONALE = "The bank statement shows the transfer arrived on time and in full.";
const REVIEW_RATIONALE = "Re-examined the bank records: the first decision misread the timestamps.";

/** The issue's case: a payment complaint over 5,798,000 VND. */
const PAYMENT: Partial<FileAppealRequest> = {
  kind: "payment",
  reason: "duplicate_charge",
  amount: "5798000",
  currency: "VND",
  complainant: {
    side: "payer",
    externalUserId: "U3003",
    displayName: "Lê Thị Hoa",
    phone: "+84 901234567",
    email: null,
    language: "vi",
  },
  respondent: {
    side: "merchant",
    externalUserId: "M4004",
    displayName: "Cửa hàng Minh Châu",
    phone: null,
    email: null,
    language: "vi",
  },
  statement: "Tôi bị trừ tiền hai lần cho cùng một đơn hàng.",
  trade: null,
  payment: {
    transactionId: `TX${Date.now()}`,
    amount: "5798000",
    currency: "VND",
    merchant: "Cửa hàng Minh Châu",
    method: "Ví điện tử",
    occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
  },
};

for (const { name, skip } of BACKENDS) {
  describe.skipIf(skip !== null)(`decision record on ${name}${skip ? ` (${skip})` : ""}`, () => {
    let backend: Backend;
    let url: string;
    let agent1: ApiClient;
    let agent2: ApiClient;
    let supervisor1: ApiClient;
    let supervisor2: ApiClient;

    beforeAll(async () => {
      backend = await openBackend(name, 0);
      url = backend.server.url;
      agent1 = await ApiClient.login(url, "agent1");
      agent2 = await ApiClient.login(url, "agent2");
      supervisor1 = await ApiClient.login(url, "supervisor1");
      supervisor2 = await ApiClient.login(url, "supervisor2");
    });
    afterAll(async () => {
      await backend?.close();
    });

    async function post(
      by: ApiClient,
      detail: CaseDetail,
      action: string,
      body: unknown,
    ): Promise<{ status: number; problem: Problem; detail: CaseDetail | null }> {
      const response = await by.post<MutationResponse & Problem>(
        `/cases/${detail.id}/${action}`,
        body,
        { ifMatch: detail.version },
      );
      return {
        status: response.status,
        problem: response.body,
        detail: response.status === 200 ? CaseDetail.parse(response.body.case) : null,
      };
    }

    async function must(by: ApiClient, detail: CaseDetail, action: string, body: unknown) {
      const result = await post(by, detail, action, body);
      expect(result.status, JSON.stringify(result.problem)).toBe(200);
      return result.detail as CaseDetail;
    }

    async function claimed(by: ApiClient, overrides: Partial<FileAppealRequest> = {}) {
      // One open appeal per transaction: each case gets its own.
      const escalated = await escalatedCase(
        url,
        overrides.payment
          ? {
              ...overrides,
              payment: { ...overrides.payment, transactionId: `TX${randomUUID().slice(0, 12)}` },
            }
          : overrides,
      );
      return must(by, escalated, "claim", {});
    }

    async function auditOf(id: string) {
      return AuditLog.parse((await supervisor1.get(`/cases/${id}/audit`)).body).entries;
    }

    /** A case decided by `first`, appealed, and claimed for review by `reviewer`. */
    async function inReview(first: ApiClient, reviewer: ApiClient, overrides = PAYMENT) {
      const work = await claimed(first, overrides);
      const decided = await must(first, work, "decision", {
        outcome: "full_refund",
        rationale: RATIONALE,
      });
      const appealed = await must(supervisor1, decided, "appeal", {
        party: "respondent",
        statement: "Chúng tôi không đồng ý.",
      });
      return must(reviewer, appealed, "claim", {});
    }

    it("refuses a refund above the disputed amount, on the first decision, naming the limit", async () => {
      const work = await claimed(agent1, PAYMENT);
      const over = await post(agent1, work, "decision", {
        outcome: "partial_refund",
        amount: "99999999",
        rationale: RATIONALE,
      });
      expect(over.status).toBe(422);
      expect(over.problem.errors).toEqual([
        {
          field: "body/amount",
          code: "exceeds_disputed_amount",
          message: "at most the disputed amount, 5798000 VND",
          limit: { amount: "5798000", currency: "VND" },
        },
      ]);
      const fraction = await post(agent1, work, "decision", {
        outcome: "partial_refund",
        amount: "1000.5",
        rationale: RATIONALE,
      });
      expect(fraction.status).toBe(422);
      expect(fraction.problem.errors?.[0]).toMatchObject({
        field: "body/amount",
        code: "amount_too_precise",
      });
      const crypto = await post(agent1, work, "decision", {
        outcome: "release",
        rationale: RATIONALE,
      });
      expect(crypto.status).toBe(422);
      expect(crypto.problem.errors?.[0]).toMatchObject({
        field: "body/outcome",
        code: "outcome_not_for_case",
      });
      const wrongSide = await post(agent1, work, "decision", {
        outcome: "full_refund",
        favouredParty: "respondent",
        rationale: RATIONALE,
      });
      expect(wrongSide.status).toBe(422);
      expect(wrongSide.problem.errors?.[0]?.code).toBe("receiver_mismatch");
      // Nothing changed: the case is still in review at the same version, with no decision.
      const now = CaseDetail.parse((await agent1.get(`/cases/${work.id}`)).body);
      expect(now).toMatchObject({ status: "in_review", version: work.version, decisions: [] });

      const within = await must(agent1, work, "decision", {
        outcome: "partial_refund",
        amount: "200000",
        rationale: RATIONALE,
      });
      expect(within.decisions[0]).toMatchObject({
        amount: "200000",
        currency: "VND",
        receiverSide: "payer",
        favouredParty: "complainant",
      });
    });

    it("refuses an over-limit overturn the same way, and the case stays under review", async () => {
      const review = await inReview(agent1, supervisor2);
      const over = await post(supervisor2, review, "review", {
        verdict: "overturn",
        rationale: REVIEW_RATIONALE,
        decision: { outcome: "partial_refund", amount: "99999999", rationale: RATIONALE },
      });
      expect(over.status).toBe(422);
      expect(over.problem.errors).toEqual([
        expect.objectContaining({
          field: "body/decision/amount",
          code: "exceeds_disputed_amount",
          limit: { amount: "5798000", currency: "VND" },
        }),
      ]);
      const now = CaseDetail.parse((await supervisor2.get(`/cases/${review.id}`)).body);
      expect(now).toMatchObject({ status: "supervisor_review", version: review.version });
      expect(now.reviews).toEqual([]);
    });

    it("pays a release to the buyer and a cancellation to the seller, whoever complained", async () => {
      // The seller complains (no payment received): the buyer is the respondent.
      const sellerComplains: Partial<FileAppealRequest> = {
        reason: "payment_not_received",
        complainant: {
          side: "seller",
          externalUserId: "U2002",
          displayName: "Trần Thị Bích Ngọc",
          phone: null,
          email: null,
          language: "vi",
        },
        respondent: {
          side: "buyer",
          externalUserId: "U1001",
          displayName: "Nguyễn Văn An",
          phone: null,
          email: null,
          language: "vi",
        },
      };
      const work = await claimed(agent1, sellerComplains);
      const wrong = await post(agent1, work, "decision", {
        outcome: "cancel_order",
        favouredParty: "respondent",
        rationale: RATIONALE,
      });
      expect(wrong.status).toBe(422);
      expect(wrong.problem.errors?.[0]).toMatchObject({
        field: "body/favouredParty",
        code: "receiver_mismatch",
      });
      const cancelled = await must(agent1, work, "decision", {
        outcome: "cancel_order",
        rationale: RATIONALE,
      });
      expect(cancelled.decisions[0]).toMatchObject({
        receiverSide: "seller",
        favouredParty: "complainant",
        amount: "98.430000",
        currency: "USDT",
      });
    });

    it("stores structured terms: a mediation agreement and a repayment plan", async () => {
      const mediationCase = await claimed(agent1, PAYMENT);
      const notAccepted = await post(agent1, mediationCase, "decision", {
        outcome: "mediation",
        terms: {
          type: "mediation",
          agreedTerms: "The merchant refunds one charge within 3 working days.",
          acceptedBy: { complainant: true, respondent: false },
        },
        rationale: RATIONALE,
      });
      expect(notAccepted.status).toBe(422);
      expect(notAccepted.problem.errors?.[0]).toMatchObject({
        field: "body/terms/acceptedBy",
        code: "not_accepted_by_both",
      });
      const mediated = await must(agent1, mediationCase, "decision", {
        outcome: "mediation",
        terms: {
          type: "mediation",
          agreedTerms: "The merchant refunds one charge within 3 working days.",
          acceptedBy: { complainant: true, respondent: true },
        },
        rationale: RATIONALE,
      });
      expect(mediated.decisions[0]?.terms).toEqual({
        type: "mediation",
        agreedTerms: "The merchant refunds one charge within 3 working days.",
        acceptedBy: { complainant: true, respondent: true },
      });

      const hardship = await claimed(agent1, { ...PAYMENT, reason: "repayment_hardship" });
      const year = new Date().getUTCFullYear() + 1;
      const plan = (second: string) => ({
        outcome: "repayment_plan",
        terms: {
          type: "repayment_plan",
          total: "3000000",
          instalments: [
            { dueDate: `${year}-03-02`, amount: "1000000" },
            { dueDate: `${year}-04-01`, amount: second },
          ],
        },
        rationale: RATIONALE,
      });
      const short = await post(agent1, hardship, "decision", plan("1000000"));
      expect(short.status).toBe(422);
      expect(short.problem.errors?.[0]).toMatchObject({
        field: "body/terms/instalments",
        code: "instalments_sum_mismatch",
        limit: { amount: "3000000", currency: "VND" },
      });
      const planned = await must(agent1, hardship, "decision", plan("2000000"));
      expect(planned.decisions[0]).toMatchObject({
        outcome: "repayment_plan",
        receiverSide: "merchant",
        favouredParty: "respondent",
        amount: "3000000",
        terms: { total: "3000000", instalments: [{ amount: "1000000" }, { amount: "2000000" }] },
      });
      const audit = await auditOf(hardship.id);
      expect(audit.find((e) => e.action === "decide")?.details).toMatchObject({
        outcome: "repayment_plan",
        amount: "3000000",
        receiverSide: "merchant",
        rationale: RATIONALE,
        terms: { type: "repayment_plan", total: "3000000" },
      });
    });

    it("keeps the review rationale, verification notes and feedback comments in the case and the audit chain", async () => {
      const work = await claimed(agent1, PAYMENT);
      let detail = await must(agent1, work, "decision", {
        outcome: "full_refund",
        rationale: RATIONALE,
      });
      detail = await must(agent1, detail, "verification", {
        step: "records_checked",
        note: "Refund of 5.798.000 ₫ visible in the wallet ledger.",
      });
      const feedback = await platform(url).post<{ case: CaseDetail }>(
        `/integration/appeals/${detail.id}/feedback`,
        { party: "complainant", satisfied: true, comment: "Đã nhận lại tiền, cảm ơn." },
      );
      expect(feedback.status, JSON.stringify(feedback.body)).toBe(200);
      detail = CaseDetail.parse(feedback.body.case);
      detail = await must(agent1, detail, "verification", {
        step: "confirmed",
        note: "Both parties confirmed.",
      });
      expect(detail.verificationSteps.map((s) => [s.step, s.note, s.party, s.satisfied])).toEqual([
        ["records_checked", "Refund of 5.798.000 ₫ visible in the wallet ledger.", null, null],
        ["feedback", "Đã nhận lại tiền, cảm ơn.", "complainant", true],
        ["confirmed", "Both parties confirmed.", null, null],
      ]);
      const audit = await auditOf(detail.id);
      expect(audit.find((e) => e.action === "verify:records_checked")?.details).toMatchObject({
        note: "Refund of 5.798.000 ₫ visible in the wallet ledger.",
      });
      expect(audit.find((e) => e.action === "verify:feedback_satisfied")?.details).toMatchObject({
        note: "Đã nhận lại tiền, cảm ơn.",
        party: "complainant",
      });

      const review = await inReview(agent1, supervisor2);
      const upheld = await must(supervisor2, review, "review", {
        verdict: "uphold",
        rationale: REVIEW_RATIONALE,
      });
      expect(upheld.reviews).toEqual([
        expect.objectContaining({
          verdict: "uphold",
          rationale: REVIEW_RATIONALE,
          reviewedBy: "u-supervisor2",
        }),
      ]);
      expect(
        (await auditOf(review.id)).find((e) => e.action === "review:uphold")?.details,
      ).toMatchObject({ rationale: REVIEW_RATIONALE });

      const again = await inReview(agent1, supervisor2);
      const overturned = await must(supervisor2, again, "review", {
        verdict: "overturn",
        rationale: REVIEW_RATIONALE,
        decision: { outcome: "partial_refund", amount: "2000000", rationale: RATIONALE },
      });
      const second = overturned.decisions.find((d) => d.stage === "second");
      expect(second).toMatchObject({ amount: "2000000", receiverSide: "payer" });
      expect(overturned.reviews[0]).toMatchObject({ verdict: "overturn", decisionId: second?.id });
      expect(
        (await auditOf(again.id)).find((e) => e.action === "review:overturn")?.details,
      ).toMatchObject({
        rationale: REVIEW_RATIONALE,
        overturnedTo: { amount: "2000000", currency: "VND", rationale: RATIONALE },
      });
    });

    it("holds four-eyes against every first-stage decider, after a reopen, on every path", async () => {
      // supervisor1 decides; unhappy feedback reopens; agent2 decides again; a party appeals.
      const work = await claimed(supervisor1, PAYMENT);
      let detail = await must(supervisor1, work, "decision", {
        outcome: "full_refund",
        rationale: RATIONALE,
      });
      detail = await must(supervisor1, detail, "verification", { step: "records_checked" });
      detail = await must(supervisor1, detail, "verification", {
        step: "feedback",
        satisfied: false,
        note: "The payer says only one charge came back.",
      });
      expect(detail.status).toBe("in_review");
      detail = await must(supervisor1, detail, "reassign", { assignee: "u-agent2" });
      detail = await must(agent2, detail, "decision", {
        outcome: "partial_refund",
        amount: "2899000",
        rationale: RATIONALE,
      });
      detail = await must(supervisor2, detail, "appeal", {
        party: "respondent",
        statement: "We refunded already.",
      });

      const claimByEarlier = await post(supervisor1, detail, "claim", {});
      expect(claimByEarlier.status).toBe(403);
      const reassignToEarlier = await post(supervisor2, detail, "reassign", {
        assignee: "u-supervisor1",
      });
      expect(reassignToEarlier.status).toBe(403);
      const review = await must(supervisor2, detail, "claim", {});
      for (const assignee of ["u-supervisor1", "u-agent2"]) {
        const remand = await post(supervisor2, review, "review", {
          verdict: "remand",
          rationale: REVIEW_RATIONALE,
          assignee,
        });
        expect(remand.status).toBe(403);
      }
      // Reassigned under review to the earlier decider: refused; the review itself by them too.
      const toEarlier = await post(supervisor2, review, "reassign", { assignee: "u-supervisor1" });
      expect(toEarlier.status).toBe(403);
      const remanded = await must(supervisor2, review, "review", {
        verdict: "remand",
        rationale: REVIEW_RATIONALE,
        assignee: "u-agent1",
      });
      expect(remanded).toMatchObject({ status: "in_review", assigneeId: "u-agent1" });
      expect(remanded.reviews[0]).toMatchObject({ verdict: "remand", remandTo: "u-agent1" });
    });
  });
}
