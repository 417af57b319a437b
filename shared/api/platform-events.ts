import { z } from "zod";
import {
  CaseId,
  CaseReference,
  CaseStage,
  DecisionOutcome,
  Instant,
  Language,
  PartyRole,
  PartySide,
} from "../domain/appeal";
import { Currency, DecimalString } from "../domain/money";
import { DecisionTerms } from "../money/terms";

/**
 * What the desk tells the platform: the outbound side of the integration API. Every event is
 * written to the server's outbox in the same transaction as the change it reports, then offered
 * two ways — signed webhooks (`POST` to the platform's URL) and the pull feed
 * `GET /api/v1/integration/events?since=<seq>` — with the same envelope.
 *
 * `seq` orders events in commit order across the whole server (every process); `id` is the
 * delivery id: a receiver that has seen an id has seen that event, however often it is retried.
 */

/** The party whom a decision favours, and which side of the deal that is (who receives). */
export const Receiver = z.object({ role: PartyRole, side: PartySide });
export type Receiver = z.infer<typeof Receiver>;

export const DecisionEventData = z.object({
  stage: CaseStage,
  outcome: DecisionOutcome,
  favouredParty: PartyRole.nullable(),
  /** Who receives the money or the coins; null for outcomes that move none (mediation...). */
  receiver: Receiver.nullable(),
  /** What the receiver gets, canonical in `currency` (the shared money model's); null when none. */
  amount: DecimalString.nullable(),
  currency: Currency.nullable(),
  /** Compensation, mediation or repayment-plan terms, as stored with the decision. */
  terms: DecisionTerms.nullable(),
  rationale: z.string(),
});

export const PLATFORM_EVENT_TYPES = [
  "decision",
  "message",
  "evidence_request",
  "evidence_reminder",
  "evidence_deadline_passed",
  "verification_step",
  "review_verdict",
] as const;
export const PlatformEventType = z.enum(PLATFORM_EVENT_TYPES);
export type PlatformEventType = z.infer<typeof PlatformEventType>;

const Envelope = {
  /** Delivery id (a UUID): the same on every retry and in the pull feed. */
  id: z.string().min(1).max(64),
  /** Commit order over every event of the server; the pull feed's `since` cursor. */
  seq: z.number().int().positive(),
  caseId: CaseId,
  reference: CaseReference,
  /** The platform's order or transaction id the appeal is about. */
  orderRef: z.string().nullable(),
  at: Instant,
};

export const PlatformEvent = z.discriminatedUnion("type", [
  z.object({ ...Envelope, type: z.literal("decision"), data: DecisionEventData }),
  z.object({
    ...Envelope,
    type: z.literal("message"),
    data: z.object({ to: PartyRole, text: z.string(), language: Language }),
  }),
  z.object({
    ...Envelope,
    type: z.literal("evidence_request"),
    data: z.object({ requestId: z.string(), party: PartyRole, what: z.string(), dueAt: Instant }),
  }),
  /** Sent before the deadline (half-way, at most 24 h before) while the request is outstanding. */
  z.object({
    ...Envelope,
    type: z.literal("evidence_reminder"),
    data: z.object({ requestId: z.string(), party: PartyRole, what: z.string(), dueAt: Instant }),
  }),
  /** The party did not answer in time; CS may now decide on the evidence available. */
  z.object({
    ...Envelope,
    type: z.literal("evidence_deadline_passed"),
    data: z.object({ requestId: z.string(), party: PartyRole, dueAt: Instant }),
  }),
  z.object({
    ...Envelope,
    type: z.literal("verification_step"),
    data: z.object({
      step: z.enum(["records_checked", "feedback", "confirmed"]),
      satisfied: z.boolean().nullable(),
      /** True when the step reopened the case (unhappy feedback). */
      reopened: z.boolean(),
    }),
  }),
  z.object({
    ...Envelope,
    type: z.literal("review_verdict"),
    data: z.object({ verdict: z.enum(["uphold", "overturn", "remand"]), rationale: z.string() }),
  }),
]);
export type PlatformEvent = z.infer<typeof PlatformEvent>;
export type PlatformEventData<T extends PlatformEventType> = Extract<
  PlatformEvent,
  { type: T }
>["data"];

/** `GET /api/v1/integration/events?since=&limit=`: events after `since`, oldest first. */
export const PlatformEventsQuery = z.strictObject({
  since: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** Only the events of one case. */
  caseId: CaseId.optional(),
});
export type PlatformEventsQuery = z.infer<typeof PlatformEventsQuery>;

export const PlatformEventsPage = z.object({
  events: z.array(PlatformEvent),
  /** Pass as `since` next time: the last event's `seq`, or `since` itself when none. */
  next: z.number().int().nonnegative(),
});
export type PlatformEventsPage = z.infer<typeof PlatformEventsPage>;

/**
 * Webhook signing. Headers on every delivery:
 * - `webhook-id`: the delivery id (the event's `id`), for idempotent receipt;
 * - `webhook-timestamp`: Unix seconds of this attempt; refuse ones far from your clock;
 * - `webhook-signature`: `v1=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>`.
 * The body is the event's JSON. Answer any 2xx to acknowledge; anything else (or no answer within
 * the timeout) is retried with growing delays, then dead-lettered for a supervisor to replay.
 */
export const WEBHOOK_HEADERS = {
  id: "webhook-id",
  timestamp: "webhook-timestamp",
  signature: "webhook-signature",
} as const;

/** The string the signature covers. */
export function signedContent(timestamp: number, body: string): string {
  return `${timestamp}.${body}`;
}

/** A delivery that ran out of attempts; a supervisor sees it and may replay it. */
export const DeadLetter = z.object({
  eventId: z.string(),
  seq: z.number().int().positive(),
  caseId: CaseId,
  reference: CaseReference,
  type: PlatformEventType,
  attempts: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
  deadAt: Instant,
});
export type DeadLetter = z.infer<typeof DeadLetter>;
export const DeadLetterList = z.object({ items: z.array(DeadLetter) });
export type DeadLetterList = z.infer<typeof DeadLetterList>;
export const DeadLetterParams = z.strictObject({ eventId: z.string().min(1).max(64) });
