import { randomUUID } from "node:crypto";
import type {
  AgreementRequest,
  CancelAppealRequest,
  PartyFeedbackRequest,
  PartyMessageRequest,
  RespondentAnswerRequest,
  SecondStageRequest,
} from "@shared/api/integration";
import { AGREEMENT_CONFIRMATION_MS } from "@shared/domain/lifecycle";
import { fileSecondStage, recordVerification } from "../cases/actions";
import type { ActionSpec, Effects } from "../cases/engine";
import { scheduleJob } from "../deadlines/jobs";

/** The agreement's 24-hour identity/information confirmation, wall clock (domain brief). */
export { AGREEMENT_CONFIRMATION_MS };

/** The case enters the CS queue: the moment the domain calls escalation. */
const escalation = (now: Date, summary: string): Effects => ({
  set: { escalated_at: now },
  timeline: [{ type: "escalated", summary }],
});

export function respondentAnswerAction(body: RespondentAnswerRequest, now: Date): ActionSpec {
  return {
    action: "respondent_answer",
    variant: body.answer,
    apply: async (tx, row) => {
      if (body.statement) {
        await tx.query("update parties set statement = $3 where case_id = $1 and role = $2", [
          row.id,
          "respondent",
          body.statement,
        ]);
      }
      const answered: Effects["timeline"] = [{ type: "respondent_answered", summary: body.answer }];
      if (body.answer === "agreement_reached") {
        // The complainant has 24 hours to confirm; unconfirmed, the appeal goes to CS.
        await scheduleJob(
          tx,
          row.id,
          "agreement_confirmation",
          new Date(now.getTime() + AGREEMENT_CONFIRMATION_MS),
        );
        return {
          timeline: [...answered, { type: "agreement_reached" }],
          audit: { answer: body.answer },
        };
      }
      const escalated = escalation(now, "negotiation failed");
      return {
        ...escalated,
        timeline: [...answered, ...(escalated.timeline ?? [])],
        audit: { answer: body.answer },
      };
    },
  };
}

/** The system's own action when the respondent's 10 minutes run out. */
export function respondentTimeoutAction(now: Date): ActionSpec {
  return {
    action: "respondent_timeout",
    variant: "default",
    apply: async () => escalation(now, "no answer within 10 minutes"),
  };
}

const cancel = (now: Date, reason: string): ActionSpec => ({
  action: "cancel_appeal",
  variant: "default",
  apply: async () => ({
    set: { cancelled_at: now },
    timeline: [{ type: "cancelled", summary: reason }, { type: "closed" }],
  }),
});

export function agreementAction(body: AgreementRequest, now: Date): ActionSpec {
  if (body.confirmed) return cancel(now, "agreement confirmed");
  return {
    action: "agreement_lapsed",
    variant: "default",
    apply: async () => {
      const escalated = escalation(now, "agreement not confirmed");
      return {
        ...escalated,
        timeline: [{ type: "agreement_lapsed" }, ...(escalated.timeline ?? [])],
      };
    },
  };
}

export function cancelAction(body: CancelAppealRequest, now: Date): ActionSpec {
  return cancel(now, body.reason || "withdrawn by the complainant");
}

export function partyMessageAction(body: PartyMessageRequest, now: Date): ActionSpec {
  return {
    action: "party_message",
    variant: "default",
    apply: async (tx, row) => {
      const [party] = await tx.query<{ display_name: string; language: string }>(
        "select display_name, language from parties where case_id = $1 and role = $2",
        [row.id, body.from],
      );
      await tx.query(
        `insert into messages (id, case_id, author, author_name, recipient, text, language, at)
         values ($1, $2, $3, $4, null, $5, $6, $7)`,
        [
          randomUUID(),
          row.id,
          body.from,
          party?.display_name ?? body.from,
          body.text,
          body.language ?? party?.language ?? "en",
          now,
        ],
      );
      return { audit: { from: body.from } };
    },
  };
}

export function secondStageAction(body: SecondStageRequest, now: Date): ActionSpec {
  return {
    action: "second_stage_appeal",
    variant: "default",
    apply: (tx, row) => fileSecondStage(tx, row, body.party, body.statement, now),
  };
}

export function feedbackAction(body: PartyFeedbackRequest, now: Date): ActionSpec {
  return {
    action: "verify",
    variant: body.satisfied ? "feedback_satisfied" : "feedback_unhappy",
    apply: async (tx, row) => {
      const effects = await recordVerification(tx, row.id, {
        step: "feedback",
        satisfied: body.satisfied,
        note: body.comment,
        party: body.party,
        byId: "platform",
        now,
      });
      return { ...effects, audit: { ...effects.audit, party: body.party } };
    },
  };
}
