/**
 * Second-stage review: the first decision and its rationale beside both parties' statements and
 * evidence and the new objection; verdict uphold / overturn (with a new decision) / remand.
 * Actions go through the outbox like every desk action, so they work offline.
 */
import { MUTATIONS } from "@shared/api/mutations";
import { type CaseDetail, DecisionOutcome, type PartyRole } from "@shared/domain/appeal";
import type { User } from "@shared/domain/user";
import { useEffect, useState } from "react";
import { objectionsOf } from "../reports/report-model";
import type { CaseView, DeskData } from "../sync/index";
import {
  EMPTY_VERDICT,
  explainReviewBlock,
  reviewBlock,
  reviewBodyOf,
  type VerdictForm,
} from "./review-rules";

function PartyColumn({ detail, party: role }: { detail: CaseDetail; party: PartyRole }) {
  const party = detail[role];
  const evidence = detail.evidence.filter((e) => e.uploadedBy === role);
  return (
    <section
      className="review-party"
      aria-label={role === "complainant" ? "Complainant" : "Respondent"}
    >
      <h3>
        {role === "complainant" ? "Complainant" : "Respondent"}: {party.displayName} ({party.side})
      </h3>
      <p className="statement" lang={party.language}>
        {party.statement}
      </p>
      <ul className="review-evidence">
        {evidence.map((e) => (
          <li key={e.id}>
            {e.fileName} — {e.description} <code title="sha256">{e.sha256.slice(0, 16)}…</code>
          </li>
        ))}
        {evidence.length === 0 ? <li>No evidence from this party.</li> : null}
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
  const [view, setView] = useState<CaseView | undefined>();
  const [form, setForm] = useState<VerdictForm>(EMPTY_VERDICT);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => data.observeCase(caseId, setView), [data, caseId]);

  const detail = view?.detail;
  if (!detail) return <p>Loading the case…</p>;
  const block = reviewBlock(detail, user);
  const first = detail.decisions.filter((d) => d.stage === "first").at(-1);
  const objection = objectionsOf(detail).at(-1);
  const firstDeciders = new Set(
    detail.decisions.filter((d) => d.stage === "first").map((d) => d.decidedBy),
  );
  const remandTo = agents.filter((a) => a.role === "agent" && !firstDeciders.has(a.id));
  const body = reviewBodyOf(form);
  const check = MUTATIONS.review.safeParse(body);
  const problem = check.success ? null : (check.error.issues[0]?.message ?? "invalid");
  const set = (patch: Partial<VerdictForm>) => setForm((f) => ({ ...f, ...patch }));

  async function submit() {
    const result = await data.enqueue(caseId, { type: "review", body });
    setMessage(
      result.seq === null ? "Nothing new to send." : "Review queued; it syncs when online.",
    );
  }

  return (
    <div className="review-screen">
      <header className="review-header">
        <h2>
          Second-stage review — {detail.reference} · {detail.amount} {detail.currency}
        </h2>
        <button type="button" onClick={() => onReport(caseId)}>
          Case report
        </button>
      </header>
      <div className="review-columns">
        <section aria-label="First decision" className="review-first">
          <h3>First decision</h3>
          {first ? (
            <>
              <p>
                <strong>{first.outcome.replaceAll("_", " ")}</strong>
                {first.favouredParty ? ` for the ${first.favouredParty}` : ""}
                {first.amount ? ` — ${first.amount} ${detail.currency}` : ""} · by{" "}
                {userNames[first.decidedBy] ?? first.decidedBy}
              </p>
              <p className="rationale">{first.rationale}</p>
            </>
          ) : (
            <p>No first decision recorded.</p>
          )}
          <h3>Objection</h3>
          <p className="objection">
            {objection
              ? `${objection.party}, ${objection.at.slice(0, 16).replace("T", " ")}: ${objection.text ?? "—"}`
              : "—"}
          </p>
        </section>
        <PartyColumn detail={detail} party="complainant" />
        <PartyColumn detail={detail} party="respondent" />
      </div>

      {block?.kind === "needs-claim" ? (
        <p>
          {explainReviewBlock(block, userNames)}{" "}
          <button
            type="button"
            onClick={() => void data.enqueue(caseId, { type: "claim", body: {} })}
          >
            Claim for review
          </button>
        </p>
      ) : null}
      <form
        className="verdict-form"
        aria-label="Verdict"
        onSubmit={(event) => {
          event.preventDefault();
          if (!block && !problem) void submit();
        }}
      >
        <fieldset disabled={block !== null} aria-describedby="review-block">
          <legend>Verdict</legend>
          {block && block.kind !== "needs-claim" ? (
            <p id="review-block" role="note" className="review-block">
              {explainReviewBlock(block, userNames)}
            </p>
          ) : null}
          <div role="radiogroup" aria-label="Verdict">
            {(["uphold", "overturn", "remand"] as const).map((verdict) => (
              <label key={verdict}>
                <input
                  type="radio"
                  name="verdict"
                  value={verdict}
                  checked={form.verdict === verdict}
                  onChange={() => set({ verdict })}
                />
                {verdict === "uphold" ? "Uphold" : verdict === "overturn" ? "Overturn" : "Remand"}
              </label>
            ))}
          </div>
          {form.verdict === "overturn" ? (
            <div className="new-decision">
              <label>
                New outcome
                <select
                  value={form.outcome}
                  onChange={(e) => set({ outcome: DecisionOutcome.parse(e.target.value) })}
                >
                  {DecisionOutcome.options.map((o) => (
                    <option key={o} value={o}>
                      {o.replaceAll("_", " ")}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                In favour of
                <select
                  value={form.favouredParty}
                  onChange={(e) =>
                    set({
                      favouredParty:
                        e.target.value === "complainant" || e.target.value === "respondent"
                          ? e.target.value
                          : "",
                    })
                  }
                >
                  <option value="">—</option>
                  <option value="complainant">Complainant</option>
                  <option value="respondent">Respondent</option>
                </select>
              </label>
              {form.outcome === "partial_refund" ? (
                <label>
                  Amount
                  <input value={form.amount} onChange={(e) => set({ amount: e.target.value })} />
                </label>
              ) : null}
              <label>
                Decision rationale
                <textarea
                  value={form.decisionRationale}
                  onChange={(e) => set({ decisionRationale: e.target.value })}
                />
              </label>
            </div>
          ) : null}
          {form.verdict === "remand" ? (
            <label>
              Remand to
              <select value={form.assignee} onChange={(e) => set({ assignee: e.target.value })}>
                <option value="">Choose an agent</option>
                {remandTo.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.displayName}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <label>
            Rationale
            <textarea
              required
              value={form.rationale}
              onChange={(e) => set({ rationale: e.target.value })}
            />
          </label>
          {problem && form.rationale ? <p className="field-error">{problem}</p> : null}
          <button type="submit" disabled={problem !== null}>
            Submit review
          </button>
        </fieldset>
      </form>
      {message ? <p role="status">{message}</p> : null}
    </div>
  );
}
