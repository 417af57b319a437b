/**
 * Who receives what, by the side of the deal, never by position in the appeal. A release always
 * goes to the buyer and a cancelled order always returns the coins to the seller, whoever filed;
 * the case maps the side to complainant or respondent. Templates, the decision form, its
 * confirmation and the server all ask these functions, so they cannot disagree.
 */
import type {
  AppealReason,
  CaseKind,
  DecisionOutcome,
  PartyRole,
  PartySide,
} from "../domain/appeal";
import type { Currency } from "../domain/money";

/**
 * The kinds of case the outcomes are offered for. A repayment-hardship complaint is a payment
 * case by kind, but its remedies are a plan or an agreement, not a refund.
 */
export type RemedyKind = "p2p_trade" | "payment" | "repayment";

export function remedyKindOf(kind: CaseKind, reason: AppealReason): RemedyKind {
  if (kind === "p2p_trade") return "p2p_trade";
  return reason === "repayment_hardship" ? "repayment" : "payment";
}

/** Domain brief: P2P release / cancel; payments refunds, compensation, mediation; debts a plan. */
export const OUTCOMES_BY_REMEDY: Readonly<Record<RemedyKind, readonly DecisionOutcome[]>> = {
  p2p_trade: ["release", "cancel_order"],
  payment: ["full_refund", "partial_refund", "compensation", "mediation"],
  repayment: ["repayment_plan", "mediation"],
};

export function outcomesFor(kind: CaseKind, reason: AppealReason): readonly DecisionOutcome[] {
  return OUTCOMES_BY_REMEDY[remedyKindOf(kind, reason)];
}

/**
 * The side each outcome pays. Mediation pays by its agreed terms, so no side is implied.
 * A repayment plan is paid by the payer to the merchant (the creditor) in instalments.
 */
export const RECEIVER_SIDE: Readonly<Record<DecisionOutcome, PartySide | null>> = {
  release: "buyer",
  cancel_order: "seller",
  full_refund: "payer",
  partial_refund: "payer",
  compensation: "payer",
  mediation: null,
  repayment_plan: "merchant",
};

/** The two parties' sides, as the case holds them. */
export interface CaseSides {
  complainant: { side: PartySide };
  respondent: { side: PartySide };
}

/** Which role holds `side` on this case; null when neither party is on that side. */
export function roleOfSide(parties: CaseSides, side: PartySide): PartyRole | null {
  if (parties.complainant.side === side) return "complainant";
  if (parties.respondent.side === side) return "respondent";
  return null;
}

/** The receiver of `outcome` on this case: side and role, or null when the outcome names none. */
export function receiverOf(
  outcome: DecisionOutcome,
  parties: CaseSides,
): { side: PartySide; role: PartyRole | null } | null {
  const side = RECEIVER_SIDE[outcome];
  return side === null ? null : { side, role: roleOfSide(parties, side) };
}

/** The money at stake in a case, as the server holds it. */
export interface CaseMoney {
  kind: CaseKind;
  reason: AppealReason;
  /** The disputed amount: the trade's fiat amount or the payment amount. */
  amount: string;
  currency: Currency;
  /** The escrow of a P2P trade: the coins a release or a cancellation moves. */
  trade: { asset: Currency; assetAmount: string } | null;
}

/**
 * What `outcome` pays out when its amount is fixed by the case: the escrow for release/cancel,
 * the whole disputed amount for a full refund. Null for outcomes whose amount is entered (partial
 * refund, coupon, plan) or that move no money themselves.
 */
export function fixedPayoutOf(
  outcome: DecisionOutcome,
  money: CaseMoney,
): { amount: string; currency: Currency } | null {
  if ((outcome === "release" || outcome === "cancel_order") && money.trade) {
    return { amount: money.trade.assetAmount, currency: money.trade.asset };
  }
  if (outcome === "full_refund") return { amount: money.amount, currency: money.currency };
  return null;
}
