import type {
  CalendarAddResponse,
  CalendarBetweenResponse,
  CalendarList,
} from "@shared/api/calendars";
import { RegionCalendarId } from "@shared/domain/appeal";
import {
  addWorkingTime,
  BUILTIN_CALENDAR_IDS,
  builtinCalendar,
  workingTimeBetween,
} from "@shared/sla";
import type { ServerHandlers } from "../http/handlers";
import { HttpProblem } from "../http/problem";

/** The SLA engine's calendars over HTTP, for the desk and for the platform's own displays. */
export function calendarHandlers() {
  /** The calendar a route's `:id` names, or a 404 naming the ones there are. */
  const calendarOf = (id: string) => {
    const known = RegionCalendarId.safeParse(id);
    if (!known.success) {
      throw new HttpProblem(
        404,
        "Not found",
        `There is no calendar ${id}; the calendars are ${RegionCalendarId.options.join(", ")}.`,
      );
    }
    return builtinCalendar(known.data);
  };

  /** Instants outside the calendar's compiled span are the client's mistake: 400, not 500. */
  const outOfRange = (error: unknown): never => {
    if (error instanceof RangeError) {
      throw new HttpProblem(400, "Invalid request", error.message, [
        { field: "query/from", message: "outside the calendar's years" },
      ]);
    }
    throw error;
  };

  return {
    calendars: async () => {
      const calendars = BUILTIN_CALENDAR_IDS.map((id) => {
        const calendar = builtinCalendar(id);
        return {
          id,
          name: calendar.name,
          timeZone: calendar.timeZone,
          coveredYears: calendar.years.map((y) => y.year),
        };
      });
      return { calendars } satisfies CalendarList;
    },

    calendarAdd: async ({ params, query }) => {
      const calendar = calendarOf(params.id);
      try {
        const due = addWorkingTime(calendar, Date.parse(query.from), query.minutes);
        return { due: new Date(due).toISOString() } satisfies CalendarAddResponse;
      } catch (error) {
        return outOfRange(error);
      }
    },

    calendarBetween: async ({ params, query }) => {
      const calendar = calendarOf(params.id);
      const from = Date.parse(query.from);
      const to = Date.parse(query.to);
      try {
        // Signed, as pinned: backwards is the same span counted negative (an overdue clock).
        const minutes =
          to < from
            ? -workingTimeBetween(calendar, to, from)
            : workingTimeBetween(calendar, from, to);
        return { minutes: minutes === 0 ? 0 : minutes } satisfies CalendarBetweenResponse;
      } catch (error) {
        return outOfRange(error);
      }
    },
  } satisfies Pick<ServerHandlers, "calendars" | "calendarAdd" | "calendarBetween">;
}
