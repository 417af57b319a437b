import { PlatformEventType } from "@shared/api/platform-events";
import { formatCaseReference } from "@shared/domain/appeal";
import { isoText } from "../cases/repository";
import type { Database } from "../db/database";
import type { ServerHandlers } from "../http/handlers";
import { HttpProblem } from "../http/problem";
import { readOutbox } from "./outbox";
import { replayDeadLetter } from "./webhooks";

/** The pull feed for platforms that poll, and the dead-letter list supervisors work. */
export function outboxHandlers(db: Database) {
  return {
    platformEvents: async ({ query }) => {
      const events = await readOutbox(db, query.since, query.limit, query.caseId);
      return { events, next: events.at(-1)?.seq ?? query.since };
    },

    deadLetters: async () => {
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
    },

    replayDeadLetter: async ({ params: { eventId } }) => {
      if (!(await replayDeadLetter(db, eventId))) {
        throw new HttpProblem(404, "Not found", `No dead-lettered delivery ${eventId}.`);
      }
      return undefined;
    },
  } satisfies Pick<ServerHandlers, "platformEvents" | "deadLetters" | "replayDeadLetter">;
}
