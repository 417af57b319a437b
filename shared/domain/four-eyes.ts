/**
 * Four-eyes: nobody who took a first-stage decision on a case reviews its second stage, claims
 * it for review, or takes it on remand. "A first-stage decision" is every one in the case's
 * history, not only the latest: a case that reopened on unhappy feedback and was decided again
 * has two first-stage deciders, and neither may review it. The desk (to explain why a button is
 * off) and the server (to refuse, 403) ask the same function.
 */

/** Every user who took a first-stage decision on the case, in the order they decided. */
export function firstStageDecidersOf(
  decisions: readonly { stage: "first" | "second"; decidedBy: string }[],
): string[] {
  const seen: string[] = [];
  for (const decision of decisions) {
    if (decision.stage === "first" && !seen.includes(decision.decidedBy)) {
      seen.push(decision.decidedBy);
    }
  }
  return seen;
}

/** True when `userId` decided the first stage of the case and so may not review it. */
export function breaksFourEyes(userId: string, firstStageDeciders: readonly string[]): boolean {
  return firstStageDeciders.includes(userId);
}
