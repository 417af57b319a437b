/**
 * The built-in calendars, compiled on first use and then shared: compiling lays out ~26 years of
 * intervals (a few milliseconds), which no caller should pay twice.
 */
import { type CompiledCalendar, compileCalendar } from "./calendar";
import type { CalendarSpecInput } from "./calendar-schema";
import { CN_CALENDAR } from "./data/cn";
import { UTC_CALENDAR } from "./data/utc";
import { VN_CALENDAR } from "./data/vn";

export const BUILTIN_CALENDAR_IDS = ["CN", "VN", "UTC"] as const;
export type BuiltinCalendarId = (typeof BUILTIN_CALENDAR_IDS)[number];

const SPECS: Record<BuiltinCalendarId, CalendarSpecInput> = {
  CN: CN_CALENDAR,
  VN: VN_CALENDAR,
  UTC: UTC_CALENDAR,
};

const compiled = new Map<BuiltinCalendarId, CompiledCalendar>();

export function builtinCalendarSpec(id: BuiltinCalendarId): CalendarSpecInput {
  return SPECS[id];
}

export function builtinCalendar(id: BuiltinCalendarId): CompiledCalendar {
  let calendar = compiled.get(id);
  if (!calendar) {
    calendar = compileCalendar(SPECS[id]);
    compiled.set(id, calendar);
  }
  return calendar;
}
