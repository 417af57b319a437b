import type { Database } from "../db/database";
import type { EventHub } from "../events/hub";
import type { ServerHandlers } from "../http/handlers";
import { HttpProblem } from "../http/problem";

/**
 * `POST /cases/:id/presence`: a desk says it has the case open (heartbeat) or has left it.
 *
 * Deliberately outside the mutation protocol (no If-Match, no Idempotency-Key, no version bump, no
 * audit entry): it changes nothing about the case, a repeated heartbeat is harmless by nature,
 * and an audit chain of every glance would bury the acts it exists to prove.
 */
export function presenceHandlers(db: Database, hub: EventHub) {
  return {
    announcePresence: async ({ params: { id }, body: { state } }, { user }) => {
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
    },
  } satisfies Pick<ServerHandlers, "announcePresence">;
}
