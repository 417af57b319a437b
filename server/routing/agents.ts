import {
  AGENT_PRESENCE_TTL_MS,
  type AgentPresence,
  DEFAULT_AGENT_CAPACITY,
  type RoutingAgent,
} from "@shared/api/routing";
import { CaseKind, Language, RegionCalendarId } from "@shared/domain/appeal";
import type { Queryable } from "../db/database";

interface AgentRow {
  id: string;
  username: string;
  display_name: string;
  role: RoutingAgent["role"];
  languages: RoutingAgent["languages"];
  regions: RoutingAgent["regions"];
  kinds: RoutingAgent["kinds"];
  capacity: number;
  paused: boolean;
  load: number;
  presence: AgentPresence;
}

/**
 * Every member of staff with their routing facts as of `now`: skills and capacity (a user with no
 * settings row has every skill and the default capacity), open cases assigned to them, and
 * presence. Online or away needs a heartbeat within the time to live *and* a live session, so a
 * desk that signed out is offline at once, not 90 s later.
 */
export async function readAgents(
  q: Queryable,
  now: Date,
  only: string | null = null,
): Promise<RoutingAgent[]> {
  const rows = await q.query<AgentRow>(
    `select u.id, u.username, u.display_name, u.role,
        coalesce(r.languages, $2::text[]) as languages,
        coalesce(r.regions, $3::text[]) as regions,
        coalesce(r.kinds, $4::text[]) as kinds,
        coalesce(r.capacity, $5::int) as capacity,
        coalesce(r.paused, false) as paused,
        (select count(*)::int from cases c
          where c.assignee_id = u.id and c.status <> 'closed') as load,
        case when p.last_seen_at > $6
               and exists (select 1 from sessions s where s.user_id = u.id
                             and s.revoked_at is null and s.expires_at > $1)
             then p.state else 'offline' end as presence
       from users u
       left join agent_routing r on r.user_id = u.id
       left join agent_presence p on p.user_id = u.id
      where $7::text is null or u.id = $7
      order by u.display_name, u.id`,
    [
      now,
      Language.options,
      RegionCalendarId.options,
      CaseKind.options,
      DEFAULT_AGENT_CAPACITY,
      new Date(now.getTime() - AGENT_PRESENCE_TTL_MS),
      only,
    ],
  );
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    languages: r.languages,
    regions: r.regions,
    kinds: r.kinds,
    capacity: r.capacity,
    paused: r.paused,
    load: r.load,
    presence: r.presence,
  }));
}

/** Cases waiting for an agent (new escalations and returns to the pool nobody could take yet). */
export async function countWaiting(q: Queryable): Promise<number> {
  const [row] = await q.query<{ n: number }>(
    `select count(*)::int as n from cases
      where routing_waiting_since is not null and assignee_id is null and status = 'escalated'`,
  );
  return row?.n ?? 0;
}
