import type {
  AppealReason,
  CaseKind,
  CasePriority,
  RegionCalendarId,
  SlaClock,
  TimelineEventType,
} from "@shared/domain/appeal";
import {
  builtinCalendar,
  type CaseEvent,
  type CaseEventType,
  type ClockState,
  clockState,
  DEFAULT_SLA_POLICY,
  type CaseKind as SlaCaseKind,
} from "@shared/sla";

/**
 * The server's side of the SLA engine: maps a case's timeline onto the engine's events and keeps
 * the queue's `due_at` / `warn_at` columns, so "breach risk" filters are plain index scans.
 */

/** Which of our timeline events start, stop or pause clocks, in the engine's words. */
const EVENT_OF: Partial<Record<TimelineEventType, CaseEventType>> = {
  appeal_filed: "appeal_filed",
  respondent_answered: "respondent_answered",
  escalated: "escalated",
  // Any contact from CS to a party is the first response.
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
  reopened: "reopened",
  // The deadline settles the request as an answer would: the paused clock runs again.
  evidence_deadline_passed: "evidence_received",
};

/** Simple payment cases (charged, order not completed) have the short 1–2 working-day target. */
const SIMPLE_PAYMENT: ReadonlySet<AppealReason> = new Set([
  "failed_payment",
  "duplicate_charge",
  "wrong_amount_charged",
]);

export function slaCaseKind(kind: CaseKind, reason: AppealReason): SlaCaseKind {
  if (kind === "p2p_trade") return "p2p_trade";
  if (reason === "account_takeover") return "account_security";
  return SIMPLE_PAYMENT.has(reason) ? "payment_simple" : "payment_complex";
}

export interface SlaInput {
  kind: CaseKind;
  reason: AppealReason;
  priority: CasePriority;
  region: RegionCalendarId;
  timeline: readonly { type: TimelineEventType; at: string }[];
}

export interface SlaResult {
  clocks: SlaClock[];
  /** Earliest deadline among running (or already breached, still open) clocks. */
  dueAt: Date | null;
  /** When the earliest of those starts or started warning. */
  warnAt: Date | null;
  /** The clock whose deadline `dueAt` is, named in live SLA warnings. */
  dueClockId: string | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function toWire(state: ClockState): SlaClock {
  return {
    clockId: state.clockId,
    label: state.label,
    status: state.status,
    measure: state.measure,
    targetMinutes: state.targetMinutes,
    startedAt: iso(state.startedAt),
    stoppedAt: iso(state.stoppedAt),
    dueAt: iso(state.dueAt),
    elapsedMinutes: Math.round(state.elapsedMinutes * 100) / 100,
    remainingMinutes: Math.round(state.remainingMinutes * 100) / 100,
    isWarning: state.isWarning,
  };
}

/** Evaluates every clock of the default policy for the case at `now`. */
export function computeSla(input: SlaInput, now: Date): SlaResult {
  const events: CaseEvent[] = [];
  for (const entry of input.timeline) {
    const type = EVENT_OF[entry.type];
    if (type) events.push({ type, at: entry.at });
  }
  let states: ClockState[];
  try {
    states = clockState(DEFAULT_SLA_POLICY, events, now.getTime(), {
      calendar: builtinCalendar(input.region),
      caseKind: slaCaseKind(input.kind, input.reason),
      priority: input.priority,
    });
  } catch (error) {
    // Instants outside the calendars' span (years before 2020) have no working time to count:
    // the case shows no clocks rather than failing to load.
    if (error instanceof RangeError)
      return { clocks: [], dueAt: null, warnAt: null, dueClockId: null };
    throw error;
  }
  let dueAt: number | null = null;
  let warnAt: number | null = null;
  let dueClockId: string | null = null;
  for (const state of states) {
    const open = state.status === "running" || state.status === "breached";
    if (!open || state.dueAt === null) continue;
    if (dueAt === null || state.dueAt < dueAt) {
      dueAt = state.dueAt;
      dueClockId = state.clockId;
      // A clock not yet warning changes state next at its warning point.
      warnAt = state.isWarning ? now.getTime() : (state.nextChangeAt ?? state.dueAt);
    }
  }
  return {
    clocks: states.map(toWire),
    dueAt: dueAt === null ? null : new Date(dueAt),
    warnAt: warnAt === null ? null : new Date(warnAt),
    dueClockId,
  };
}
