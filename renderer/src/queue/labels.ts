import type { AppealReason, CaseKind, CaseStatus } from "@shared/domain/appeal";

export const KIND_LABEL: Record<CaseKind, string> = { p2p_trade: "P2P trade", payment: "Payment" };

export const REASON_LABEL: Record<AppealReason, string> = {
  paid_not_released: "Paid, coins not released",
  payment_not_received: "Marked paid, nothing received",
  wrong_amount_received: "Wrong amount received",
  payment_failed_refunded: "Payment failed / refunded",
  failed_payment: "Failed payment, charged",
  wrong_amount_charged: "Wrong amount charged",
  duplicate_charge: "Charged twice",
  service_not_delivered: "Service not delivered",
  account_takeover: "Account takeover",
  repayment_hardship: "Repayment hardship",
};

export const STATUS_LABEL: Record<CaseStatus, string> = {
  awaiting_respondent: "Awaiting respondent",
  agreed: "Agreed",
  escalated: "Escalated",
  in_review: "In review",
  awaiting_evidence: "Awaiting evidence",
  decided: "Decided",
  verifying: "Verifying",
  second_stage: "Second stage",
  supervisor_review: "Supervisor review",
  closed: "Closed",
};
