/**
 * The clocks of one case at one instant.
 *
 * Semantics, pinned:
 * - A clock starts at the first `startOn` event, stops for good at the first `stopOn` event after
 *   that; events dated after `now` are ignored (the clock is a pure function of what has happened).
 * - Elapsed time counts only while running: for working-time targets it is working time on the
 *   case's calendar, for wall targets plain elapsed time.
 * - The due instant is when elapsed reaches the target (for working time, the earliest such
 *   instant: a target that runs out at closing time is due at 18:00). A stop at or before the due
 *   instant is `met`; the clock is `breached` from the first millisecond after it.
 * - While paused the due instant is unknown (`dueAt: null`): it depends on when the party answers.
 * - A `reopened` event starts a new epoch: every clock is evaluated on the events from the latest
 *   reopen on, so a reopened or remanded case runs fresh clocks instead of stale, stopped ones.
 * - `nextChangeAt` is the instant at which, absent new events, the state or the warning flag next
 *   changes, so a UI re-renders exactly then; null when only a new event can change it.
 */
import type { CompiledCalendar } from "./calendar";
import {
  type CaseEvent,
  type CaseKind,
  type ClockDefinition,
  type Priority,
  type SlaPolicy,
  type Target,
  targetFor,
} from "./policy";
import { addWorkingTime, type Instant, workingTimeBetween } from "./working-time";

export type ClockStatus = "pending" | "running" | "paused" | "met" | "breached";

export interface ClockState {
  clockId: string;
  label: string;
  /** `pending`: the start event has not happened yet. */
  status: ClockStatus;
  target: Target;
  /** The target in minutes of `measure` time. */
  targetMinutes: number;
  measure: "working" | "wall";
  startedAt: Instant | null;
  stoppedAt: Instant | null;
  /** Deadline; null while pending or paused. */
  dueAt: Instant | null;
  elapsedMinutes: number;
  /** target − elapsed: negative once overdue. */
  remainingMinutes: number;
  /** elapsed / target × 100; may exceed 100. */
  percentage: number;
  /** Running or paused with elapsed ≥ warnAt × target. */
  isWarning: boolean;
  nextChangeAt: Instant | null;
}

export interface ClockContext {
  calendar: CompiledCalendar;
  caseKind: CaseKind;
  priority: Priority;
}

interface TimedEvent {
  type: CaseEvent["type"];
  at: Instant;
}

function sortedEvents(events: readonly CaseEvent[], now: Instant): TimedEvent[] {
  const sorted = events
    .map((event, index) => ({ type: event.type, at: Date.parse(event.at), index }))
    .filter((event) => event.at <= now)
    .sort((a, b) => a.at - b.at || a.index - b.index);
  let epoch = 0;
  sorted.forEach((event, index) => {
    if (event.type === "reopened") epoch = index;
  });
  return sorted.slice(epoch);
}

function evaluate(
  clock: ClockDefinition,
  events: readonly TimedEvent[],
  now: Instant,
  context: ClockContext,
): ClockState {
  const { calendar } = context;
  const target = targetFor(clock, context.caseKind, context.priority);
  const measure = target.unit === "wall_minutes" ? "wall" : "working";
  const targetMinutes =
    target.unit === "working_days" ? target.amount * calendar.standardDayMinutes : target.amount;
  const warnMinutes = targetMinutes * clock.warnAt;
  const between = (a: Instant, b: Instant) =>
    measure === "working" ? workingTimeBetween(calendar, a, b) : (b - a) / 60_000;
  const add = (a: Instant, minutes: number) =>
    measure === "working" ? addWorkingTime(calendar, a, minutes) : a + Math.round(minutes * 60_000);

  let startedAt: Instant | null = null;
  let stoppedAt: Instant | null = null;
  let outstanding = 0;
  let segmentStart: Instant | null = null;
  const segments: [Instant, Instant][] = [];
  for (const event of events) {
    if (startedAt === null) {
      if (clock.startOn.includes(event.type)) {
        startedAt = event.at;
        segmentStart = event.at;
      }
      continue;
    }
    if (clock.stopOn.includes(event.type)) {
      stoppedAt = event.at;
      break;
    }
    if (clock.pauseOn.includes(event.type)) {
      if (outstanding === 0 && segmentStart !== null) {
        segments.push([segmentStart, event.at]);
        segmentStart = null;
      }
      outstanding++;
    } else if (clock.resumeOn.includes(event.type) && outstanding > 0) {
      outstanding--;
      if (outstanding === 0) segmentStart = event.at;
    }
  }
  if (segmentStart !== null) segments.push([segmentStart, stoppedAt ?? now]);

  const base = { clockId: clock.id, label: clock.label, target, targetMinutes, measure } as const;
  if (startedAt === null) {
    return {
      ...base,
      status: "pending",
      startedAt: null,
      stoppedAt: null,
      dueAt: null,
      elapsedMinutes: 0,
      remainingMinutes: targetMinutes,
      percentage: 0,
      isWarning: false,
      nextChangeAt: null,
    };
  }

  // Walk the running segments; note the instant the target was reached, if it was.
  let elapsed = 0;
  let reachedAt: Instant | null = null;
  for (const [from, to] of segments) {
    const minutes = between(from, to);
    if (reachedAt === null && elapsed + minutes >= targetMinutes) {
      reachedAt = add(from, targetMinutes - elapsed);
    }
    elapsed += minutes;
  }
  const isRunning = stoppedAt === null && outstanding === 0;
  const isPaused = stoppedAt === null && outstanding > 0;
  let dueAt: Instant | null = reachedAt;
  if (dueAt === null && isRunning) dueAt = add(now, targetMinutes - elapsed);

  let status: ClockStatus;
  if (stoppedAt !== null) status = reachedAt !== null && stoppedAt > reachedAt ? "breached" : "met";
  else if (reachedAt !== null && now > reachedAt) status = "breached";
  else status = isPaused ? "paused" : "running";

  const isWarning = (status === "running" || status === "paused") && elapsed >= warnMinutes;
  let nextChangeAt: Instant | null = null;
  if (status === "running" && dueAt !== null) {
    nextChangeAt = isWarning ? dueAt + 1 : add(now, warnMinutes - elapsed);
  }
  return {
    ...base,
    status,
    startedAt,
    stoppedAt,
    dueAt: isPaused && reachedAt === null ? null : dueAt,
    elapsedMinutes: elapsed,
    remainingMinutes: targetMinutes - elapsed,
    percentage: (elapsed / targetMinutes) * 100,
    isWarning,
    nextChangeAt,
  };
}

/** The state of every clock of `policy` for a case, at `now` (epoch ms). */
export function clockState(
  policy: SlaPolicy,
  caseEvents: readonly CaseEvent[],
  now: Instant,
  context: ClockContext,
): ClockState[] {
  const events = sortedEvents(caseEvents, now);
  return policy.clocks.map((clock) => evaluate(clock, events, now, context));
}

/** The earliest `nextChangeAt` over clocks: when the UI next needs to re-render. */
export function nextChangeOf(states: readonly ClockState[]): Instant | null {
  let next: Instant | null = null;
  for (const state of states) {
    if (state.nextChangeAt !== null && (next === null || state.nextChangeAt < next))
      next = state.nextChangeAt;
  }
  return next;
}
