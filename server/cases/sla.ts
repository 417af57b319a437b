import type { SlaClock } from "@shared/domain/appeal";
import { type CaseClockInput, caseClocks } from "@shared/sla/case-clocks";
import type { ClockState } from "@shared/sla/index";

/**
 * The server's side of the SLA engine: evaluates a case's clocks (read from its timeline by
 * `shared/sla/case-clocks.ts`, as the desk reads them) and keeps the queue's `due_at` / `warn_at`
 * columns, so "breach risk" filters are plain index scans.
 */

export type SlaInput = CaseClockInput;

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
  let states: ClockState[];
  try {
    states = caseClocks(input, now.getTime());
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
