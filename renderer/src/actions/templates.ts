import type { CaseDetail, DecisionOutcome, PartySide } from "@shared/domain/appeal";
import { outcomesFor, RECEIVER_SIDE } from "@shared/money";

/**
 * Decision templates: common rationales with placeholders the desk fills from the case.
 * A template names its outcome only; who receives follows from the outcome by side (a release goes
 * to the buyer), so a template reads right whichever party complained. The texts live in the
 * catalogues (`templates.<id>.text`) and name the parties by side: `{buyer}`, `{seller}`,
 * `{payer}`, `{merchant}`, plus `{receiver}`, `{reference}`, `{amount}`, `{order}`.
 */
export const DECISION_TEMPLATES = [
  { id: "paidNotReleased", outcome: "release" },
  { id: "noPayment", outcome: "cancel_order" },
  { id: "duplicateCharge", outcome: "full_refund" },
  { id: "partialDelivery", outcome: "partial_refund" },
  { id: "noResponse", outcome: "release" },
] as const satisfies readonly { id: string; outcome: DecisionOutcome }[];

export type DecisionTemplate = (typeof DECISION_TEMPLATES)[number];
export type DecisionTemplateId = DecisionTemplate["id"];

/** The side a template's outcome pays, for the template list and its test. */
export function templateReceiver(template: DecisionTemplate): PartySide | null {
  return RECEIVER_SIDE[template.outcome];
}

/** The templates whose outcome this kind of case offers. */
export function templatesFor(detail: CaseDetail): DecisionTemplate[] {
  const offered = outcomesFor(detail.kind, detail.reason);
  return DECISION_TEMPLATES.filter((tpl) => offered.includes(tpl.outcome));
}

/** Replaces `{name}` placeholders with the case's facts; unknown names stay visible as written. */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

export function placeholderValues(
  detail: CaseDetail,
  amount: string,
  receiver: PartySide | null = null,
): Record<string, string> {
  const bySide: Record<string, string> = {};
  for (const party of [detail.complainant, detail.respondent])
    bySide[party.side] = party.displayName;
  return {
    reference: detail.reference,
    complainant: detail.complainant.displayName,
    respondent: detail.respondent.displayName,
    ...bySide,
    ...(receiver && bySide[receiver] ? { receiver: bySide[receiver] } : {}),
    amount,
    order: detail.trade?.orderId ?? detail.payment?.transactionId ?? "—",
  };
}
