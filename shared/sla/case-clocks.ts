/**
 * The one reading of a case's history into SLA clocks. The server (the queue's `due_at` columns,
 * the detail's clocks, the oversight figures), the desk's workspace, its queue rows and its reports
 * all read a case through here, so they cannot disagree about when a clock started or stopped.
 */
import type {
  AppealReason,
  CaseKind,
  CasePriority,
  RegionCalendarId,
  TimelineEventType,
} from "../domain/appeal";
import { builtinCalendar } from "./builtin-calendars";
import { type ClockState, clockState } from "./clock";
import {
  type CaseEvent,
  type CaseEventType,
  DEFAULT_SLA_POLICY,
  type CaseKind as SlaCaseKind,
  type SlaPolicy,
} from "./policy";

/**
 * The timeline events that are CS's first response to a party: a message sent, or a call that
 * reached the party. The server writes `contacted` only for a call whose outcome is `reached`: a
 * call nobody answered has told the party nothing, so it does not stop the first-response clock.
 */
export const FIRST_RESPONSE_EVENTS = [
  "message_sent",
  "contacted",
] as const satisfies readonly TimelineEventType[];

/** Which timeline events start, stop or pause clocks, in the engine's words. */
const ENGINE_EVENT_OF: Partial<Record<TimelineEventType, CaseEventType>> = {
  appeal_filed: "appeal_filed",
  respondent_answered: "respondent_answered",
  escalated: "escalated",
  message_sent: "first_response",
  contacted: "first_response",
  evidence_requested: "evidence_requested",
  evidence_received: "evidence_received",
  decided: "decided",
  appealed: "appealed",
  reviewed: "reviewed",
  verified: "verified",
  closed: "closed",
  cancelled: "closed",
  // A reopen (feedback unsatisfied, a remand) starts fresh clocks: the engine's new epoch.
  reopened: "reopened",
  // The deadline settles the request as an answer would: the paused clock runs again.
  evidence_deadline_passed: "evidence_received",
};

/** The SLA events of a timeline, in its order (the engine sorts by instant, stably). */
export function caseClockEvents(
  timeline: readonly { type: TimelineEventType; at: string }[],
): CaseEvent[] {
  const events: CaseEvent[] = [];
  for (const entry of timeline) {
    const type = ENGINE_EVENT_OF[entry.type];
    if (type) events.push({ type, at: entry.at });
  }
  return events;
}

/** True for the timeline events that count as CS's first response. */
export function isFirstResponse(type: TimelineEventType): boolean {
  return (FIRST_RESPONSE_EVENTS as readonly TimelineEventType[]).includes(type);
}

const SIMPLE_PAYMENT_REASONS: ReadonlySet<AppealReason> = new Set([
  "failed_payment",
  "duplicate_charge",
  "wrong_amount_charged",
]);

/** The SLA policy's kind of case: simple payment cases have the short 1–2 working-day target. */
export function slaCaseKind(kind: CaseKind, reason: AppealReason): SlaCaseKind {
  if (kind === "p2p_trade") return "p2p_trade";
  if (reason === "account_takeover") return "account_security";
  return SIMPLE_PAYMENT_REASONS.has(reason) ? "payment_simple" : "payment_complex";
}

/** What the reading needs of a case: a summary's fields and its timeline. */
export interface CaseClockInput {
  kind: CaseKind;
  reason: AppealReason;
  priority: CasePriority;
  region: RegionCalendarId;
  timeline: readonly { type: TimelineEventType; at: string }[];
}

/**
 * Every clock of `policy` for the case at `now` (epoch ms), on its region's calendar. Pure, so the
 * desk evaluates it offline. Throws `RangeError` for instants outside the calendars' span.
 */
export function caseClocks(
  input: CaseClockInput,
  now: number,
  policy: SlaPolicy = DEFAULT_SLA_POLICY,
): ClockState[] {
  return clockState(policy, caseClockEvents(input.timeline), now, {
    calendar: builtinCalendar(input.region),
    caseKind: slaCaseKind(input.kind, input.reason),
    priority: input.priority,
  });
}
