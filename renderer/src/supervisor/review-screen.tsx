/**
 * The whole case as the agent saw it, for a supervisor: both parties (the workspace's panels, with
 * an audited reveal), the evidence viewer (images, text, PDFs through pdf.js, each verified
 * against its hash), the SLA clocks, the timeline with the chat; beside them the decision record
 * and the new objection. A case an agent asked about shows why they asked and takes the
 * supervisor's answer; a second-stage appeal takes the verdict uphold / overturn (with a new
 * decision) / remand, under the four-eyes rule. Actions go through the outbox like every desk
 * action, so they work offline.
 */
import { MUTATIONS, RATIONALE_MIN_LENGTH, type ReviewBody } from "@shared/api/mutations";
import type { PartyRole } from "@shared/domain/appeal";
import { breaksFourEyes, firstStageDecidersOf } from "@shared/domain/four-eyes";
import type { User } from "@shared/domain/user";
import type { PartyContacts } from "@shared/reports/contract";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { DecisionForm } from "../actions/decision-form";
import { problemMessage } from "../api/problem-message";
import { DecisionRecord } from "../case-workspace/decision-record";
import { PartyPanel } from "../case-workspace/party-panel";
import { SlaClocks } from "../case-workspace/sla-clocks";
import { Timeline } from "../case-workspace/timeline";
import { wordsFrom } from "../case-workspace/timeline-text";
import type { CaseView, DeskData } from "../desk-data";
import { createEvidenceStore } from "../evidence/evidence-store";
import { EvidenceViewer } from "../evidence/evidence-viewer";
import { useFormatters } from "../i18n/format";
import { objectionsOf } from "../reports/report-model";
import { AskedPanel } from "./review-asked";
import {
  EMPTY_VERDICT,
  explainReviewBlock,
  overturnBodyOf,
  reviewBlock,
  reviewBodyOf,
  type VerdictForm,
} from "./review-rules";
import type { SupervisorApi } from "./supervisor-api";

const isPartyRole = (value: string): value is PartyRole =>
  value === "complainant" || value === "respondent";

export function ReviewScreen({
  data,
  user,
  caseId,
  userNames,
  agents,
  api,
  onReport,
}: {
  data: DeskData;
  user: User;
  caseId: string;
  userNames: Record<string, string>;
  agents: readonly User[];
  /** The audited contact reveal (supervisors may reveal any case's contacts). */
  api: Pick<SupervisorApi, "revealContacts">;
  onReport(caseId: string): void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [view, setView] = useState<CaseView | undefined>();
  const [form, setForm] = useState<VerdictForm>(EMPTY_VERDICT);
  const [verdict, setVerdict] = useState<"uphold" | "overturn" | "remand">("uphold");
  const [formRound, setFormRound] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const [contacts, setContacts] = useState<PartyContacts[] | null>(null);
  const [revealError, setRevealError] = useState<string | null>(null);
  useEffect(() => data.observeCase(caseId, setView), [data, caseId]);
  // The review's own viewer: the workspace's store, for this case; its blob URLs go with it.
  const evidence = useMemo(() => createEvidenceStore(data), [data]);
  useEffect(() => {
    evidence.getState().forCase(caseId);
    setContacts(null);
    return () => evidence.getState().reset();
  }, [evidence, caseId]);

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

  async function reveal(reason: string) {
    setRevealError(null);
    try {
      setContacts(
        (await api.revealContacts(caseId, { purpose: "contact_party", reason })).contacts,
      );
    } catch (error) {
      setRevealError(problemMessage(error, wordsFrom(t)));
    }
  }

  async function submit(review: ReviewBody) {
    const result = await data.enqueue(caseId, { type: "review", body: review });
    setMessage(
      result.seq === null ? t("supervisor.review.nothingNew") : t("supervisor.review.queued"),
    );
  }

  const isSecondStage = detail.stage === "second";
  return (
    <div className="review-screen">
      <header className="review-header">
        <h2>
          {t(isSecondStage ? "supervisor.review.title" : "supervisorQueues.review.title", {
            reference: detail.reference,
            amount: format.amount(detail.amount, detail.currency),
          })}
        </h2>
        <button type="button" onClick={() => onReport(caseId)}>
          {t("supervisor.review.caseReport")}
        </button>
        <a className="link-button" href={`#/cases/${encodeURIComponent(caseId)}`}>
          {t("supervisorQueues.review.openWorkspace")}
        </a>
      </header>
      <AskedPanel detail={detail} data={data} />
      <section className="review-clocks" aria-labelledby="review-clocks-heading">
        <h3 id="review-clocks-heading">{t("supervisorQueues.review.clocks")}</h3>
        <SlaClocks detail={detail} />
      </section>
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
                {/* Amount, receiver and terms: the decision record beside, in the right units. */}
                {" · "}
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
        </section>
        <section aria-label={t("supervisor.review.objection")} className="review-objection">
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
              : t("supervisorQueues.review.noObjection")}
          </p>
        </section>
        <DecisionRecord detail={detail} />
      </div>
      <div className="parties-grid">
        {(["complainant", "respondent"] as const).map((role) => (
          <PartyPanel
            key={role}
            detail={detail}
            role={role}
            canReveal
            onReveal={(reason) => void reveal(reason)}
            contacts={contacts?.find((c) => c.role === role) ?? null}
            revealError={revealError}
            onOpenEvidence={(id) => evidence.getState().show([id])}
            onCompareEvidence={(id) => evidence.getState().compareWith(id)}
          />
        ))}
      </div>
      <EvidenceViewer store={evidence} evidence={detail.evidence} />
      <Timeline detail={detail} />

      {!isSecondStage ? null : (
        <>
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
                      <select
                        value={form.assignee}
                        onChange={(e) => set({ assignee: e.target.value })}
                      >
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
        </>
      )}
      {message ? <p role="status">{message}</p> : null}
    </div>
  );
}
