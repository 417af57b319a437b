/**
 * What a queued action does to the case's SLA clocks, before the server answers: the timeline
 * events it will add (so the workspace's clocks pause, stop or restart at once) and the queue row's
 * headline deadline. A forecast, like the projected status; the server's answer replaces it.
 */
import type { CaseSummary, TimelineEvent, TimelineEventType } from "@shared/domain/appeal";
import type { DeskAction } from "@shared/domain/desk-action";
import { caseClocks } from "@shared/sla/case-clocks";

/** The clock-relevant timeline events of an action, in the order the server writes them. */
export function clockEventsOf(
  action: DeskAction,
  status: CaseSummary["status"],
): TimelineEventType[] {
  switch (action.type) {
    case "evidence-requests":
      return status === "supervisor_review" ? [] : ["evidence_requested"];
    case "decision":
      return ["decided"];
    case "verification":
      if (action.body.step === "confirmed") return ["verified", "closed"];
      return action.body.step === "feedback" && action.body.satisfied === false ? ["reopened"] : [];
    case "review":
      return action.body.verdict === "remand" ? ["reviewed", "reopened"] : ["reviewed", "closed"];
    default:
      return [];
  }
}

export function pendingTimeline(
  action: DeskAction,
  status: CaseSummary["status"],
  key: string,
  at: number,
): TimelineEvent[] {
  return clockEventsOf(action, status).map((type, index) => ({
    id: `pending:${key}:${index}`,
    type,
    at: new Date(at).toISOString(),
    actor: "",
    summary: "",
  }));
}

/**
 * The row's deadline after the action: the earliest clock the action leaves running. Each of
 * these actions ends the clocks that ran before it (a decision stops the resolution clock, a
 * request pauses it, a reopen starts a new epoch), so the clocks it starts are the ones to count.
 */
export function projectedDeadline(
  summary: CaseSummary,
  events: readonly TimelineEvent[],
): Pick<CaseSummary, "dueAt" | "warnAt"> {
  const at = Math.max(...events.map((e) => Date.parse(e.at)));
  const states = caseClocks({ ...summary, timeline: events }, at);
  let best: { dueAt: number; warnAt: number } | null = null;
  for (const state of states) {
    if (state.status !== "running" || state.dueAt === null) continue;
    if (!best || state.dueAt < best.dueAt) {
      best = { dueAt: state.dueAt, warnAt: state.nextChangeAt ?? state.dueAt };
    }
  }
  return best
    ? { dueAt: new Date(best.dueAt).toISOString(), warnAt: new Date(best.warnAt).toISOString() }
    : { dueAt: null, warnAt: null };
}
