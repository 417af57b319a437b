import { z } from "zod";
import { CaseId, CaseSummary, Instant } from "../domain/appeal";
import { UserId } from "../domain/user";

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
/** An SLA clock of the case crossed its warning point or its deadline. Not resumable: `cursor` null. */
export const SlaWarningEvent = z.object({
  type: z.literal("sla_warning"),
  ...Base,
  caseId: CaseId,
  clockId: z.string(),
  level: z.enum(["warning", "breached"]),
  dueAt: Instant,
});

export const LiveEvent = z.discriminatedUnion("type", [
  CaseChangedEvent,
  CaseDeletedEvent,
  CaseAssignedEvent,
  NewEscalationEvent,
  SlaWarningEvent,
]);
export type LiveEvent = z.infer<typeof LiveEvent>;
export type LiveEventType = LiveEvent["type"];
