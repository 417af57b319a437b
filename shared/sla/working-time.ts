/**
 * Working-time arithmetic on a compiled calendar.
 *
 * Semantics, pinned:
 * - Instants are epoch milliseconds (UTC). Durations of working time are in minutes.
 * - A working minute is a minute of wall time inside a working window of the calendar, read in the
 *   calendar's zone. Windows are half-open: Mon 09:00–18:00 contains 09:00 and 17:59:59.999, not
 *   18:00. Time outside working windows (nights, weekends, holidays) accrues nothing.
 * - A DST change is just a shorter or longer wall night: intervals are stored in UTC, so no working
 *   hour is lost or counted twice.
 * - `addWorkingTime(from, m)` with m > 0 is the EARLIEST instant at which m working minutes have
 *   accrued since `from`. When they run out exactly at closing time the answer is that closing time
 *   (18:00), not the next opening. With m = 0 it is `from` if `from` is inside working hours, else
 *   the next opening. With m < 0 it is the LATEST instant s with workingTimeBetween(s, from) = -m.
 * - `workingTimeBetween(from, to)` counts working minutes in [from, to); it is negative when
 *   to < from (= -workingTimeBetween(to, from)).
 * - Inverse: workingTimeBetween(from, addWorkingTime(from, m)) === m for m ≥ 0.
 * - Arithmetic is done in integer milliseconds, so whole-minute inputs give exact results.
 * - Instants outside the compiled span throw a RangeError (never a silently wrong deadline).
 */
import type { CompiledCalendar } from "./calendar";
import { MS_PER_MINUTE } from "./zone";

/** Epoch milliseconds, UTC. */
export type Instant = number;

function outOfSpan(calendar: CompiledCalendar, at: Instant): RangeError {
  const text = Number.isFinite(at) ? new Date(at).toISOString() : String(at);
  return new RangeError(
    `instant ${text} is outside the span ${calendar.fromYear}–${calendar.toYear} compiled for calendar ${calendar.id}`,
  );
}

/** Index of the first interval whose end is after `at` (n when none). */
function intervalAfter(calendar: CompiledCalendar, at: Instant): number {
  const ends = calendar.ends;
  const minute = at / MS_PER_MINUTE;
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((ends[mid] as number) > minute) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Working milliseconds accrued from the start of the span up to `at`. */
function positionOf(calendar: CompiledCalendar, at: Instant): number {
  const { starts, cum } = calendar;
  const n = starts.length;
  if (!(at >= calendar.spanStartMs)) throw outOfSpan(calendar, at);
  const i = intervalAfter(calendar, at);
  if (i === n) throw outOfSpan(calendar, at);
  const startMs = (starts[i] as number) * MS_PER_MINUTE;
  const base = (cum[i] as number) * MS_PER_MINUTE;
  return at > startMs ? base + (at - startMs) : base;
}

/** Whether `at` is inside working hours. */
export function isWorkingTime(calendar: CompiledCalendar, at: Instant): boolean {
  const i = intervalAfter(calendar, at);
  return i < calendar.starts.length && at >= (calendar.starts[i] as number) * MS_PER_MINUTE;
}

/** `at` itself when inside working hours, else the next opening. */
export function nextWorkingInstant(calendar: CompiledCalendar, at: Instant): Instant {
  return addWorkingTime(calendar, at, 0);
}

/** See the module comment for the exact semantics. O(log n). */
export function addWorkingTime(
  calendar: CompiledCalendar,
  from: Instant,
  minutes: number,
): Instant {
  const { starts, cum } = calendar;
  const n = starts.length;
  if (!Number.isFinite(minutes)) throw new RangeError(`minutes must be finite, got ${minutes}`);
  const i = intervalAfter(calendar, from);
  if (i === n || !(from >= calendar.spanStartMs)) {
    throw outOfSpan(calendar, from);
  }
  const startMs = (starts[i] as number) * MS_PER_MINUTE;
  const inside = from >= startMs;
  if (minutes === 0) return inside ? from : startMs;
  const target =
    (cum[i] as number) * MS_PER_MINUTE +
    (inside ? from - startMs : 0) +
    Math.round(minutes * MS_PER_MINUTE);
  if (minutes > 0) {
    // Smallest j with cum[j + 1] ≥ target: the interval in which the target is reached, taking
    // the closing time of an interval rather than the next opening when it lands on the boundary.
    let lo = i;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cum[mid + 1] as number) * MS_PER_MINUTE >= target) hi = mid;
      else lo = mid + 1;
    }
    if (lo === n) throw outOfSpan(calendar, from + minutes * MS_PER_MINUTE);
    return (starts[lo] as number) * MS_PER_MINUTE + (target - (cum[lo] as number) * MS_PER_MINUTE);
  }
  if (target < 0) throw outOfSpan(calendar, from + minutes * MS_PER_MINUTE);
  // Largest j with cum[j] ≤ target: on a boundary that is the later interval's opening.
  let lo = 0;
  let hi = i;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((cum[mid] as number) * MS_PER_MINUTE <= target) lo = mid;
    else hi = mid - 1;
  }
  return (starts[lo] as number) * MS_PER_MINUTE + (target - (cum[lo] as number) * MS_PER_MINUTE);
}

/** Working minutes in [from, to); negative when to < from. O(log n). */
export function workingTimeBetween(calendar: CompiledCalendar, from: Instant, to: Instant): number {
  if (from === to) return 0;
  return (positionOf(calendar, to) - positionOf(calendar, from)) / MS_PER_MINUTE;
}

/** N working days as working minutes (N × the calendar's standard day, 9 h by default). */
export function workingDays(calendar: CompiledCalendar, days: number): number {
  return days * calendar.standardDayMinutes;
}
