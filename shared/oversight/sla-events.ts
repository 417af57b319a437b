/**
 * From a case's timeline to the SLA engine's inputs. Kept in shared/ so the server's oversight
 * figures and the desk's report clocks read a case the same way.
 */
import type { AppealReason, CaseKind, TimelineEvent } from "../domain/appeal";
import type { CaseEvent, CaseKind as SlaCaseKind } from "../sla";

/**
 * Which timeline events count as CS's first response to the parties: any contact from CS, a
 * message or a phone call (the same reading as the server's SLA columns).
 */
const FIRST_RESPONSE_TYPES: ReadonlySet<TimelineEvent["type"]> = new Set([
  "message_sent",
  "contacted",
]);

const DIRECT: Partial<Record<TimelineEvent["type"], CaseEvent["type"]>> = {
  appeal_filed: "appeal_filed",
  respondent_answered: "respondent_answered",
  escalated: "escalated",
  evidence_requested: "evidence_requested",
  evidence_received: "evidence_received",
  decided: "decided",
  appealed: "appealed",
  reviewed: "reviewed",
  verified: "verified",
  closed: "closed",
  cancelled: "closed",
};

/** The SLA events of a timeline, in its order; `first_response` is derived, once. */
export function slaEventsOf(timeline: readonly Pick<TimelineEvent, "type" | "at">[]): CaseEvent[] {
  const events: CaseEvent[] = [];
  let hasResponded = false;
  for (const event of timeline) {
    if (!hasResponded && FIRST_RESPONSE_TYPES.has(event.type)) {
      hasResponded = true;
      events.push({ type: "first_response", at: event.at });
    }
    const type = DIRECT[event.type];
    if (type) events.push({ type, at: event.at });
  }
  return events;
}

/** True for the timeline events that count as CS's first response. */
export function isFirstResponse(type: TimelineEvent["type"]): boolean {
  return FIRST_RESPONSE_TYPES.has(type);
}

const SIMPLE_PAYMENT_REASONS: ReadonlySet<AppealReason> = new Set([
  "failed_payment",
  "duplicate_charge",
  "wrong_amount_charged",
]);

/** The SLA policy's kind of case: simple payment cases have the short 1–2 working-day target. */
export function slaKindOf(kind: CaseKind, reason: AppealReason): SlaCaseKind {
  if (kind === "p2p_trade") return "p2p_trade";
  if (reason === "account_takeover") return "account_security";
  return SIMPLE_PAYMENT_REASONS.has(reason) ? "payment_simple" : "payment_complex";
}
