import type { CalendarSpecInput } from "../calendar-schema";

/** Plain Mon–Fri 09:00–18:00 in UTC, no holidays: the neutral calendar. */
export const UTC_CALENDAR = {
  id: "UTC",
  name: "UTC Mon–Fri",
  timeZone: "UTC",
} satisfies CalendarSpecInput;
