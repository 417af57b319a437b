/**
 * The structured terms of the outcomes that are more than "pay X to Y": what compensation was
 * given, what both parties agreed in mediation, how a debt is repaid. Stored with the decision,
 * shown on the case, in the report and in the audit entry, so the record says exactly what was
 * promised instead of a line of prose.
 */
import { z } from "zod";
import { DecimalString } from "../domain/money";

/** A calendar date in the case's region (its working-time calendar), not an instant. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date such as 2026-12-31");

/** Non-cash compensation (domain brief: coupons, membership extension). */
export const CompensationTerms = z.discriminatedUnion("kind", [
  z.strictObject({
    type: z.literal("compensation"),
    kind: z.literal("coupon"),
    /** Face value in the case currency; capped by the disputed amount. */
    value: DecimalString,
  }),
  z.strictObject({
    type: z.literal("compensation"),
    kind: z.literal("membership_extension"),
    days: z.number().int().min(1).max(366),
  }),
]);
export type CompensationTerms = z.infer<typeof CompensationTerms>;

/** A mediation agreement recorded on file: the terms, accepted by both parties. */
export const MediationTerms = z.strictObject({
  type: z.literal("mediation"),
  agreedTerms: z.string().trim().min(10, "at least 10 characters").max(4_000),
  /** Both must be true: an agreement one side did not accept is not an agreement. */
  acceptedBy: z.strictObject({ complainant: z.boolean(), respondent: z.boolean() }),
});
export type MediationTerms = z.infer<typeof MediationTerms>;

export const Instalment = z.strictObject({ dueDate: IsoDate, amount: DecimalString });
export type Instalment = z.infer<typeof Instalment>;

/** Repayment hardship: instalments that sum to the total, due on working days of the case's region. */
export const RepaymentPlanTerms = z.strictObject({
  type: z.literal("repayment_plan"),
  total: DecimalString,
  instalments: z.array(Instalment).min(1, "at least one instalment").max(60),
});
export type RepaymentPlanTerms = z.infer<typeof RepaymentPlanTerms>;

/** `type` repeats the outcome, so terms can never be attached to the wrong one unnoticed. */
export const DecisionTerms = z.union([CompensationTerms, MediationTerms, RepaymentPlanTerms]);
export type DecisionTerms = z.infer<typeof DecisionTerms>;

/** The outcomes that carry terms; every other outcome carries none. */
export const OUTCOMES_WITH_TERMS = ["compensation", "mediation", "repayment_plan"] as const;
