/**
 * Who may review a second-stage appeal, and the review body a verdict form produces. Pure, so the
 * four-eyes rule the UI explains is tested on its own; the server enforces the same rule (403).
 */
import type { ReviewBody } from "@shared/api/mutations";
import type { CaseDetail, DecisionOutcome, PartyRole } from "@shared/domain/appeal";
import type { User } from "@shared/domain/user";
import type { TFunction } from "i18next";

export type ReviewBlock =
  | { kind: "not-supervisor" }
  | { kind: "first-decider" }
  | { kind: "not-second-stage" }
  | { kind: "needs-claim" }
  | { kind: "claimed-by-other"; assigneeId: string };

/** Why `user` cannot review this case now, or null when they can. */
export function reviewBlock(detail: CaseDetail, user: User): ReviewBlock | null {
  if (user.role !== "supervisor") return { kind: "not-supervisor" };
  // Four-eyes: whoever took a first-stage decision on this case never reviews it.
  if (detail.decisions.some((d) => d.stage === "first" && d.decidedBy === user.id)) {
    return { kind: "first-decider" };
  }
  if (detail.status === "second_stage") return { kind: "needs-claim" };
  if (detail.status !== "supervisor_review") return { kind: "not-second-stage" };
  if (detail.assigneeId && detail.assigneeId !== user.id) {
    return { kind: "claimed-by-other", assigneeId: detail.assigneeId };
  }
  return null;
}

/** Why the review is blocked, in the supervisor's language (`t` of the desk's i18n). */
export function explainReviewBlock(
  block: ReviewBlock,
  names: Record<string, string>,
  t: TFunction,
): string {
  switch (block.kind) {
    case "not-supervisor":
      return t("supervisor.review.blocks.notSupervisor");
    case "first-decider":
      return t("supervisor.review.blocks.firstDecider");
    case "not-second-stage":
      return t("supervisor.review.blocks.notSecondStage");
    case "needs-claim":
      return t("supervisor.review.blocks.needsClaim");
    case "claimed-by-other":
      return t("supervisor.review.blocks.claimedByOther", {
        name: names[block.assigneeId] ?? block.assigneeId,
      });
  }
}

export interface VerdictForm {
  verdict: "uphold" | "overturn" | "remand";
  rationale: string;
  outcome: DecisionOutcome;
  favouredParty: PartyRole | "";
  amount: string;
  decisionRationale: string;
  assignee: string;
}

export const EMPTY_VERDICT: VerdictForm = {
  verdict: "uphold",
  rationale: "",
  outcome: "release",
  favouredParty: "",
  amount: "",
  decisionRationale: "",
  assignee: "",
};

/** The review request body for the form; the outbox validates it against the shared schema. */
export function reviewBodyOf(form: VerdictForm): ReviewBody {
  const base = { verdict: form.verdict, rationale: form.rationale.trim() };
  if (form.verdict === "remand") return { ...base, assignee: form.assignee };
  if (form.verdict === "overturn") {
    return {
      ...base,
      decision: {
        outcome: form.outcome,
        rationale: form.decisionRationale.trim() || form.rationale.trim(),
        ...(form.favouredParty ? { favouredParty: form.favouredParty } : {}),
        ...(form.outcome === "partial_refund" ? { amount: form.amount.trim() } : {}),
      },
    };
  }
  return base;
}
