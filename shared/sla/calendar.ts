/**
 * Compiling a calendar spec into the structure every working-time query runs on.
 *
 * For a span of years the compiler lays out every working window as a UTC interval in epoch
 * minutes, merges touching ones, and keeps prefix sums of their lengths. A query is then two binary
 * searches, never a walk over days. Days the data does not cover (years outside `years`, or past the
 * last data file) follow the weekly rule: that is the fallback, and `coverageOf` tells which years
 * are official, provisional, or rule-only.
 */
import {
  type CalendarSpec,
  type CalendarSpecInput,
  CalendarSpecSchema,
  WEEKDAY_KEYS,
  type WorkingWindow,
  wallTimeToMinutes,
} from "./calendar-schema";
import {
  buildZoneTable,
  daysFromCivil,
  localToEpochMinute,
  MINUTES_PER_DAY,
  parseIsoDate,
  weekdayOf,
} from "./zone";

/** A calendar ready for queries. Treat as immutable. */
export interface CompiledCalendar {
  readonly id: string;
  readonly name: string;
  readonly timeZone: string;
  /** Working minutes in one SLA "working day". */
  readonly standardDayMinutes: number;
  /** Start of each working interval, epoch minutes, ascending. */
  readonly starts: Float64Array;
  /** End (exclusive) of each working interval, epoch minutes; ends[i] < starts[i+1]. */
  readonly ends: Float64Array;
  /** cum[i] = working minutes in intervals before i; cum[n] = total. Length n + 1. */
  readonly cum: Float64Array;
  readonly fromYear: number;
  readonly toYear: number;
  /** Earliest instant (epoch ms) a query may use: a day before the span, to absorb any offset. */
  readonly spanStartMs: number;
  readonly years: CalendarSpec["years"];
}

export interface CompileOptions {
  /** First year laid out (local calendar). Default 2020. */
  fromYear?: number;
  /** Last year laid out, inclusive. Default 2045. */
  toYear?: number;
}

type DayMinutes = readonly (readonly [number, number])[];

function toMinutes(windows: readonly WorkingWindow[] | undefined): DayMinutes {
  return (windows ?? []).map((w) => [wallTimeToMinutes(w.from), wallTimeToMinutes(w.to)] as const);
}

/** Validates (zod) and compiles. Throws a ZodError naming the bad field on invalid input. */
export function compileCalendar(
  input: CalendarSpecInput,
  options: CompileOptions = {},
): CompiledCalendar {
  const spec = CalendarSpecSchema.parse(input);
  const fromYear = options.fromYear ?? 2020;
  const toYear = options.toYear ?? 2045;
  if (toYear < fromYear) throw new RangeError(`toYear ${toYear} is before fromYear ${fromYear}`);
  const firstDay = daysFromCivil(fromYear, 1, 1);
  const lastDay = daysFromCivil(toYear, 12, 31);
  const zone = buildZoneTable(spec.timeZone, firstDay, lastDay);

  const weekly = WEEKDAY_KEYS.map((key) => toMinutes(spec.weeklyHours[key]));
  const overrides = new Map<number, DayMinutes>();
  for (const holiday of spec.holidays) {
    const from = parseIsoDate(holiday.from) ?? 0;
    const to = holiday.to === undefined ? from : (parseIsoDate(holiday.to) ?? from);
    for (let day = from; day <= to; day++) overrides.set(day, toMinutes(holiday.hours));
  }
  const makeUpHours = toMinutes(spec.makeUpHours);
  for (const makeUp of spec.makeUpDays) {
    const day = parseIsoDate(makeUp.date) ?? 0;
    overrides.set(day, makeUp.hours ? toMinutes(makeUp.hours) : makeUpHours);
  }

  const starts: number[] = [];
  const ends: number[] = [];
  for (let day = firstDay; day <= lastDay; day++) {
    const windows = overrides.get(day) ?? weekly[weekdayOf(day)] ?? [];
    for (const [from, to] of windows) {
      const start = localToEpochMinute(zone, day * MINUTES_PER_DAY + from);
      const end = localToEpochMinute(zone, day * MINUTES_PER_DAY + to);
      // A window swallowed by a DST gap has no length: it contributes nothing.
      if (end <= start) continue;
      const last = ends.length - 1;
      // Back-to-back windows (e.g. 24-hour days) merge, so "closing time" is a real closing.
      if (last >= 0 && start <= (ends[last] ?? 0)) {
        ends[last] = Math.max(ends[last] ?? 0, end);
      } else {
        starts.push(start);
        ends.push(end);
      }
    }
  }
  const cum = new Float64Array(starts.length + 1);
  for (let i = 0; i < starts.length; i++) {
    cum[i + 1] = (cum[i] ?? 0) + ((ends[i] ?? 0) - (starts[i] ?? 0));
  }
  return {
    id: spec.id,
    name: spec.name,
    timeZone: spec.timeZone,
    standardDayMinutes: spec.standardDayMinutes,
    starts: Float64Array.from(starts),
    ends: Float64Array.from(ends),
    cum,
    fromYear,
    toYear,
    spanStartMs: (firstDay - 1) * MINUTES_PER_DAY * 60_000,
    years: spec.years,
  };
}

/** How well the calendar's data covers a year: official notice, provisional statutory days, or none. */
export function coverageOf(
  calendar: CompiledCalendar,
  year: number,
): "official" | "provisional" | "weekly-rule-only" {
  return calendar.years.find((y) => y.year === year)?.status ?? "weekly-rule-only";
}
