import { DEFAULT_EVENT_TYPES, type LiveEventType } from "@shared/api/events";
import { HEADERS } from "@shared/api/headers";
import type { FastifyInstance } from "fastify";
import { SESSIONS_CHANNEL } from "../auth/session-cache";
import { hashToken, sessionByHash } from "../auth/sessions";
import { decodeFeedCursor, readChangeRows } from "../cases/changes";
import type { Database } from "../db/database";
import { bearerToken, requireUser } from "../http/auth";
import type { ServerHandlers } from "../http/handlers";
import { HttpProblem } from "../http/problem";
import { type EventHub, eventsOf, type HubEvent } from "./hub";
import { issueTicket, redeemTicket } from "./tickets";

const KEEP_ALIVE_MS = 15_000;

function frame({ id, event }: HubEvent): string {
  return `${id ? `id: ${id}\n` : ""}event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

/**
 * Open streams by the session they were opened with, so a sign-out (NOTIFYed by whichever
 * process handled it) or the session's expiry ends them at once.
 */
class SessionStreams {
  private readonly bySession = new Map<string, Set<() => void>>();

  add(tokenHash: string, close: () => void): () => void {
    const set = this.bySession.get(tokenHash) ?? new Set<() => void>();
    this.bySession.set(tokenHash, set);
    set.add(close);
    return () => {
      set.delete(close);
      if (set.size === 0) this.bySession.delete(tokenHash);
    };
  }

  endSession(tokenHash: string): void {
    for (const close of [...(this.bySession.get(tokenHash) ?? [])]) close();
  }

  endAll(): void {
    for (const hash of [...this.bySession.keys()]) this.endSession(hash);
  }
}

/** The longest a timer may wait (setTimeout's limit); a longer session is re-checked then. */
const MAX_TIMER_MS = 2_147_483_647;

export function eventHandlers(app: FastifyInstance, db: Database, hub: EventHub) {
  const streams = new SessionStreams();
  let unlisten: (() => Promise<void>) | null = null;
  app.addHook("onReady", async () => {
    unlisten = await db.listen(SESSIONS_CHANNEL, (tokenHash) => streams.endSession(tokenHash));
  });
  app.addHook("onClose", async () => {
    streams.endAll();
    await unlisten?.();
  });

  return {
    eventTicket: async (_input, { request }) => {
      const token = bearerToken(request);
      if (!token) throw new HttpProblem(401, "Unauthorized", "Sign in first.");
      const issued = await issueTicket(db, hashToken(token));
      return { ticket: issued.ticket, expiresAt: issued.expiresAt.toISOString() };
    },

    // Authenticated here, not by the registration: by the Authorization header or a ticket.
    events: async ({ query }, { request, reply }) => {
      const token = bearerToken(request);
      const tokenHash = token
        ? hashToken(token)
        : query.ticket !== undefined
          ? await redeemTicket(db, query.ticket)
          : null;
      if (!tokenHash && query.ticket !== undefined && !request.headers.authorization) {
        throw new HttpProblem(
          401,
          "Unauthorized",
          "The ticket is unknown, used or expired: ask POST /events/ticket for a new one.",
        );
      }
      if (!tokenHash) await requireUser(db, request); // answers the usual 401
      const session = tokenHash ? await sessionByHash(db, tokenHash) : null;
      if (!session)
        throw new HttpProblem(401, "Unauthorized", "The session has expired or was signed out.");
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
        "cache-control": "no-store, no-transform",
        "x-content-type-options": "nosniff",
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
      // The stream lives no longer than its session: signed out anywhere, or expired.
      const end = () => raw.end();
      const untrack = streams.add(session.tokenHash, end);
      const expiry = setTimeout(
        end,
        Math.min(MAX_TIMER_MS, Math.max(0, session.expiresAt.getTime() - Date.now())),
      );
      request.raw.on("close", () => {
        clearInterval(keepAlive);
        clearTimeout(expiry);
        untrack();
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
      return reply;
    },
  } satisfies Pick<ServerHandlers, "eventTicket" | "events">;
}
