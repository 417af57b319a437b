import { API_BASE } from "@shared/api/paths";
import {
  type DeadLetterList,
  DeadLetterParams,
  type PlatformEventsPage,
  PlatformEventsQuery,
  PlatformEventType,
} from "@shared/api/platform-events";
import { formatCaseReference } from "@shared/domain/appeal";
import type { FastifyInstance } from "fastify";
import { isoText } from "../cases/repository";
import type { Database } from "../db/database";
import { requireUser } from "../http/auth";
import { HttpProblem } from "../http/problem";
import { parseRequest } from "../http/validate";
import { requireService } from "../integration/service-auth";
import { readOutbox } from "./outbox";
import { replayDeadLetter } from "./webhooks";

/** The pull feed for platforms that poll, and the dead-letter list supervisors work. */
export function registerOutboxRoutes(
  app: FastifyInstance,
  db: Database,
  serviceToken: string | undefined,
): void {
  app.get(`${API_BASE}/integration/events`, async (request): Promise<PlatformEventsPage> => {
    requireService(request, serviceToken);
    const query = parseRequest("query", PlatformEventsQuery, request.query);
    const events = await readOutbox(db, query.since, query.limit, query.caseId);
    return { events, next: events.at(-1)?.seq ?? query.since };
  });

  app.get(`${API_BASE}/webhooks/dead-letters`, async (request): Promise<DeadLetterList> => {
    await requireUser(db, request, ["supervisor"]);
    const rows = await db.query<{
      event_id: string;
      seq: string | number;
      case_id: string;
      reference_no: string | number;
      type: string;
      attempts: number;
      last_error: string | null;
      dead_at: string;
    }>(
      `select d.event_id, d.seq, d.case_id, o.reference_no, o.type, d.attempts, d.last_error,
          ${isoText("d.dead_at")} as dead_at
         from webhook_deliveries d join outbox_events o on o.id = d.event_id
        where d.state = 'dead' order by d.seq limit 500`,
    );
    return {
      items: rows.map((row) => ({
        eventId: row.event_id,
        seq: Number(row.seq),
        caseId: row.case_id,
        reference: formatCaseReference(Number(row.reference_no)),
        type: PlatformEventType.parse(row.type),
        attempts: row.attempts,
        lastError: row.last_error,
        deadAt: row.dead_at,
      })),
    };
  });

  app.post(`${API_BASE}/webhooks/dead-letters/:eventId/replay`, async (request, reply) => {
    await requireUser(db, request, ["supervisor"]);
    const { eventId } = parseRequest("params", DeadLetterParams, request.params);
    if (!(await replayDeadLetter(db, eventId))) {
      throw new HttpProblem(404, "Not found", `No dead-lettered delivery ${eventId}.`);
    }
    return reply.code(204).send();
  });
}
