/**
 * The SLA engine: working-time calendars (holidays, make-up working days, time zones) and the
 * clocks of an appeal. Pure TypeScript, used by the server (authoritative) and the desk (offline).
 */

export {
  BUILTIN_CALENDAR_IDS,
  type BuiltinCalendarId,
  builtinCalendar,
  builtinCalendarSpec,
} from "./builtin-calendars";
export {
  type CompiledCalendar,
  type CompileOptions,
  compileCalendar,
  coverageOf,
} from "./calendar";
export { CalendarLoadError, parseCalendarJson } from "./calendar-json";
export {
  type CalendarSpec,
  type CalendarSpecInput,
  CalendarSpecSchema,
  DEFAULT_WEEKLY_HOURS,
  HolidaySchema,
  MakeUpDaySchema,
  type WeeklyHours,
  WeeklyHoursSchema,
  type WorkingWindow,
  WorkingWindowSchema,
} from "./calendar-schema";
export {
  type ClockContext,
  type ClockState,
  type ClockStatus,
  clockState,
  nextChangeOf,
} from "./clock";
export {
  CASE_EVENT_TYPES,
  type CaseEvent,
  CaseEventSchema,
  type CaseEventType,
  type CaseKind,
  CaseKindSchema,
  type ClockDefinition,
  ClockDefinitionSchema,
  DEFAULT_SLA_POLICY,
  type Priority,
  PrioritySchema,
  type SlaPolicy,
  type SlaPolicyInput,
  SlaPolicySchema,
  type Target,
  TargetSchema,
  targetFor,
} from "./policy";
export {
  addWorkingTime,
  type Instant,
  isWorkingTime,
  nextWorkingInstant,
  workingDays,
  workingTimeBetween,
} from "./working-time";
