import { z } from "zod";
import {
  CaseDetail,
  DecisionOutcome,
  Instant,
  PartyRole,
  PhoneContactOutcome,
} from "../domain/appeal";
import { DecimalString } from "../domain/money";
import { UserId } from "../domain/user";
import { DecisionTerms } from "../money/terms";
import { Problem } from "./problem";

/**
 * Bodies of the desk's mutations: `POST /api/v1/cases/:id/<action>`, each with `Idempotency-Key`
 * and `If-Match`. Objects are strict: an unknown field is a 400, so a typo never passes silently.
 */

const Text = (max: number) => z.string().trim().min(1, "must not be empty").max(max);

export const ClaimBody = z.strictObject({});
export type ClaimBody = z.infer<typeof ClaimBody>;

export const ReleaseBody = z.strictObject({ reason: z.string().trim().max(2_000).optional() });
export type ReleaseBody = z.infer<typeof ReleaseBody>;

/** Supervisor only. Agents for first-stage cases, supervisors for second-stage ones. */
export const ReassignBody = z.strictObject({
  assignee: UserId,
  reason: z.string().trim().max(2_000).optional(),
  /**
   * The supervisor saw that the agent is at capacity and assigns anyway; without it such a
   * reassign is refused (409 "Over capacity") so the desk can ask first.
   */
  confirmOverCapacity: z.boolean().optional(),
});
export type ReassignBody = z.infer<typeof ReassignBody>;

export const NoteBody = z.strictObject({ text: Text(10_000) });
export type NoteBody = z.infer<typeof NoteBody>;

/** A message from CS to one party; the platform delivers it in-app, by e-mail and SMS. */
export const MessageBody = z.strictObject({ text: Text(10_000), to: PartyRole });
export type MessageBody = z.infer<typeof MessageBody>;

export const PhoneContactBody = z.strictObject({
  party: PartyRole,
  outcome: PhoneContactOutcome,
  summary: z.string().trim().max(2_000).default(""),
  /** The number dialled, when not the one the party left. */
  phone: z
    .string()
    .regex(/^\+?[0-9 ()-]{4,31}$/, "a phone number with country code")
    .optional(),
});
export type PhoneContactBody = z.infer<typeof PhoneContactBody>;

export const EvidenceRequestBody = z.strictObject({
  party: PartyRole,
  what: Text(2_000),
  /** Must lie in the future; a party that misses it may lose. */
  dueAt: Instant,
});
export type EvidenceRequestBody = z.infer<typeof EvidenceRequestBody>;

export const RATIONALE_MIN_LENGTH = 20;

/**
 * A decision. Its shape is checked here; its money (which outcomes fit the case, who receives,
 * the limits, the terms' sums and dates) is checked against the case by `checkDecision` in
 * `shared/money`, on the server (422) and in the desk's form alike.
 */
export const DecisionBody = z
  .strictObject({
    outcome: DecisionOutcome,
    /**
     * Optional: the receiver follows from the outcome and the case's sides (a release goes to the
     * buyer). When sent, it must name that party, so a client that meant the other side is refused.
     */
    favouredParty: PartyRole.optional(),
    /** Decimal string in the case currency; required for a partial refund, refused otherwise. */
    amount: DecimalString.optional(),
    /** Compensation, mediation and repayment plans carry their terms; other outcomes none. */
    terms: DecisionTerms.optional(),
    rationale: z
      .string()
      .trim()
      .min(RATIONALE_MIN_LENGTH, `at least ${RATIONALE_MIN_LENGTH} characters`)
      .max(10_000),
  })
  .superRefine((body, ctx) => {
    if (body.outcome === "partial_refund" && body.amount === undefined) {
      ctx.addIssue({ code: "custom", path: ["amount"], message: "required for a partial refund" });
    }
    if (body.outcome !== "partial_refund" && body.amount !== undefined) {
      ctx.addIssue({ code: "custom", path: ["amount"], message: "only for a partial refund" });
    }
    if (body.amount !== undefined && /^0+(\.0+)?$/.test(body.amount)) {
      ctx.addIssue({ code: "custom", path: ["amount"], message: "must be more than zero" });
    }
  });
export type DecisionBody = z.infer<typeof DecisionBody>;

/** Asks a supervisor to look at the case; it stays with the agent until a supervisor acts. */
export const EscalateBody = z.strictObject({ reason: Text(2_000) });
export type EscalateBody = z.infer<typeof EscalateBody>;

/** A party's objection to the first decision, recorded at the desk (e.g. received by phone). */
export const AppealBody = z.strictObject({ party: PartyRole, statement: Text(10_000) });
export type AppealBody = z.infer<typeof AppealBody>;

export const ReviewVerdict = z.enum(["uphold", "overturn", "remand"]);
export type ReviewVerdict = z.infer<typeof ReviewVerdict>;

/**
 * Supervisor review of a second-stage appeal. `overturn` carries the new decision; `remand` names
 * the agent who takes the case again (not the first decider: four-eyes).
 */
export const ReviewBody = z
  .strictObject({
    verdict: ReviewVerdict,
    rationale: z
      .string()
      .trim()
      .min(RATIONALE_MIN_LENGTH, `at least ${RATIONALE_MIN_LENGTH} characters`)
      .max(10_000),
    decision: DecisionBody.optional(),
    assignee: UserId.optional(),
  })
  .superRefine((body, ctx) => {
    if (body.verdict === "overturn" && !body.decision) {
      ctx.addIssue({ code: "custom", path: ["decision"], message: "required to overturn" });
    }
    if (body.verdict !== "overturn" && body.decision) {
      ctx.addIssue({ code: "custom", path: ["decision"], message: "only when overturning" });
    }
    if (body.verdict === "remand" && !body.assignee) {
      ctx.addIssue({ code: "custom", path: ["assignee"], message: "required to remand" });
    }
    if (body.verdict !== "remand" && body.assignee) {
      ctx.addIssue({ code: "custom", path: ["assignee"], message: "only when remanding" });
    }
  });
export type ReviewBody = z.infer<typeof ReviewBody>;

/**
 * Post-decision verification. `records_checked` (day 1) starts it; `feedback` (day 2) records the
 * parties' answer and reopens the case when they are unhappy; `confirmed` (day 3) closes it.
 */
export const VerificationBody = z
  .strictObject({
    step: z.enum(["records_checked", "feedback", "confirmed"]),
    satisfied: z.boolean().optional(),
    note: z.string().trim().max(2_000).optional(),
  })
  .superRefine((body, ctx) => {
    if (body.step === "feedback" && body.satisfied === undefined) {
      ctx.addIssue({ code: "custom", path: ["satisfied"], message: "required with feedback" });
    }
  });
export type VerificationBody = z.infer<typeof VerificationBody>;

/** Supervisor only: removes the case's content; desks receive a tombstone. The audit trail stays. */
export const RedactBody = z.strictObject({ reason: Text(2_000) });
export type RedactBody = z.infer<typeof RedactBody>;

/**
 * Every desk mutation: the path segment after `/cases/:id/` and its body schema. The desk's outbox
 * and the server's routes both read this map, so a new action is added in one place.
 * (Evidence upload is multipart and lives in ./evidence.)
 */
export const MUTATIONS = {
  claim: ClaimBody,
  release: ReleaseBody,
  reassign: ReassignBody,
  notes: NoteBody,
  messages: MessageBody,
  "phone-contacts": PhoneContactBody,
  "evidence-requests": EvidenceRequestBody,
  decision: DecisionBody,
  escalate: EscalateBody,
  appeal: AppealBody,
  review: ReviewBody,
  verification: VerificationBody,
  redact: RedactBody,
} as const;
export type MutationName = keyof typeof MUTATIONS;
export const MUTATION_NAMES = Object.keys(MUTATIONS) as MutationName[];
export type MutationBody<N extends MutationName> = z.infer<(typeof MUTATIONS)[N]>;

/**
 * The answer to every accepted mutation (200): the case as it now is. `version` repeats
 * `case.version` so a client can read it without parsing the case; the `ETag` header carries it too.
 * After `redact` the case is gone: `case` is null.
 */
export const MutationResponse = z.object({
  case: CaseDetail.nullable(),
  version: z.number().int().positive(),
});
export type MutationResponse = z.infer<typeof MutationResponse>;

/** 412: the If-Match version is stale; `current` is the case as the server holds it now. */
export const PreconditionFailedProblem = Problem.extend({ current: CaseDetail });
export type PreconditionFailedProblem = z.infer<typeof PreconditionFailedProblem>;
