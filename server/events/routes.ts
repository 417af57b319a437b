import { DEFAULT_EVENT_TYPES, EventsQuery, type LiveEventType } from "@shared/api/events";
import { HEADERS } from "@shared/api/headers";
import { API_BASE } from "@shared/api/paths";
import type { FastifyInstance } from "fastify";
import { decodeFeedCursor, readChangeRows } from "../cases/changes";
import type { Database } from "../db/database";
import { requireUser } from "../http/auth";
import { parseRequest } from "../http/validate";
import { type EventHub, eventsOf, type HubEvent } from "./hub";

const KEEP_ALIVE_MS = 15_000;

function frame({ id, event }: HubEvent): string {
  return `${id ? `id: ${id}\n` : ""}event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

export function registerEventRoutes(app: FastifyInstance, db: Database, hub: EventHub): void {
  app.get(`${API_BASE}/events`, async (request, reply) => {
    const query = parseRequest("query", EventsQuery, request.query);
    // EventSource cannot send headers: the token may come as `?access_token=` instead.
    if (!request.headers.authorization && query.access_token !== undefined) {
      request.headers.authorization = `Bearer ${query.access_token}`;
    }
    await requireUser(db, request);
    const wanted = new Set<LiveEventType>(query.types ?? DEFAULT_EVENT_TYPES);
    const lastEventId = request.headers[HEADERS.lastEventId.toLowerCase()];
    const resumeFrom =
      typeof lastEventId === "string" && lastEventId.length > 0
        ? decodeFeedCursor(lastEventId, "headers/last-event-id")
        : null;

    // What the hooks set before the hijack (CORS among them) would be lost otherwise.
    const hooked = Object.entries(reply.getHeaders()).filter(
      (entry): entry is [string, string | number | string[]] => entry[1] !== undefined,
    );
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      ...Object.fromEntries(hooked),
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
      "x-request-id": request.id,
    });
    raw.write(": connected\nretry: 2000\n\n");

    // Subscribe before replaying, holding live events back, so none falls between the two; then
    // skip whatever the replay already sent (by sequence; hints share their change's sequence).
    let delivered = resumeFrom ?? 0;
    let backlog: HubEvent[] | null = [];
    const send = (event: HubEvent) => {
      if (!wanted.has(event.event.type)) return;
      if (event.seq !== null && event.seq <= delivered) return;
      if (event.seq !== null && event.id !== null) delivered = event.seq;
      raw.write(frame(event));
    };
    const unsubscribe = hub.subscribe((event) => {
      if (backlog) backlog.push(event);
      else send(event);
    });
    const keepAlive = setInterval(() => raw.write(": keep-alive\n\n"), KEEP_ALIVE_MS);
    request.raw.on("close", () => {
      clearInterval(keepAlive);
      unsubscribe();
    });

    if (resumeFrom !== null) {
      for (;;) {
        const rows = await readChangeRows(db, delivered, 500);
        for (const row of rows) for (const event of eventsOf(row)) send(event);
        if (rows.length < 500) break;
      }
    }
    // Presence has no history to replay: a stream that wants it is told who is where now.
    if (wanted.has("presence"))
      for (const caseId of hub.presence.openCases()) send(hub.presenceEvent(caseId));
    const held = backlog;
    backlog = null;
    for (const event of held) send(event);
  });
}
