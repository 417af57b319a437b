import { z } from "zod";
import { CaseId, CaseSummary, Instant } from "../domain/appeal";
import { UserId } from "../domain/user";
import { PresenceViewer } from "./presence";

/**
 * Live events on `GET /api/v1/events` (Server-Sent Events, `text/event-stream`).
 *
 * Each event is one SSE message: `event: <type>`, `data: <json of LiveEvent>`, and for events that
 * come from the changes feed `id: <cursor>`. A client that reconnects with `Last-Event-ID: <cursor>`
 * first receives every change after that cursor (as `case_changed` / `case_deleted`), then live
 * ones; a cursor is the same opaque string as the changes feed's, so the desk may resume either way.
 * A `: keep-alive` comment is sent every 15 s so proxies keep the stream open.
 */
const Base = { cursor: z.string().nullable(), at: Instant };

export const CaseChangedEvent = z.object({
  type: z.literal("case_changed"),
  ...Base,
  caseId: CaseId,
  version: z.number().int().positive(),
  summary: CaseSummary,
});
export const CaseDeletedEvent = z.object({
  type: z.literal("case_deleted"),
  ...Base,
  caseId: CaseId,
});
/** The case got a (new) assignee: also sent as `case_changed`; this one is for notifications. */
export const CaseAssignedEvent = z.object({
  type: z.literal("case_assigned"),
  ...Base,
  caseId: CaseId,
  assigneeId: UserId.nullable(),
});
/** A case entered the CS queue (negotiation failed or the respondent's window ran out). */
export const NewEscalationEvent = z.object({
  type: z.literal("new_escalation"),
  ...Base,
  caseId: CaseId,
  summary: CaseSummary,
});
/**
 * A deadline job found that the case needs its assignee: a party let an evidence deadline pass
 * (the case may now be decided on the evidence available), or a verification day ended with its
 * step not done, or a clock someone can still meet reached its warning point (`sla_warning`, sent
 * once per deadline by the server's job). Also sent as `case_changed`; this one is for the
 * assignee's notification.
 */
export const CaseAttentionEvent = z.object({
  type: z.literal("case_attention"),
  ...Base,
  caseId: CaseId,
  assigneeId: UserId.nullable(),
  reason: z.enum(["evidence_deadline_passed", "verification_overdue", "sla_warning"]),
});
/** An SLA clock of the case crossed its warning point or its deadline. Not resumable: `cursor` null. */
export const SlaWarningEvent = z.object({
  type: z.literal("sla_warning"),
  ...Base,
  caseId: CaseId,
  clockId: z.string(),
  level: z.enum(["warning", "breached"]),
  dueAt: Instant,
});

/**
 * Who has the case open now (everyone, the recipient included), after someone opened or left it
 * or an entry expired. Ephemeral, not resumable (`cursor` null), and sent only to streams that ask
 * for it with `?types=presence`: a client that treats every event as "pull the feed" would
 * otherwise pull on every heartbeat of every agent.
 */
export const PresenceEvent = z.object({
  type: z.literal("presence"),
  ...Base,
  caseId: CaseId,
  viewers: z.array(PresenceViewer),
});

export const LiveEvent = z.discriminatedUnion("type", [
  CaseChangedEvent,
  CaseDeletedEvent,
  CaseAssignedEvent,
  NewEscalationEvent,
  SlaWarningEvent,
  PresenceEvent,
  CaseAttentionEvent,
]);
export type LiveEvent = z.infer<typeof LiveEvent>;
export type LiveEventType = LiveEvent["type"];

export const LIVE_EVENT_TYPES = [
  "case_changed",
  "case_deleted",
  "case_assigned",
  "new_escalation",
  "sla_warning",
  "presence",
  "case_attention",
] as const satisfies readonly LiveEventType[];
/** What a stream gets when it names no types: every event about the cases, not presence. */
export const DEFAULT_EVENT_TYPES: readonly LiveEventType[] = LIVE_EVENT_TYPES.filter(
  (type) => type !== "presence",
);

/** `?types=presence` or `?types=case_changed,presence`: the event types a stream wants. */
export const EventsQuery = z.object({
  types: z
    .string()
    .max(200)
    .transform((value) => value.split(",").filter(Boolean))
    .pipe(z.array(z.enum(LIVE_EVENT_TYPES)).min(1))
    .optional(),
  /**
   * `EventSource` cannot send headers: a single-use ticket from `POST /events/ticket` may come
   * here instead of the Authorization header. Never the bearer token itself (URLs get logged).
   */
  ticket: z.string().min(1).max(64).optional(),
});
export type EventsQuery = z.infer<typeof EventsQuery>;

/** `POST /api/v1/events/ticket`: a ticket that opens one stream, once, within 30 seconds. */
export const EventTicket = z.object({ ticket: z.string(), expiresAt: Instant });
export type EventTicket = z.infer<typeof EventTicket>;
