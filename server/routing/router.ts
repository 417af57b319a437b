import type { CaseKind, Language, RegionCalendarId } from "@shared/domain/appeal";
import { pickAgent, type RoutingRefusal, skillOf } from "@shared/routing/assign";
import { type ActorContext, performAction } from "../cases/engine";
import type { Database, Queryable } from "../db/database";
import { startPoller } from "../timers/poller";
import { readAgents } from "./agents";

/**
 * Automatic assignment on the server. A case that enters the pool (a new escalation, a release)
 * is marked waiting (`cases.routing_waiting_since`) and routed in the same transaction; one that
 * finds nobody stays marked, with the reason, and is routed again when someone becomes available
 * (a heartbeat, a resume, a changed capacity or skill) or by any process's periodic sweep. The
 * mark in the database is what holds a waiting case, so a restart loses none.
 *
 * One assignment per case across processes: every routing decision takes one transaction-scoped
 * advisory lock, so decisions are serialised (each sees the loads and cursors the previous one
 * committed), and the case row is locked before it, in the order every desk action locks (case,
 * then routing), so two processes never route the same case twice and never deadlock.
 */

/** Arbitrary but fixed, beside the filing (7_231_005) and migration (7_231_004) locks. */
export const ROUTING_LOCK_KEY = 7_231_019;

const ROUTER: ActorContext = { role: "system", id: "system", name: "system" };

interface WaitingRow {
  id: string;
  language: Language;
  region: RegionCalendarId;
  kind: CaseKind;
  status: string;
  stage: string;
  assignee_id: string | null;
}

export type RoutingOutcome =
  | { caseId: string; agentId: string }
  | { caseId: string; refused: RoutingRefusal };

/** Whether the case is one routing gives out: first stage, in the pool, nobody on it. */
function isRoutable(row: WaitingRow): boolean {
  return row.status === "escalated" && row.stage === "first" && row.assignee_id === null;
}

/**
 * Routes one case inside `tx` (which may already hold the case's row lock). With `enter`, the
 * case has just entered the pool and is marked waiting first; without it, only a case already
 * waiting is routed. Returns null when the case is not (or no longer) for routing.
 */
export async function routeCase(
  tx: Queryable,
  caseId: string,
  now: Date,
  enter: boolean,
  /** An agent not to give it to (the one who just released it). */
  exclude: string | null = null,
): Promise<RoutingOutcome | null> {
  const [row] = await tx.query<WaitingRow & { routing_waiting_since: Date | null }>(
    `select id, language, region, kind, status, stage, assignee_id, routing_waiting_since
       from cases where id = $1 for update`,
    [caseId],
  );
  if (!row) return null;
  if (!isRoutable(row) || (!enter && row.routing_waiting_since === null)) {
    if (row.routing_waiting_since !== null) await clearWaiting(tx, caseId);
    return null;
  }
  await tx.query("select pg_advisory_xact_lock($1)", [ROUTING_LOCK_KEY]);
  const skill = skillOf(row);
  const agents = (await readAgents(tx, now)).filter((a) => a.role === "agent" && a.id !== exclude);
  const [cursor] = await tx.query<{ agent_id: string }>(
    "select agent_id from routing_cursors where skill = $1",
    [skill],
  );
  const result = pickAgent(
    row,
    agents.map((a) => ({ ...a, isAvailable: a.presence === "online", isPaused: a.paused })),
    cursor?.agent_id ?? null,
  );
  if ("refused" in result) {
    await tx.query(
      `update cases set routing_waiting_since = coalesce(routing_waiting_since, $2),
         routing_refusal = $3 where id = $1`,
      [caseId, now, result.refused],
    );
    return { caseId, refused: result.refused };
  }
  const agent = agents.find((a) => a.id === result.agentId);
  await performAction(
    tx,
    caseId,
    null,
    ROUTER,
    {
      action: "route",
      variant: "default",
      apply: async () => ({
        set: { assignee_id: result.agentId },
        timeline: [{ type: "reassigned", summary: agent?.displayName ?? result.agentId }],
        // The audit entry says it was routing, along which skill, and the load it found.
        audit: {
          routed: true,
          skill,
          load: agent?.load ?? null,
          capacity: agent?.capacity ?? null,
        },
      }),
    },
    { requestId: null, idempotencyKey: null, now },
  );
  await tx.query(
    `insert into routing_cursors (skill, agent_id, updated_at) values ($1, $2, $3)
     on conflict (skill) do update set agent_id = excluded.agent_id, updated_at = excluded.updated_at`,
    [skill, result.agentId, now],
  );
  await clearWaiting(tx, caseId);
  return { caseId, agentId: result.agentId };
}

async function clearWaiting(tx: Queryable, caseId: string): Promise<void> {
  await tx.query(
    "update cases set routing_waiting_since = null, routing_refusal = null where id = $1",
    [caseId],
  );
}

/**
 * Routes every waiting case it can, oldest first, one transaction each (a case another process
 * is routing right now is skipped, not waited for). Safe to call from every process at once.
 */
export async function routeWaiting(
  db: Database,
  now = new Date(),
  max = 200,
): Promise<RoutingOutcome[]> {
  const waiting = await db.query<{ id: string }>(
    `select id from cases where routing_waiting_since is not null
      order by routing_waiting_since, id limit $1`,
    [max],
  );
  const outcomes: RoutingOutcome[] = [];
  for (const { id } of waiting) {
    const outcome = await db.transaction(async (tx) => {
      const [locked] = await tx.query<{ id: string }>(
        `select id from cases where id = $1 and routing_waiting_since is not null
           for update skip locked`,
        [id],
      );
      return locked ? routeCase(tx, id, now, false) : null;
    });
    if (outcome) outcomes.push(outcome);
  }
  return outcomes;
}

/** Any process's backstop: waiting cases are looked at every `intervalMs` (the mark is the truth). */
export function startRoutingSweep(db: Database, intervalMs = 15_000): () => Promise<void> {
  return startPoller(() => routeWaiting(db), intervalMs);
}
