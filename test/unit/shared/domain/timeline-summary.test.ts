import type { TimelineEventType } from "@shared/domain/appeal";
import { readTimelineSummary } from "@shared/domain/timeline-summary";
import { describe, expect, test } from "vitest";

const read = (type: TimelineEventType, summary: string) => readTimelineSummary({ type, summary });

describe("readTimelineSummary", () => {
  test("codes the server stores are read as codes, never shown as text", () => {
    expect(read("appeal_filed", "repayment_hardship")).toEqual({
      kind: "reason",
      reason: "repayment_hardship",
    });
    expect(read("respondent_answered", "negotiation_failed")).toEqual({
      kind: "answer",
      answer: "negotiation_failed",
    });
    expect(read("message_sent", "complainant")).toEqual({ kind: "party", party: "complainant" });
    expect(read("evidence_requested", "respondent: bank statement")).toEqual({
      kind: "evidenceRequest",
      party: "respondent",
      what: "bank statement",
    });
    expect(read("decided", "partial_refund")).toEqual({
      kind: "outcome",
      outcome: "partial_refund",
    });
    expect(read("reviewed", "remand")).toEqual({ kind: "verdict", verdict: "remand" });
    expect(read("reopened", "unhappy feedback")).toEqual({
      kind: "reopen",
      cause: "unhappy_feedback",
    });
    expect(read("escalated", "no answer within 10 minutes")).toEqual({
      kind: "escalation",
      cause: "no_answer",
    });
    expect(
      read("evidence_deadline_passed", "no answer from the seller by 2026-01-02T03:04:05.000Z"),
    ).toEqual({
      kind: "noAnswer",
      who: "seller",
      dueAt: "2026-01-02T03:04:05.000Z",
    });
    expect(read("verification_overdue", "feedback")).toEqual({ kind: "step", step: "feedback" });
  });

  test("free text stays the user's own; empty is nothing", () => {
    expect(read("released", "going on leave")).toEqual({ kind: "data", text: "going on leave" });
    expect(read("order_created", "ORD-123")).toEqual({ kind: "data", text: "ORD-123" });
    expect(read("appeal_filed", "not_a_reason")).toEqual({ kind: "data", text: "not_a_reason" });
    expect(read("claimed", "")).toEqual({ kind: "none" });
  });
});
