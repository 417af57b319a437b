/**
 * Second-stage review: the first decision and its rationale beside both parties' statements and
 * evidence and the new objection; verdict uphold / overturn (with a new decision) / remand.
 * Actions go through the outbox like every desk action, so they work offline.
 */
import { MUTATIONS, RATIONALE_MIN_LENGTH, type ReviewBody } from "@shared/api/mutations";
import type { CaseDetail, PartyRole } from "@shared/domain/appeal";
import { breaksFourEyes, firstStageDecidersOf } from "@shared/domain/four-eyes";
import type { User } from "@shared/domain/user";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { DecisionForm } from "../actions/decision-form";
import type { CaseView, DeskData } from "../desk-data";
import { useFormatters } from "../i18n/format";
import { objectionsOf } from "../reports/report-model";
import {
  EMPTY_VERDICT,
  explainReviewBlock,
  overturnBodyOf,
  reviewBlock,
  reviewBodyOf,
  type VerdictForm,
} from "./review-rules";

const isPartyRole = (value: string): value is PartyRole =>
  value === "complainant" || value === "respondent";

function PartyColumn({ detail, party: role }: { detail: CaseDetail; party: PartyRole }) {
  const { t } = useTranslation();
  const party = detail[role];
  const evidence = detail.evidence.filter((e) => e.uploadedBy === role);
  return (
    <section className="review-party" aria-label={t(`role.${role}`)}>
      <h3>
        {t("supervisor.review.party", {
          role: t(`role.${role}`),
          name: party.displayName,
          side: t(`side.${party.side}`),
        })}
      </h3>
      <p className="statement" lang={party.language} data-user-text="">
        {party.statement}
      </p>
      <ul className="review-evidence">
        {evidence.map((e) => (
          <li key={e.id}>
            <span data-user-text="">
              {e.fileName} — {e.description}
            </span>{" "}
            <code title="sha256">{e.sha256.slice(0, 16)}…</code>
          </li>
        ))}
        {evidence.length === 0 ? <li>{t("supervisor.review.noEvidence")}</li> : null}
      </ul>
    </section>
  );
}

export function ReviewScreen({
  data,
  user,
  caseId,
  userNames,
  agents,
  onReport,
}: {
  data: DeskData;
  user: User;
  caseId: string;
  userNames: Record<string, string>;
  agents: readonly User[];
  onReport(caseId: string): void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [view, setView] = useState<CaseView | undefined>();
  const [form, setForm] = useState<VerdictForm>(EMPTY_VERDICT);
  const [verdict, setVerdict] = useState<"uphold" | "overturn" | "remand">("uphold");
  const [formRound, setFormRound] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => data.observeCase(caseId, setView), [data, caseId]);

  const detail = view?.detail;
  if (!detail) return <p>{t("supervisor.review.loading")}</p>;
  const block = reviewBlock(detail, user);
  const first = detail.decisions.filter((d) => d.stage === "first").at(-1);
  const objection = objectionsOf(detail).at(-1);
  const firstDeciders = firstStageDecidersOf(detail.decisions);
  const remandTo = agents.filter((a) => a.role === "agent" && !breaksFourEyes(a.id, firstDeciders));
  const body = reviewBodyOf(form);
  const check = MUTATIONS.review.safeParse(body);
  const problem = check.success ? null : (check.error.issues[0]?.message ?? "invalid");
  const set = (patch: Partial<VerdictForm>) => setForm((f) => ({ ...f, ...patch }));

  async function submit(review: ReviewBody) {
    const result = await data.enqueue(caseId, { type: "review", body: review });
    setMessage(
      result.seq === null ? t("supervisor.review.nothingNew") : t("supervisor.review.queued"),
    );
  }

  return (
    <div className="review-screen">
      <header className="review-header">
        <h2>
          {t("supervisor.review.title", {
            reference: detail.reference,
            amount: format.amount(detail.amount, detail.currency),
          })}
        </h2>
        <button type="button" onClick={() => onReport(caseId)}>
          {t("supervisor.review.caseReport")}
        </button>
      </header>
      <div className="review-columns">
        <section aria-label={t("supervisor.review.firstDecision")} className="review-first">
          <h3>{t("supervisor.review.firstDecision")}</h3>
          {first ? (
            <>
              <p>
                <strong>{t(`outcome.${first.outcome}`)}</strong>
                {first.favouredParty
                  ? ` ${t(`supervisor.review.favouring.${first.favouredParty}`)}`
                  : ""}
                {first.amount ? ` — ${format.amount(first.amount, detail.currency)}` : ""} ·{" "}
                {t("supervisor.review.by", {
                  name: userNames[first.decidedBy] ?? first.decidedBy,
                })}
              </p>
              <p className="rationale" data-user-text="">
                {first.rationale}
              </p>
            </>
          ) : (
            <p>{t("supervisor.review.noFirstDecision")}</p>
          )}
          <h3>{t("supervisor.review.objection")}</h3>
          <p className="objection">
            {objection
              ? t("supervisor.review.objectionBy", {
                  party: isPartyRole(objection.party)
                    ? t(`role.${objection.party}`)
                    : objection.party,
                  at: format.dateTime(objection.at),
                  text: objection.text ?? "—",
                })
              : "—"}
          </p>
        </section>
        <PartyColumn detail={detail} party="complainant" />
        <PartyColumn detail={detail} party="respondent" />
      </div>

      {block?.kind === "needs-claim" ? (
        <p>
          {explainReviewBlock(block, userNames, t)}{" "}
          <button
            type="button"
            onClick={() => void data.enqueue(caseId, { type: "claim", body: {} })}
          >
            {t("supervisor.review.claim")}
          </button>
        </p>
      ) : null}
      <section className="verdict-form" aria-label={t("supervisor.review.verdict")}>
        <fieldset disabled={block !== null} aria-describedby="review-block">
          <legend>{t("supervisor.review.verdict")}</legend>
          {block && block.kind !== "needs-claim" ? (
            <p id="review-block" role="note" className="review-block">
              {explainReviewBlock(block, userNames, t)}
            </p>
          ) : null}
          <div role="radiogroup" aria-label={t("supervisor.review.verdict")}>
            {(["uphold", "overturn", "remand"] as const).map((option) => (
              <label key={option}>
                <input
                  type="radio"
                  name="verdict"
                  value={option}
                  checked={verdict === option}
                  onChange={() => {
                    setVerdict(option);
                    if (option !== "overturn") set({ verdict: option });
                  }}
                />
                {t(`supervisor.review.verdicts.${option}`)}
              </label>
            ))}
          </div>
          <label>
            {t("supervisor.review.rationale")}
            <textarea
              required
              value={form.rationale}
              onChange={(e) => set({ rationale: e.target.value })}
            />
          </label>
          {verdict === "overturn" ? (
            // The overturn is a decision: the same form, rules and confirmation as the agent's.
            <section className="new-decision" aria-label={t("money.overturnTitle")}>
              <h3>{t("money.overturnTitle")}</h3>
              <DecisionForm
                key={formRound}
                detail={detail}
                submitLabel={t("money.overturnSubmit")}
                confirmLabel={t("money.overturnConfirm")}
                rationaleLabel={t("supervisor.review.decisionRationale")}
                precheck={() =>
                  form.rationale.trim().length < RATIONALE_MIN_LENGTH
                    ? t("money.reviewRationaleFirst", { min: RATIONALE_MIN_LENGTH })
                    : null
                }
                onCancel={() => setVerdict("uphold")}
                onConfirm={async (decision) => {
                  await submit(overturnBodyOf(form.rationale, decision));
                  setFormRound((n) => n + 1);
                }}
              />
            </section>
          ) : (
            <form
              onSubmit={(event) => {
                event.preventDefault();
                if (!block && !problem) void submit(body);
              }}
            >
              {verdict === "remand" ? (
                <label>
                  {t("supervisor.review.remandTo")}
                  <select value={form.assignee} onChange={(e) => set({ assignee: e.target.value })}>
                    <option value="">{t("supervisor.review.chooseAgent")}</option>
                    {remandTo.map((a) => (
                      <option key={a.id} value={a.id}>
                        {a.displayName}
                      </option>
                    ))}
                  </select>
                </label>
              ) : null}
              {problem && form.rationale ? <p className="field-error">{problem}</p> : null}
              <button type="submit" disabled={problem !== null}>
                {t("supervisor.review.submit")}
              </button>
            </form>
          )}
        </fieldset>
      </section>
      {message ? <p role="status">{message}</p> : null}
    </div>
  );
}
