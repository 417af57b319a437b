import type { CaseKind, Language, RegionCalendarId } from "../domain/appeal";

/**
 * Automatic assignment of new escalations, as pure logic: which agent gets a case, given the
 * agents' skills, capacity, current load, presence and routing pause. Round-robin within a
 * skill (language × region × case kind): each skill keeps a cursor at the agent it last gave a
 * case to, and the next case goes to the first eligible agent after it in id order, so agents
 * who share a skill take turns whatever other skills they have. The server keeps the cursors and
 * loads in its database and calls this inside one transaction per case.
 */
export interface RoutingAgent {
  id: string;
  languages: readonly Language[];
  regions: readonly RegionCalendarId[];
  kinds: readonly CaseKind[];
  /** The most open cases this agent holds at once. */
  capacity: number;
  /** Open cases assigned to the agent now. */
  load: number;
  /** Away or offline agents get nothing: a case must not wait on someone who is not there. */
  isAvailable: boolean;
  /** A supervisor paused this agent's routing (cases can still be assigned by hand). */
  isPaused: boolean;
}

export interface RoutingCase {
  id: string;
  language: Language;
  region: RegionCalendarId;
  kind: CaseKind;
}

/** Why no agent got the case: it stays unassigned in the queue, and supervisors see why. */
export type RoutingRefusal = "no_skilled_agent" | "all_unavailable" | "all_at_capacity";

export type RoutingResult = { agentId: string } | { refused: RoutingRefusal };

/** The skill a case needs: one round-robin cursor per value. */
export function skillOf(c: Pick<RoutingCase, "language" | "region" | "kind">): string {
  return `${c.language}|${c.region}|${c.kind}`;
}

export function hasSkill(agent: RoutingAgent, c: RoutingCase): boolean {
  return (
    agent.languages.includes(c.language) &&
    agent.regions.includes(c.region) &&
    agent.kinds.includes(c.kind)
  );
}

/**
 * The agent for one case. `cursor` is the id of the agent the case's skill last went to (null
 * for a skill never routed). Refusals say the most specific reason: nobody has the skill, else
 * nobody skilled is present and unpaused, else everyone present is full.
 */
export function pickAgent(
  c: RoutingCase,
  agents: readonly RoutingAgent[],
  cursor: string | null,
): RoutingResult {
  const skilled = agents.filter((a) => hasSkill(a, c)).sort((a, b) => (a.id < b.id ? -1 : 1));
  if (skilled.length === 0) return { refused: "no_skilled_agent" };
  const present = skilled.filter((a) => a.isAvailable && !a.isPaused);
  if (present.length === 0) return { refused: "all_unavailable" };
  const open = present.filter((a) => a.load < a.capacity);
  if (open.length === 0) return { refused: "all_at_capacity" };
  // The first open agent after the cursor in id order, wrapping round.
  const next = cursor === null ? undefined : open.find((a) => a.id > cursor);
  const chosen = next ?? open[0];
  return chosen ? { agentId: chosen.id } : { refused: "all_at_capacity" };
}

export interface RoutingRound {
  assignments: { caseId: string; agentId: string }[];
  refusals: { caseId: string; reason: RoutingRefusal }[];
  /** Cursors after the round, by skill. */
  cursors: Record<string, string>;
}

/** Cases in arrival order, one after another: each assignment adds to the agent's load. */
export function routeCases(
  cases: readonly RoutingCase[],
  agents: readonly RoutingAgent[],
  cursors: Readonly<Record<string, string>> = {},
): RoutingRound {
  const loads = new Map(agents.map((a) => [a.id, a.load]));
  const round: RoutingRound = { assignments: [], refusals: [], cursors: { ...cursors } };
  for (const c of cases) {
    const current = agents.map((a) => ({ ...a, load: loads.get(a.id) ?? a.load }));
    const skill = skillOf(c);
    const result = pickAgent(c, current, round.cursors[skill] ?? null);
    if ("refused" in result) {
      round.refusals.push({ caseId: c.id, reason: result.refused });
      continue;
    }
    loads.set(result.agentId, (loads.get(result.agentId) ?? 0) + 1);
    round.cursors[skill] = result.agentId;
    round.assignments.push({ caseId: c.id, agentId: result.agentId });
  }
  return round;
}
