import { z } from "zod";
import { CaseId, Instant } from "../domain/appeal";
import { Role, UserId } from "../domain/user";

/**
 * Presence: who has a case open on their desk right now, so two agents do not work the same
 * dispute unknowingly. The desk heartbeats `open` while the case is on screen and sends `closed`
 * when it leaves; an entry with no heartbeat for `PRESENCE_TTL_MS` has expired (a crashed desk or
 * a lost network says nothing). Changes reach other desks as the live event `presence`.
 *
 * Ephemeral by design: not a change of the case (no version, no If-Match, no Idempotency-Key, not
 * in the changes feed or the audit chain). Looking at a case decides nothing; the audit chain
 * records acts on the case, and a reveal of contacts, which is an act, is audited on its own.
 */
export const PRESENCE_TTL_MS = 60_000;
/** A third of the time to live, so one lost heartbeat does not make the agent disappear. */
export const PRESENCE_HEARTBEAT_MS = 20_000;

export const PresenceState = z.enum(["open", "closed"]);
export type PresenceState = z.infer<typeof PresenceState>;

export const PresenceRequest = z.object({ state: PresenceState });
export type PresenceRequest = z.infer<typeof PresenceRequest>;

export const PresenceViewer = z.object({
  userId: UserId,
  displayName: z.string().min(1).max(120),
  role: Role,
  /** When this entry lapses unless the viewer's desk heartbeats again. */
  expiresAt: Instant,
});
export type PresenceViewer = z.infer<typeof PresenceViewer>;

/** Everyone who has the case open, the caller included; a desk hides its own entry. */
export const CasePresence = z.object({
  caseId: CaseId,
  viewers: z.array(PresenceViewer),
});
export type CasePresence = z.infer<typeof CasePresence>;
