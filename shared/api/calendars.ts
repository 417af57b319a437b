import { z } from "zod";
import { Instant, RegionCalendarId } from "../domain/appeal";

/** The working-time calendars SLA clocks run on (see shared/sla). */
export const CalendarInfo = z.object({
  id: RegionCalendarId,
  name: z.string(),
  timeZone: z.string(),
  /** Years the calendar has official holiday data for; outside them only weekends count. */
  coveredYears: z.array(z.number().int()),
});
export const CalendarList = z.object({ calendars: z.array(CalendarInfo) });
export type CalendarList = z.infer<typeof CalendarList>;

/**
 * Any id parses; one that names no calendar is a resource that does not exist (404), not a
 * malformed request. The ids there are: {@link RegionCalendarId}.
 */
export const CalendarParams = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .describe(`one of ${RegionCalendarId.options.join(", ")}`),
});

export const CalendarAddQuery = z.object({
  from: Instant,
  /** Working minutes to add (up to about ten years of working time). */
  minutes: z.coerce.number().int().min(0).max(1_500_000),
});
export const CalendarAddResponse = z.object({ due: Instant });
export type CalendarAddResponse = z.infer<typeof CalendarAddResponse>;

export const CalendarBetweenQuery = z.object({ from: Instant, to: Instant });
/** Negative when `to` is before `from`: `between(a, b) === -between(b, a)`. */
export const CalendarBetweenResponse = z.object({ minutes: z.number() });
export type CalendarBetweenResponse = z.infer<typeof CalendarBetweenResponse>;
