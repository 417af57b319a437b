import {
  CalendarAddQuery,
  type CalendarAddResponse,
  CalendarBetweenQuery,
  type CalendarBetweenResponse,
  type CalendarList,
  CalendarParams,
} from "@shared/api/calendars";
import { API_BASE } from "@shared/api/paths";
import {
  addWorkingTime,
  BUILTIN_CALENDAR_IDS,
  builtinCalendar,
  workingTimeBetween,
} from "@shared/sla";
import type { FastifyInstance } from "fastify";
import type { Database } from "../db/database";
import { requireUser } from "../http/auth";
import { HttpProblem } from "../http/problem";
import { parseRequest } from "../http/validate";

/** The SLA engine's calendars over HTTP, for the desk and for the platform's own displays. */
export function registerCalendarRoutes(app: FastifyInstance, db: Database): void {
  app.get(`${API_BASE}/calendars`, async (request) => {
    await requireUser(db, request);
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
  });

  /** Instants outside the calendar's compiled span are the client's mistake: 400, not 500. */
  const outOfRange = (error: unknown): never => {
    if (error instanceof RangeError) {
      throw new HttpProblem(400, "Invalid request", error.message, [
        { field: "query/from", message: "outside the calendar's years" },
      ]);
    }
    throw error;
  };

  app.get(`${API_BASE}/calendars/:id/add`, async (request) => {
    await requireUser(db, request);
    const { id } = parseRequest("params", CalendarParams, request.params);
    const query = parseRequest("query", CalendarAddQuery, request.query);
    try {
      const due = addWorkingTime(builtinCalendar(id), Date.parse(query.from), query.minutes);
      return { due: new Date(due).toISOString() } satisfies CalendarAddResponse;
    } catch (error) {
      return outOfRange(error);
    }
  });

  app.get(`${API_BASE}/calendars/:id/between`, async (request) => {
    await requireUser(db, request);
    const { id } = parseRequest("params", CalendarParams, request.params);
    const query = parseRequest("query", CalendarBetweenQuery, request.query);
    if (Date.parse(query.to) < Date.parse(query.from)) {
      throw new HttpProblem(400, "Invalid request", "`to` must not be before `from`.", [
        { field: "query/to", message: "before from" },
      ]);
    }
    try {
      const minutes = workingTimeBetween(
        builtinCalendar(id),
        Date.parse(query.from),
        Date.parse(query.to),
      );
      return { minutes } satisfies CalendarBetweenResponse;
    } catch (error) {
      return outOfRange(error);
    }
  });
}
