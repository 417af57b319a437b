import type { FastifyInstance } from "fastify";
import type { CheckpointStore } from "../audit/checkpoints";
import { auditHandlers } from "../audit/routes";
import { authHandlers } from "../auth/routes";
import { calendarHandlers } from "../calendars/routes";
import { caseContextHandlers } from "../cases/context-routes";
import { caseHandlers } from "../cases/routes";
import type { Database } from "../db/database";
import type { EventHub } from "../events/hub";
import { eventHandlers } from "../events/routes";
import { evidenceHandlers } from "../evidence/routes";
import { integrationHandlers } from "../integration/routes";
import { outboxHandlers } from "../outbox/routes";
import { oversightHandlers } from "../oversight/routes";
import { presenceHandlers } from "../presence/routes";
import { replyHandlers } from "../replies/routes";
import { reportHandlers } from "../reports/routes";
import { routingHandlers } from "../routing/routes";
import { searchHandlers } from "../search/routes";
import { userHandlers } from "../users/routes";
import type { ServerHandlers } from "./handlers";

export interface HandlerDeps {
  db: Database;
  hub: EventHub;
  checkpoints?: CheckpointStore | undefined;
  /** The document served at `/openapi.json` (built once from the map). */
  openApi: Record<string, unknown>;
}

/**
 * Every area's handlers, one per key of the contract map. The return type is the whole
 * `ServerHandlers`: an endpoint added to the map without a handler here does not compile.
 */
export function createApiHandlers(
  app: FastifyInstance,
  { db, hub, checkpoints, openApi }: HandlerDeps,
): ServerHandlers {
  return {
    openApi: async () => openApi,
    ...authHandlers(app, db),
    ...userHandlers(db),
    ...caseHandlers(app, db),
    ...caseContextHandlers(db),
    ...evidenceHandlers(db),
    ...auditHandlers(db, checkpoints),
    ...reportHandlers(db),
    ...oversightHandlers(db),
    ...presenceHandlers(db, hub),
    ...routingHandlers(db),
    ...searchHandlers(db),
    ...eventHandlers(app, db, hub),
    ...replyHandlers(db),
    ...calendarHandlers(),
    ...integrationHandlers(db),
    ...outboxHandlers(db),
  };
}
