import { AppealReason, DecisionOutcome, PartyRole, PartySide, type TimelineEvent } from "./appeal";

/**
 * What a timeline event's `summary` means. The server stores a code there for most events (the
 * appeal reason, the party a message went to, the decision's outcome), free text for a few (an
 * agent's reason for releasing), and an English sentence for some older events. Screens and
 * reports must never show those codes, so every reader goes through this one parse and words the
 * result in its own language; anything it does not recognise is the user's own text (`data`).
 */
export type TimelineSummary =
  | { kind: "none" }
  | { kind: "data"; text: string }
  | { kind: "reason"; reason: AppealReason }
  | { kind: "answer"; answer: RespondentAnswer }
  | { kind: "party"; party: PartyRole }
  | { kind: "evidenceRequest"; party: PartyRole; what: string }
  | { kind: "outcome"; outcome: DecisionOutcome }
  | { kind: "verdict"; verdict: "uphold" | "overturn" | "remand" }
  | { kind: "reopen"; cause: "remand" | "unhappy_feedback" }
  | { kind: "escalation"; cause: EscalationCause }
  | { kind: "noAnswer"; who: PartyRole | PartySide; dueAt: string }
  | { kind: "step"; step: "records_checked" | "feedback" | "confirmed" };

export const RESPONDENT_ANSWERS = ["agreement_reached", "negotiation_failed"] as const;
export type RespondentAnswer = (typeof RESPONDENT_ANSWERS)[number];

/** Why the platform escalated the case to CS. */
export const ESCALATION_CAUSES = [
  "negotiation_failed",
  "no_answer",
  "agreement_not_confirmed",
] as const;
export type EscalationCause = (typeof ESCALATION_CAUSES)[number];

const VERDICTS = ["uphold", "overturn", "remand"] as const;
const STEPS = ["records_checked", "feedback", "confirmed"] as const;

function oneOf<T extends string>(values: readonly T[], text: string): T | undefined {
  return (values as readonly string[]).includes(text) ? (text as T) : undefined;
}

/** The sentences the server wrote before it stored codes: read as the codes they stand for. */
const ESCALATION_SENTENCES: Record<string, EscalationCause> = {
  "negotiation failed": "negotiation_failed",
  negotiation_failed: "negotiation_failed",
  "no answer within 10 minutes": "no_answer",
  no_answer: "no_answer",
  "agreement not confirmed": "agreement_not_confirmed",
  agreement_not_confirmed: "agreement_not_confirmed",
};

const NO_ANSWER = /^no answer from the (\w+) by (\S+)$/;

export function readTimelineSummary(
  event: Pick<TimelineEvent, "type" | "summary">,
): TimelineSummary {
  const text = event.summary.trim();
  if (!text) return { kind: "none" };
  const data = { kind: "data", text } as const;
  switch (event.type) {
    case "appeal_filed": {
      const reason = AppealReason.safeParse(text);
      return reason.success ? { kind: "reason", reason: reason.data } : data;
    }
    case "respondent_answered": {
      const answer = oneOf(RESPONDENT_ANSWERS, text);
      return answer ? { kind: "answer", answer } : data;
    }
    case "escalated": {
      const cause = ESCALATION_SENTENCES[text];
      return cause ? { kind: "escalation", cause } : data;
    }
    case "message_sent":
    case "contacted":
    case "appealed":
    case "evidence_received": {
      const party = PartyRole.safeParse(text);
      return party.success ? { kind: "party", party: party.data } : data;
    }
    case "evidence_requested": {
      const colon = text.indexOf(": ");
      const party = PartyRole.safeParse(colon > 0 ? text.slice(0, colon) : text);
      if (!party.success) return data;
      return {
        kind: "evidenceRequest",
        party: party.data,
        what: colon > 0 ? text.slice(colon + 2) : "",
      };
    }
    case "decided": {
      const outcome = DecisionOutcome.safeParse(text);
      return outcome.success ? { kind: "outcome", outcome: outcome.data } : data;
    }
    case "reviewed": {
      const verdict = oneOf(VERDICTS, text);
      return verdict ? { kind: "verdict", verdict } : data;
    }
    case "reopened":
      if (text === "remand") return { kind: "reopen", cause: "remand" };
      if (text === "unhappy feedback" || text === "unhappy_feedback") {
        return { kind: "reopen", cause: "unhappy_feedback" };
      }
      return data;
    case "evidence_deadline_passed": {
      const match = NO_ANSWER.exec(text);
      const who = match
        ? (PartyRole.safeParse(match[1]).data ?? PartySide.safeParse(match[1]).data)
        : undefined;
      return match?.[2] && who ? { kind: "noAnswer", who, dueAt: match[2] } : data;
    }
    case "verification_overdue": {
      const step = oneOf(STEPS, text);
      return step ? { kind: "step", step } : data;
    }
    default:
      return data;
  }
}
