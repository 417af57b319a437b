import { DEFAULT_AGENT_CAPACITY } from "@shared/api/routing";
import { CaseKind, Language, RegionCalendarId } from "@shared/domain/appeal";
import type { Database } from "../db/database";
import type { ServerHandlers } from "../http/handlers";
import { HttpProblem } from "../http/problem";
import { countWaiting, readAgents } from "./agents";
import { routeWaiting } from "./router";

/**
 * Routing endpoints: the desk's presence heartbeat (and an agent stepping away), the supervisors'
 * view of the team, and their changes to one agent. Whatever may have made someone available
 * (a heartbeat, a resume, more capacity, a new skill) routes the waiting cases before answering.
 */
export function routingHandlers(db: Database) {
  async function agentOrNotFound(id: string, now: Date) {
    const [agent] = await readAgents(db, now, id);
    if (!agent) throw new HttpProblem(404, "Not found", `No user ${id}.`);
    return agent;
  }

  return {
    routingHeartbeat: async ({ body: { state } }, { user }) => {
      const now = new Date();
      await db.query(
        `insert into agent_presence (user_id, state, last_seen_at) values ($1, $2, $3)
         on conflict (user_id) do update set state = excluded.state, last_seen_at = excluded.last_seen_at`,
        [user.id, state, now],
      );
      if (state === "online") await routeWaiting(db, now);
      return agentOrNotFound(user.id, new Date());
    },

    routingAgents: async () => {
      const now = new Date();
      return { agents: await readAgents(db, now), waiting: await countWaiting(db) };
    },

    routingUpdateAgent: async ({ params: { id }, body }, { user }) => {
      const now = new Date();
      await agentOrNotFound(id, now);
      await db.query(
        `insert into agent_routing (user_id, languages, regions, kinds, capacity, paused, updated_at, updated_by)
         values ($1, coalesce($2::text[], $7::text[]), coalesce($3::text[], $8::text[]),
                 coalesce($4::text[], $9::text[]), coalesce($5::int, $10::int), coalesce($6::boolean, false), $11, $12)
         on conflict (user_id) do update set
           languages = coalesce($2::text[], agent_routing.languages),
           regions = coalesce($3::text[], agent_routing.regions),
           kinds = coalesce($4::text[], agent_routing.kinds),
           capacity = coalesce($5::int, agent_routing.capacity),
           paused = coalesce($6::boolean, agent_routing.paused),
           updated_at = $11, updated_by = $12`,
        [
          id,
          body.languages ?? null,
          body.regions ?? null,
          body.kinds ?? null,
          body.capacity ?? null,
          body.paused ?? null,
          Language.options,
          RegionCalendarId.options,
          CaseKind.options,
          DEFAULT_AGENT_CAPACITY,
          now,
          user.id,
        ],
      );
      await routeWaiting(db, now);
      return agentOrNotFound(id, new Date());
    },
  } satisfies Pick<ServerHandlers, "routingHeartbeat" | "routingAgents" | "routingUpdateAgent">;
}
