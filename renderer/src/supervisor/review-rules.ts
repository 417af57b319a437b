/**
 * Who may review a second-stage appeal, and the review body a verdict form produces. Pure, so the
 * four-eyes rule the UI explains is tested on its own; the server enforces the same rule (403).
 */
import type { DecisionBody, ReviewBody } from "@shared/api/mutations";
import type { CaseDetail } from "@shared/domain/appeal";
import { breaksFourEyes, firstStageDecidersOf } from "@shared/domain/four-eyes";
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
  // Four-eyes: whoever took any first-stage decision on this case never reviews it (the server's rule).
  if (breaksFourEyes(user.id, firstStageDecidersOf(detail.decisions))) {
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

/** Uphold and remand; an overturn carries a decision from the shared decision form instead. */
export interface VerdictForm {
  verdict: "uphold" | "remand";
  rationale: string;
  assignee: string;
}

export const EMPTY_VERDICT: VerdictForm = { verdict: "uphold", rationale: "", assignee: "" };

/** The review request body for the form; the outbox validates it against the shared schema. */
export function reviewBodyOf(form: VerdictForm): ReviewBody {
  const base = { verdict: form.verdict, rationale: form.rationale.trim() };
  return form.verdict === "remand" ? { ...base, assignee: form.assignee } : base;
}

/** An overturn: the review rationale with the new decision the decision form checked. */
export function overturnBodyOf(rationale: string, decision: DecisionBody): ReviewBody {
  return { verdict: "overturn", rationale: rationale.trim(), decision };
}
