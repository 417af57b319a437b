import type { VerificationBody } from "@shared/api/mutations";
import type { CaseDetail } from "@shared/domain/appeal";
import type { DeskAction } from "@shared/domain/desk-action";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Confirmation } from "../actions/confirm";
import { useFormatters } from "../i18n/format";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The three post-decision days, in order; each is due this many days after the decision. */
const STEPS = [
  { id: "records_checked", day: 1 },
  { id: "feedback", day: 2 },
  { id: "confirmed", day: 3 },
] as const;
type StepId = (typeof STEPS)[number]["id"];

/** What the agent is about to record, with the sentence that says what follows from it. */
type Pending = { body: VerificationBody; consequence: string; label: string };

/** Which step is next, from the verification record; null once confirmed. */
export function nextStep(detail: Pick<CaseDetail, "status" | "verification">): StepId | null {
  if (detail.status === "decided") return "records_checked";
  if (detail.status !== "verifying") return null;
  const v = detail.verification;
  if (!v?.feedback) return "feedback";
  return v.confirmedAt ? null : "confirmed";
}

/**
 * Post-decision verification as the agent works it: day 1 the records (refund, release) are
 * checked, day 2 the parties' feedback is recorded (unhappy reopens the case), day 3 the result is
 * confirmed and the case closes. Each step is due a day after the previous one's window; each
 * action states its consequence before it is taken.
 */
export function VerificationPanel({
  detail,
  canAct,
  onSubmit,
  onDone,
}: {
  detail: CaseDetail;
  /** The assignee (or a supervisor) may record steps. */
  canAct: boolean;
  onSubmit(action: DeskAction): Promise<void>;
  onDone(message: string): void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [pending, setPending] = useState<Pending | null>(null);
  const [isBusy, setBusy] = useState(false);
  const decision = detail.decisions.at(-1);
  const next = nextStep(detail);
  if (!decision || (detail.status !== "decided" && detail.status !== "verifying")) return null;
  const decidedAt = Date.parse(decision.decidedAt);
  const dueOf = (day: number) => new Date(decidedAt + day * DAY_MS).toISOString();
  const v = detail.verification;
  const doneAt: Record<StepId, string | null> = {
    records_checked: v?.recordsCheckedAt ?? null,
    feedback: v?.feedback?.at ?? null,
    confirmed: v?.confirmedAt ?? null,
  };
  const ask = (body: VerificationBody, label: string, consequence: string) =>
    setPending({ body, label, consequence });

  return (
    <section className="verification" aria-labelledby="verification-heading">
      <h2 id="verification-heading">{t("verification.title")}</h2>
      <ol className="verification-steps">
        {STEPS.map((step) => {
          const due = dueOf(step.day);
          const done = doneAt[step.id];
          const isOverdue = !done && Date.now() > Date.parse(due);
          return (
            <li
              key={step.id}
              data-step={step.id}
              className={done ? "step-done" : step.id === next ? "step-next" : ""}
            >
              <strong>{t(`verification.steps.${step.id}`, { day: step.day })}</strong>{" "}
              {done ? (
                <span className="tag tag-ok">
                  {t("verification.doneAt", { when: format.dateTime(done) })}
                  {step.id === "feedback" && v?.feedback
                    ? ` · ${t(v.feedback.satisfied ? "verification.satisfied" : "verification.unhappy")}`
                    : ""}
                </span>
              ) : (
                <span className={`tag ${isOverdue ? "tag-breached" : ""}`}>
                  {t(isOverdue ? "verification.overdueSince" : "verification.dueBy", {
                    when: format.dateTime(due),
                  })}
                </span>
              )}
            </li>
          );
        })}
      </ol>
      {pending ? (
        <Confirmation
          confirmLabel={pending.label}
          isBusy={isBusy}
          onBack={() => setPending(null)}
          onConfirm={async () => {
            setBusy(true);
            try {
              await onSubmit({ type: "verification", body: pending.body });
              onDone(t("verification.recorded"));
              setPending(null);
            } finally {
              setBusy(false);
            }
          }}
        >
          {pending.consequence}
        </Confirmation>
      ) : !canAct ? (
        <p className="muted">{t("verification.assigneeOnly")}</p>
      ) : next === "records_checked" ? (
        <div className="button-row">
          <button
            type="button"
            onClick={() =>
              ask(
                { step: "records_checked" },
                t("verification.confirmRecords"),
                t("verification.consequence.records", { when: format.dateTime(dueOf(2)) }),
              )
            }
          >
            {t("verification.recordsChecked")}
          </button>
        </div>
      ) : next === "feedback" ? (
        <div className="button-row">
          <button
            type="button"
            onClick={() =>
              ask(
                { step: "feedback", satisfied: true },
                t("verification.confirmSatisfied"),
                t("verification.consequence.satisfied", { when: format.dateTime(dueOf(3)) }),
              )
            }
          >
            {t("verification.feedbackSatisfied")}
          </button>
          <button
            type="button"
            onClick={() =>
              ask(
                { step: "feedback", satisfied: false },
                t("verification.confirmUnhappy"),
                t("verification.consequence.unhappy"),
              )
            }
          >
            {t("verification.feedbackUnhappy")}
          </button>
        </div>
      ) : next === "confirmed" ? (
        <div className="button-row">
          <button
            type="button"
            className="primary"
            onClick={() =>
              ask(
                { step: "confirmed" },
                t("verification.confirmClose"),
                t("verification.consequence.confirmed", { reference: detail.reference }),
              )
            }
          >
            {t("verification.confirm")}
          </button>
        </div>
      ) : null}
    </section>
  );
}
