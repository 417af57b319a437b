import { CaseIdParams } from "@shared/api/cases";
import { API_BASE } from "@shared/api/paths";
import { type CasePresence, PresenceRequest } from "@shared/api/presence";
import type { FastifyInstance } from "fastify";
import type { Database } from "../db/database";
import type { EventHub } from "../events/hub";
import { requireUser } from "../http/auth";
import { HttpProblem } from "../http/problem";
import { parseRequest } from "../http/validate";

/**
 * `POST /cases/:id/presence`: a desk says it has the case open (heartbeat) or has left it.
 *
 * Deliberately outside the mutation protocol (no If-Match, no Idempotency-Key, no version bump, no
 * audit entry): it changes nothing about the case, a repeated heartbeat is harmless by nature,
 * and an audit chain of every glance would bury the acts it exists to prove.
 */
export function registerPresenceRoutes(app: FastifyInstance, db: Database, hub: EventHub): void {
  app.post(`${API_BASE}/cases/:id/presence`, async (request): Promise<CasePresence> => {
    const user = await requireUser(db, request, ["agent", "supervisor"]);
    const { id } = parseRequest("params", CaseIdParams, request.params);
    const { state } = parseRequest("body", PresenceRequest, request.body);
    const [found] = await db.query<{ id: string }>("select id from cases where id = $1", [id]);
    if (!found) throw new HttpProblem(404, "Not found", `No case ${id}.`);
    await hub.announcePresence({
      caseId: id,
      userId: user.id,
      displayName: user.displayName,
      role: user.role,
      state,
    });
    return { caseId: id, viewers: hub.presence.viewers(id) };
  });
}
