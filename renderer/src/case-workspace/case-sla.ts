import type { CaseDetail, TimelineEventType } from "@shared/domain/appeal";
import {
  type CaseEvent,
  type CaseEventType,
  type ClockState,
  clockState,
  DEFAULT_SLA_POLICY,
  nextChangeOf,
  type SlaPolicy,
} from "@shared/sla/index";
import { calendarFor, slaCaseKind } from "../queue/queue-sla";

/** Timeline events the SLA engine counts, under the engine's names. */
const CLOCK_EVENTS: Partial<Record<TimelineEventType, CaseEventType>> = {
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
  reopened: "reopened",
  // The deadline settles the request as an answer would: the paused clock runs again.
  evidence_deadline_passed: "evidence_received",
};

/**
 * The case's history as the SLA engine reads it. The first message or call from CS to a party is
 * the "first response" (what the first-response clock waits for).
 */
export function caseEvents(detail: CaseDetail): CaseEvent[] {
  const events: CaseEvent[] = [];
  for (const event of detail.timeline) {
    const type = CLOCK_EVENTS[event.type];
    if (type) events.push({ type, at: event.at });
  }
  const responses = [
    ...detail.messages.filter((m) => m.author === "agent" && !m.id.startsWith("pending:")),
    ...detail.phoneContacts.map((c) => ({ at: c.at })),
  ]
    .map((m) => m.at)
    .sort();
  if (responses[0]) events.push({ type: "first_response", at: responses[0] });
  return events;
}

export interface LiveClocks {
  clocks: ClockState[];
  /** Epoch ms of the next instant a clock's state or warning flag changes, or null. */
  nextChangeAt: number | null;
}

/** Every clock of the case at `now`, on its region's calendar (works offline: pure). */
export function clocksAt(
  detail: CaseDetail,
  now: number,
  policy: SlaPolicy = DEFAULT_SLA_POLICY,
): LiveClocks {
  const clocks = clockState(policy, caseEvents(detail), now, {
    calendar: calendarFor(detail.region),
    caseKind: slaCaseKind(detail),
    priority: detail.priority,
  });
  return { clocks, nextChangeAt: nextChangeOf(clocks) };
}
