import { MUTATIONS } from "@shared/api/mutations";
import type { User } from "@shared/domain/user";
import { describe, expect, test } from "vitest";
import { createI18n } from "../../../../renderer/src/i18n/i18n";
import {
  EMPTY_VERDICT,
  explainReviewBlock,
  overturnBodyOf,
  reviewBlock,
  reviewBodyOf,
} from "../../../../renderer/src/supervisor/review-rules";
import { chineseCase } from "../../../support/report-cases";

const supervisor = (id: string): User => ({
  id,
  username: id,
  displayName: id,
  role: "supervisor",
});

describe("four-eyes in the review screen", () => {
  test("the first decider may not review, and is told why", () => {
    const detail = {
      ...chineseCase(),
      decisions: [{ ...chineseCase().decisions[0]!, decidedBy: "u-supervisor1" }],
    };
    const block = reviewBlock(detail, supervisor("u-supervisor1"));
    expect(block).toEqual({ kind: "first-decider" });
    expect(explainReviewBlock(block!, {}, createI18n("en").t)).toMatch(/first decision.*Four-eyes/);
    expect(explainReviewBlock(block!, {}, createI18n("zh-Hans").t)).toContain("双人复核");
  });

  test("every first-stage decider is blocked, not only the latest (a reopened case)", () => {
    const first = chineseCase().decisions[0]!;
    const detail = {
      ...chineseCase(),
      decisions: [
        { ...first, id: "d1", decidedBy: "u-supervisor1" },
        { ...first, id: "d2", decidedBy: "u-agent2" },
      ],
    };
    expect(reviewBlock(detail, supervisor("u-supervisor1"))).toEqual({ kind: "first-decider" });
  });

  test("another supervisor reviews once the appeal is claimed by them", () => {
    const claimed = { ...chineseCase(), assigneeId: "u-supervisor2" };
    expect(reviewBlock(claimed, supervisor("u-supervisor2"))).toBeNull();
    expect(
      reviewBlock(
        { ...claimed, status: "second_stage", assigneeId: null },
        supervisor("u-supervisor2"),
      ),
    ).toEqual({ kind: "needs-claim" });
    expect(reviewBlock(claimed, supervisor("u-supervisor3"))).toEqual({
      kind: "claimed-by-other",
      assigneeId: "u-supervisor2",
    });
    expect(reviewBlock(claimed, { ...supervisor("u-agent2"), role: "agent" })).toEqual({
      kind: "not-supervisor",
    });
    expect(reviewBlock({ ...claimed, status: "decided" }, supervisor("u-supervisor2"))).toEqual({
      kind: "not-second-stage",
    });
  });

  test("verdict forms produce bodies the shared schema accepts, and need a rationale", () => {
    const rationale = "Evidence re-analysed: the transfer receipt matches the bank record.";
    const uphold = reviewBodyOf({ ...EMPTY_VERDICT, rationale });
    expect(MUTATIONS.review.safeParse(uphold).success).toBe(true);
    expect(MUTATIONS.review.safeParse(reviewBodyOf(EMPTY_VERDICT)).success).toBe(false);
    const overturn = overturnBodyOf(rationale, {
      outcome: "partial_refund",
      amount: "100.5",
      rationale,
    });
    expect(overturn.decision).toMatchObject({ outcome: "partial_refund", amount: "100.5" });
    expect(MUTATIONS.review.safeParse(overturn).success).toBe(true);
    const remand = reviewBodyOf({
      ...EMPTY_VERDICT,
      verdict: "remand",
      rationale,
      assignee: "u-agent2",
    });
    expect(remand).toEqual({ verdict: "remand", rationale, assignee: "u-agent2" });
    expect(
      MUTATIONS.review.safeParse(reviewBodyOf({ ...EMPTY_VERDICT, verdict: "remand", rationale }))
        .success,
    ).toBe(false);
  });
});
