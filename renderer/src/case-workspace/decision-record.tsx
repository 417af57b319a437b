import type { CaseDetail, Decision } from "@shared/domain/appeal";
import { receiverOf } from "@shared/money";
import { useTranslation } from "react-i18next";
import { termsText, useMoneyText } from "../actions/decision-form";

/**
 * Who acted at `at`: the server writes each action's timeline events with the actor's display
 * name at the action's instant, so the record can name deciders without a user directory.
 */
function actorAt(detail: CaseDetail, at: string, fallback: string): string {
  const event = detail.timeline.find((e) => e.at === at && e.actor);
  return event?.actor ?? fallback;
}

function DecisionEntry({ detail, decision }: { detail: CaseDetail; decision: Decision }) {
  const { t, format, money } = useMoneyText(detail);
  // Records from before the money model have no receiver side: derive it the same way.
  const side = decision.receiverSide ?? receiverOf(decision.outcome, detail)?.side ?? null;
  const role = decision.favouredParty;
  const receiver =
    role && side
      ? t("money.receiverLine", {
          name: detail[role].displayName,
          side: t(`side.${side}`),
          role: t(`role.${role}`),
        })
      : t("money.noReceiver");
  const amount = decision.amount
    ? money(decision.amount, decision.currency ?? detail.currency)
    : null;
  const terms = termsText(decision.terms, (a) => money(a), format, t);
  return (
    <article className="decision-entry" aria-label={t(`money.record.${decision.stage}`)}>
      <h3>
        {t(`money.record.${decision.stage}`)}: {t(`outcome.${decision.outcome}`)}
      </h3>
      <dl className="decision-facts">
        <dt>{t("money.record.receiver")}</dt>
        <dd>{receiver}</dd>
        {amount ? (
          <>
            <dt>{t("money.record.amount")}</dt>
            <dd>{amount}</dd>
          </>
        ) : null}
        {terms ? (
          <>
            <dt>{t("money.record.terms")}</dt>
            <dd>{terms}</dd>
          </>
        ) : null}
        <dt>{t("money.record.rationale")}</dt>
        <dd className="rationale" data-user-text="">
          {decision.rationale}
        </dd>
      </dl>
      <p className="hint">
        {t("money.record.by", {
          name: actorAt(detail, decision.decidedAt, decision.decidedBy),
          at: format.dateTime(decision.decidedAt),
        })}
      </p>
    </article>
  );
}

/**
 * The case's decisions as the record holds them: the review on top, then each decision (outcome,
 * who receives by name, side and role, amount, terms, rationale, who and when), then the
 * verification steps with their notes and the parties' comments.
 */
export function DecisionRecord({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const { format } = useMoneyText(detail);
  const reviews = [...detail.reviews].reverse();
  const decisions = [...detail.decisions].reverse();
  const steps = detail.verificationSteps;
  return (
    <section className="decision-record" aria-labelledby="decision-record-heading">
      <h2 id="decision-record-heading">{t("money.record.title")}</h2>
      {decisions.length === 0 && reviews.length === 0 ? <p>{t("money.record.none")}</p> : null}
      {reviews.map((review) => (
        <article key={review.id} className="review-entry">
          <h3>
            {t("money.record.review", { verdict: t(`money.record.verdicts.${review.verdict}`) })}
          </h3>
          <p className="rationale" data-user-text="">
            {review.rationale}
          </p>
          {review.remandTo ? <p>{t("money.record.remandTo", { name: review.remandTo })}</p> : null}
          <p className="hint">
            {t("money.record.by", {
              name: actorAt(detail, review.reviewedAt, review.reviewedBy),
              at: format.dateTime(review.reviewedAt),
            })}
          </p>
        </article>
      ))}
      {decisions.map((decision) => (
        <DecisionEntry key={decision.id} detail={detail} decision={decision} />
      ))}
      {steps.length ? (
        <>
          <h3>{t("money.record.verification")}</h3>
          <ol className="verification-steps">
            {steps.map((step) => (
              <li key={step.id}>
                <strong>{t(`money.record.steps.${step.step}`)}</strong>
                {step.satisfied === null
                  ? ""
                  : ` (${step.satisfied ? t("money.record.satisfied") : t("money.record.unhappy")})`}
                {step.note ? ` — ${step.note}` : ""}
                <span className="hint">
                  {" · "}
                  {t("money.record.by", {
                    name: step.party
                      ? t("money.record.viaPlatform", { role: t(`role.${step.party}`) })
                      : actorAt(detail, step.at, step.byId),
                    at: format.dateTime(step.at),
                  })}
                </span>
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}
