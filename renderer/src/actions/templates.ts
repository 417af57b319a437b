import type { CaseDetail, DecisionOutcome } from "@shared/domain/appeal";

/**
 * Decision templates: common rationales with placeholders the desk fills from the case.
 * The texts live in the catalogues (`templates.<id>.text`), so each language has its own wording;
 * placeholders are `{reference}`, `{complainant}`, `{respondent}`, `{amount}`, `{order}`.
 */
export const DECISION_TEMPLATES = [
  { id: "paidNotReleased", outcome: "release", favouredParty: "complainant" },
  { id: "noPayment", outcome: "cancel_order", favouredParty: "respondent" },
  { id: "duplicateCharge", outcome: "full_refund", favouredParty: "complainant" },
  { id: "partialDelivery", outcome: "partial_refund", favouredParty: "complainant" },
  { id: "noResponse", outcome: "release", favouredParty: "complainant" },
] as const satisfies readonly {
  id: string;
  outcome: DecisionOutcome;
  favouredParty: "complainant" | "respondent";
}[];

export type DecisionTemplateId = (typeof DECISION_TEMPLATES)[number]["id"];

/** Replaces `{name}` placeholders with the case's facts; unknown names stay visible as written. */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

export function placeholderValues(detail: CaseDetail, amount: string): Record<string, string> {
  return {
    reference: detail.reference,
    complainant: detail.complainant.displayName,
    respondent: detail.respondent.displayName,
    amount,
    order: detail.trade?.orderId ?? detail.payment?.transactionId ?? "—",
  };
}
