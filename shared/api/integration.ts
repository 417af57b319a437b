import { z } from "zod";
import {
  AppealReason,
  CaseDetail,
  CaseKind,
  Language,
  PartyRole,
  PartySide,
  Payment,
  RegionCalendarId,
  Trade,
} from "../domain/appeal";
import { Currency, DecimalString } from "../domain/money";
import { PartyAccount } from "./case-context";

/**
 * The integration side: what the exchange / payment backend calls on behalf of the parties, with
 * `Authorization: Bearer <SERVICE_TOKEN>` (never an agent's token). Every call is a POST that
 * requires `Idempotency-Key` (the platform retries); `If-Match` is optional here, because the
 * platform does not track our versions.
 */

export const INTEGRATION_BASE = "/integration/appeals";

export const FilingParty = z.strictObject({
  side: PartySide,
  externalUserId: z.string().min(1).max(64),
  displayName: z.string().trim().min(1).max(120),
  /** E.164 with country code, e.g. "+84 912345678". */
  phone: z
    .string()
    .regex(/^\+[0-9 ()-]{4,31}$/, "a phone number with country code")
    .nullable()
    .default(null),
  email: z.email().max(254).nullable().default(null),
  language: Language,
  /** Account facts the platform has for this user (optional; shown in the party's context). */
  account: PartyAccount.nullable().optional(),
});
export type FilingParty = z.infer<typeof FilingParty>;

/**
 * `POST /api/v1/integration/appeals`: the complainant files. The respondent's 10-minute window
 * starts now. Refused with 409 while another appeal on the same order is open, and for 5 minutes
 * after the complainant cancelled one (`Retry-After` says how long).
 */
export const FileAppealRequest = z
  .strictObject({
    kind: CaseKind,
    reason: AppealReason,
    region: RegionCalendarId,
    amount: DecimalString,
    currency: Currency,
    complainant: FilingParty,
    respondent: FilingParty,
    /** The complainant's description, in their own words. */
    statement: z.string().trim().min(1).max(10_000),
    trade: Trade.nullable().default(null),
    payment: Payment.nullable().default(null),
    priority: z.enum(["urgent", "high", "normal", "low"]).default("normal"),
  })
  .superRefine((body, ctx) => {
    if (body.kind === "p2p_trade" && !body.trade) {
      ctx.addIssue({ code: "custom", path: ["trade"], message: "required for a P2P trade" });
    }
    if (body.kind === "payment" && !body.payment) {
      ctx.addIssue({ code: "custom", path: ["payment"], message: "required for a payment" });
    }
    if (body.kind === "p2p_trade" && body.trade && !body.trade.markedPaidAt) {
      ctx.addIssue({
        code: "custom",
        path: ["trade", "markedPaidAt"],
        message: "an appeal can be filed only once the buyer has marked the order paid",
      });
    }
  });
export type FileAppealRequest = z.infer<typeof FileAppealRequest>;

/** A chat line between the parties (or a party's reply to CS when `to` is unset). */
export const PartyMessageRequest = z.strictObject({
  from: PartyRole,
  text: z.string().trim().min(1).max(10_000),
  language: Language.optional(),
});
export type PartyMessageRequest = z.infer<typeof PartyMessageRequest>;

/** The respondent's answer within the 10-minute window. */
export const RespondentAnswerRequest = z.strictObject({
  answer: z.enum(["agreement_reached", "negotiation_failed"]),
  statement: z.string().trim().max(10_000).default(""),
});
export type RespondentAnswerRequest = z.infer<typeof RespondentAnswerRequest>;

/**
 * After "agreement reached": the complainant confirms (the appeal is cancelled, re-filing blocked
 * for 5 minutes) or does not (back to "negotiation failed": escalated).
 */
export const AgreementRequest = z.strictObject({ confirmed: z.boolean() });
export type AgreementRequest = z.infer<typeof AgreementRequest>;

/** The complainant withdraws the appeal before CS decides. */
export const CancelAppealRequest = z.strictObject({
  reason: z.string().trim().max(2_000).default(""),
});
export type CancelAppealRequest = z.infer<typeof CancelAppealRequest>;

/** A party objects to the first decision. */
export const SecondStageRequest = z.strictObject({
  party: PartyRole,
  statement: z.string().trim().min(1).max(10_000),
});
export type SecondStageRequest = z.infer<typeof SecondStageRequest>;

/** A party's feedback during post-decision verification (day 2). Unhappy feedback reopens. */
export const PartyFeedbackRequest = z.strictObject({
  party: PartyRole,
  satisfied: z.boolean(),
  comment: z.string().trim().max(2_000).default(""),
});
export type PartyFeedbackRequest = z.infer<typeof PartyFeedbackRequest>;

/** Every integration call answers with the case as it now is (201 when filing). */
export const IntegrationResponse = z.object({
  case: CaseDetail,
  version: z.number().int().positive(),
});
export type IntegrationResponse = z.infer<typeof IntegrationResponse>;

/**
 * Every platform action on an existing appeal: the path segment after `/integration/appeals/:id/`,
 * its body and its summary. The contract map and the server's routes both read this table.
 * (Filing and the party's evidence upload are entries of their own in `./contract`.)
 */
export const INTEGRATION_ACTIONS = {
  messages: { body: PartyMessageRequest, summary: "A party's chat message" },
  "respondent-answer": {
    body: RespondentAnswerRequest,
    summary: "The respondent's answer in the 10-minute window",
  },
  agreement: { body: AgreementRequest, summary: "The complainant confirms an agreement (or not)" },
  cancel: { body: CancelAppealRequest, summary: "The complainant cancels the appeal" },
  "second-stage": { body: SecondStageRequest, summary: "A party objects to the decision" },
  feedback: { body: PartyFeedbackRequest, summary: "A party's feedback during verification" },
} as const;
export type IntegrationActionName = keyof typeof INTEGRATION_ACTIONS;
