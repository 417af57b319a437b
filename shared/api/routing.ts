import { z } from "zod";
import { CaseKind, Language, RegionCalendarId } from "../domain/appeal";
import { Role, UserId } from "../domain/user";

/**
 * Routing (issue #19): who gets new escalations, and what supervisors see and change about it.
 *
 * "Available" for automatic assignment means: the agent's desk is signed in (a live session),
 * has heartbeated within `AGENT_PRESENCE_TTL_MS`, is not set to away, and a supervisor has not
 * paused the agent's routing. An agent under capacity with the case's skill (language, region,
 * case kind) may then get it; skilled agents take turns (`shared/routing/assign.ts`).
 */

/** How often a signed-in desk says it is there. */
export const AGENT_HEARTBEAT_MS = 30_000;
/** Three heartbeats: one lost request does not make the agent offline. */
export const AGENT_PRESENCE_TTL_MS = 90_000;
/** Open cases an agent with no routing settings of their own may hold. */
export const DEFAULT_AGENT_CAPACITY = 25;

/** What the agent's desk says: at work, or stepped away (no new cases, kept signed in). */
export const DeskPresenceState = z.enum(["online", "away"]);
export type DeskPresenceState = z.infer<typeof DeskPresenceState>;

/** What others see: `offline` when no live session has heartbeated lately. */
export const AgentPresence = z.enum(["online", "away", "offline"]);
export type AgentPresence = z.infer<typeof AgentPresence>;

export const RoutingHeartbeat = z.strictObject({ state: DeskPresenceState });
export type RoutingHeartbeat = z.infer<typeof RoutingHeartbeat>;

const Skills = {
  languages: z.array(Language).max(Language.options.length),
  regions: z.array(RegionCalendarId).max(RegionCalendarId.options.length),
  kinds: z.array(CaseKind).max(CaseKind.options.length),
};

/** One member of staff as the routing panel and the reassign picker show them. */
export const RoutingAgent = z.object({
  id: UserId,
  username: z.string().min(1).max(64),
  displayName: z.string().min(1).max(120),
  role: Role,
  ...Skills,
  capacity: z.number().int().min(0).max(1000),
  /** Open cases assigned to them now (first and second stage, not closed). */
  load: z.number().int().min(0),
  presence: AgentPresence,
  /** A supervisor stopped automatic assignment to them (they can still be assigned by hand). */
  paused: z.boolean(),
});
export type RoutingAgent = z.infer<typeof RoutingAgent>;

export const RoutingAgentList = z.object({
  agents: z.array(RoutingAgent),
  /** Cases waiting for an available agent with their skill. */
  waiting: z.number().int().min(0),
});
export type RoutingAgentList = z.infer<typeof RoutingAgentList>;

export const RoutingAgentParams = z.object({ id: UserId });

/** A supervisor's change to one agent: any of pause, capacity, skills; at least one. */
export const RoutingAgentUpdate = z
  .strictObject({
    paused: z.boolean().optional(),
    capacity: z.number().int().min(0).max(1000).optional(),
    languages: Skills.languages.optional(),
    regions: Skills.regions.optional(),
    kinds: Skills.kinds.optional(),
  })
  .refine((u) => Object.values(u).some((v) => v !== undefined), {
    message: "name at least one of paused, capacity, languages, regions, kinds",
  });
export type RoutingAgentUpdate = z.infer<typeof RoutingAgentUpdate>;
