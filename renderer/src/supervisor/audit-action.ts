import type { AuditEntry } from "@shared/api/audit";
import type { ParseKeys, TFunction } from "i18next";

/**
 * The audit log's action codes (the server's lifecycle action names, see `server/cases/actions.ts`,
 * `server/integration/`, `server/deadlines/`) as the words the desk already uses for them: an
 * agent's action reads as in the conflict view (`actionName`), an event as in the timeline
 * (`event`). Only the codes with no word elsewhere have their own entry.
 */
const ACTION_WORDS = {
  claim: "actionName.claim",
  release: "actionName.release",
  reassign: "actionName.reassign",
  note: "actionName.notes",
  message: "actionName.messages",
  phone_contact: "actionName.phone-contacts",
  request_evidence: "actionName.evidence-requests",
  decide: "actionName.decision",
  escalate: "actionName.escalate",
  second_stage_appeal: "actionName.appeal",
  review: "actionName.review",
  verify: "actionName.verification",
  redact: "actionName.redact",
  file: "event.appeal_filed",
  respondent_answer: "event.respondent_answered",
  cancel_appeal: "event.cancelled",
  agreement_lapsed: "event.agreement_lapsed",
  party_evidence: "event.evidence_received",
  evidence_deadline: "event.evidence_deadline_passed",
  verification_overdue: "event.verification_overdue",
  sla_warning: "event.sla_warning",
  respondent_timeout: "supervisor.audit.trail.actions.respondent_timeout",
  party_message: "supervisor.audit.trail.actions.party_message",
  agent_evidence: "supervisor.audit.trail.actions.agent_evidence",
  contact_reveal: "supervisor.audit.trail.contactReveal",
} as const satisfies Record<string, ParseKeys>;

/**
 * The server writes `action:variant` when one action has several outcomes (see the engine's
 * `TransitionVariant`): the variant reads as the words the desk shows for that outcome.
 */
const VARIANT_WORDS: Readonly<Record<string, Readonly<Record<string, ParseKeys>>>> = {
  respondent_answer: {
    agreement_reached: "timelineSummary.answer.agreement_reached",
    negotiation_failed: "timelineSummary.answer.negotiation_failed",
  },
  review: {
    uphold: "supervisor.review.verdicts.uphold",
    overturn: "supervisor.review.verdicts.overturn",
    remand: "supervisor.review.verdicts.remand",
  },
  verify: {
    records_checked: "verification.recordsChecked",
    feedback_satisfied: "verification.feedbackSatisfied",
    feedback_unhappy: "verification.feedbackUnhappy",
    confirmed: "timelineSummary.step.confirmed",
  },
};

/** Variants that only steer the state machine (the last open request settled): nothing to read. */
const INTERNAL_VARIANTS: ReadonlySet<string> = new Set(["settles_request"]);

export interface AuditActionWords {
  label: string;
  /** The outcome of the action in words (`respondent_answer:negotiation_failed`), when it has one. */
  detail: string | null;
  /** Set for a code the desk has no word for (a newer server): shown as written beside the words. */
  code: string | null;
}

export function auditActionWords(action: string, t: TFunction): AuditActionWords {
  const [base = action, variant] = action.split(":", 2);
  const key = (ACTION_WORDS as Record<string, ParseKeys>)[base];
  if (!key) return { label: t("supervisor.audit.trail.actions.other"), detail: null, code: action };
  if (!variant || INTERNAL_VARIANTS.has(variant))
    return { label: t(key), detail: null, code: null };
  const variantKey = VARIANT_WORDS[base]?.[variant];
  return variantKey
    ? { label: t(key), detail: t(variantKey), code: null }
    : { label: t(key), detail: null, code: variant };
}

/** Who acted: a person's name (data), or the platform or the system's timers in words. */
export function auditActor(
  entry: Pick<AuditEntry, "actorId" | "actorRole">,
  userNames: Readonly<Record<string, string>>,
  t: TFunction,
): { name: string; isPerson: boolean } {
  if (entry.actorRole === "platform")
    return { name: t("supervisor.audit.trail.actors.platform"), isPerson: false };
  if (entry.actorRole === "system")
    return { name: t("supervisor.audit.trail.actors.system"), isPerson: false };
  return { name: userNames[entry.actorId] ?? entry.actorId, isPerson: true };
}
