/**
 * Time-zone arithmetic with nothing but `Intl`.
 *
 * A zone is reduced, once, to a sorted table of UTC offset changes over a span of years, found by
 * sampling `Intl.DateTimeFormat` weekly and bisecting each change to the minute. After that, local
 * wall time ↔ UTC is a table lookup: no `Intl` call on the hot path.
 *
 * Units: "epoch minutes" are whole minutes since 1970-01-01T00:00Z. "Local minutes" are the same
 * count read on the zone's wall clock (local midnight of day d is `d * 1440` local minutes).
 */

const MINUTES_PER_DAY = 1440;
const MS_PER_MINUTE = 60_000;

/** Throws a RangeError naming the zone when the runtime does not know it. */
export function assertTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone }).format(0);
  } catch {
    throw new RangeError(`unknown time zone "${timeZone}"`);
  }
}

function offsetReader(timeZone: string): (epochMinute: number) => number {
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
  });
  return (epochMinute) => {
    const fields: Record<string, number> = {};
    for (const part of format.formatToParts(epochMinute * MS_PER_MINUTE)) {
      if (part.type !== "literal") fields[part.type] = Number(part.value);
    }
    const local = Date.UTC(
      fields.year ?? 1970,
      (fields.month ?? 1) - 1,
      fields.day ?? 1,
      fields.hour ?? 0,
      fields.minute ?? 0,
    );
    return local / MS_PER_MINUTE - epochMinute;
  };
}

/** A zone's offsets over a span: `offsets[k]` applies from `changes[k]` (epoch minutes) on. */
export interface ZoneTable {
  readonly timeZone: string;
  readonly changes: readonly number[];
  readonly offsets: readonly number[];
}

/**
 * Samples the zone every 7 days from `fromDay` to `toDay` (epoch days) and bisects every change.
 * Two changes within one week that cancel out would be missed; no zone has had that since 1970.
 */
export function buildZoneTable(timeZone: string, fromDay: number, toDay: number): ZoneTable {
  assertTimeZone(timeZone);
  const offsetAt = offsetReader(timeZone);
  const step = 7 * MINUTES_PER_DAY;
  let at = fromDay * MINUTES_PER_DAY - MINUTES_PER_DAY;
  const end = toDay * MINUTES_PER_DAY + 2 * MINUTES_PER_DAY;
  let current = offsetAt(at);
  const changes = [Number.NEGATIVE_INFINITY];
  const offsets = [current];
  while (at < end) {
    const next = Math.min(at + step, end);
    const nextOffset = offsetAt(next);
    if (nextOffset !== current) {
      // Bisect: offsetAt(lo) === current, offsetAt(hi) !== current.
      let lo = at;
      let hi = next;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (offsetAt(mid) === current) lo = mid;
        else hi = mid;
      }
      changes.push(hi);
      offsets.push(offsetAt(hi));
      current = offsetAt(hi);
      at = hi;
      continue;
    }
    at = next;
  }
  return { timeZone, changes, offsets };
}

/** The zone's UTC offset in minutes at an instant (epoch minutes). */
export function offsetAt(table: ZoneTable, epochMinute: number): number {
  const { changes, offsets } = table;
  let lo = 0;
  let hi = changes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((changes[mid] ?? 0) <= epochMinute) lo = mid;
    else hi = mid - 1;
  }
  return offsets[lo] ?? 0;
}

/**
 * The instant (epoch minutes) of a local wall-clock minute. Disambiguation follows Temporal's
 * "compatible" rule: a wall time skipped by a spring-forward gap maps to the instant as far after
 * the gap as the wall time was into it (Berlin 02:30 on the change day → 03:30 CEST); a wall time
 * repeated by a fall-back overlap maps to its first occurrence.
 */
export function localToEpochMinute(table: ZoneTable, localMinute: number): number {
  const before = offsetAt(table, localMinute - MINUTES_PER_DAY);
  const after = offsetAt(table, localMinute + MINUTES_PER_DAY);
  const validBefore = offsetAt(table, localMinute - before) === before;
  const validAfter = offsetAt(table, localMinute - after) === after;
  if (validBefore && validAfter) return localMinute - Math.max(before, after);
  if (validBefore) return localMinute - before;
  if (validAfter) return localMinute - after;
  return localMinute - before;
}

// Civil-date arithmetic on the proleptic Gregorian calendar (H. Hinnant's algorithms), so that
// calendar days never depend on the host's own time zone.

/** Epoch day (days since 1970-01-01) of a civil date. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Civil date of an epoch day. */
export function civilFromDays(epochDay: number): { year: number; month: number; day: number } {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(epochDay: number): number {
  return (((epochDay + 4) % 7) + 7) % 7;
}

/** Parses "YYYY-MM-DD" strictly; returns the epoch day or undefined for a non-date. */
export function parseIsoDate(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return undefined;
  const epochDay = daysFromCivil(year, month, day);
  const back = civilFromDays(epochDay);
  return back.month === month && back.day === day ? epochDay : undefined;
}

export function formatIsoDate(epochDay: number): string {
  const { year, month, day } = civilFromDays(epochDay);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export { MINUTES_PER_DAY, MS_PER_MINUTE };
