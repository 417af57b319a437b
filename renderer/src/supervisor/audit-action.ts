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

export interface AuditActionWords {
  label: string;
  /** Set for a code the desk has no word for (a newer server): shown beside "Other action". */
  code: string | null;
}

export function auditActionWords(action: string, t: TFunction): AuditActionWords {
  const key = (ACTION_WORDS as Record<string, ParseKeys>)[action];
  return key
    ? { label: t(key), code: null }
    : { label: t("supervisor.audit.trail.actions.other"), code: action };
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
