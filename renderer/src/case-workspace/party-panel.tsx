import type { CaseDetail, Evidence, PartyRole } from "@shared/domain/appeal";
import { REVEAL_REASON_MIN } from "@shared/reports/contract";
import { maskEmail, maskPhone } from "@shared/reports/mask";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormatters } from "../i18n/format";

export function PartyPanel({
  detail,
  role,
  onOpenEvidence,
  onCompareEvidence,
  onReveal,
  canReveal,
  contacts,
  revealError,
}: {
  detail: CaseDetail;
  role: PartyRole;
  onOpenEvidence(id: string): void;
  onCompareEvidence(id: string): void;
  /** Asks for the clear contact details; the server audits the reveal, with the reason, first. */
  onReveal(reason: string): void;
  /** The case's assignee or a supervisor: the server refuses anyone else, so no one else is asked. */
  canReveal: boolean;
  /** This party's clear contacts once revealed, else null (masked values show). */
  contacts: { phone: string | null; email: string | null } | null;
  revealError: string | null;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const party = detail[role];
  const isRevealed = contacts !== null;
  const evidence = detail.evidence.filter((e: Evidence) => e.uploadedBy === role);
  const requests = detail.evidenceRequests.filter((r) => r.party === role);
  const headingId = `party-${role}`;
  return (
    <section className={`party party-${role}`} aria-labelledby={headingId}>
      <h2 id={headingId}>{t(`role.${role}`)}</h2>
      <p className="party-name">
        <strong data-user-text="">{party.displayName}</strong>{" "}
        <span className="side-tag">{t(`side.${party.side}`)}</span>{" "}
        <span className="lang-tag" title={t("timeline.language")}>
          {t(`language.${party.language}`)}
        </span>
      </p>
      <dl className="facts">
        <div>
          <dt>{t("party.userId")}</dt>
          <dd className="mono" data-user-text="">
            {party.externalUserId}
          </dd>
        </div>
        <div>
          <dt>{t("party.phone")}</dt>
          <dd className="mono" data-user-text="">
            {party.phone ? (isRevealed ? contacts.phone : maskPhone(party.phone)) : "—"}
          </dd>
        </div>
        <div>
          <dt>{t("party.email")}</dt>
          <dd className="mono" data-user-text="">
            {party.email ? (isRevealed ? contacts.email : maskEmail(party.email)) : "—"}
          </dd>
        </div>
      </dl>
      {!isRevealed && (party.phone || party.email) ? (
        canReveal ? (
          <RevealForm onReveal={onReveal} />
        ) : (
          <p className="muted">{t("party.revealNotAllowed")}</p>
        )
      ) : null}
      {revealError ? (
        <p className="field-error" role="alert">
          {t("party.revealFailed", { error: revealError })}
        </p>
      ) : null}
      {role === "complainant" ? (
        <p>
          <span className="muted">{t("party.reasonLabel")}</span>
          {t(`reason.${detail.reason}`)}
        </p>
      ) : null}
      <h3>{t("party.statement")}</h3>
      <blockquote
        className="statement"
        data-user-text={party.statement ? "" : undefined}
        lang={party.language === "zh" ? "zh-Hans" : party.language}
      >
        {party.statement || <span className="muted">{t("party.noStatement")}</span>}
      </blockquote>
      {requests.length ? (
        <>
          <h3>{t("party.requests")}</h3>
          <ul className="requests">
            {requests.map((r) => (
              <li key={r.id}>
                <span data-user-text="">{r.what}</span> —{" "}
                {t("party.dueBy", { when: format.dateTime(r.dueAt) })}{" "}
                {r.fulfilledAt ? (
                  <span className="tag tag-ok">{t("party.fulfilled")}</span>
                ) : r.lapsedAt ? (
                  <span className="tag tag-breached">{t("party.lapsed")}</span>
                ) : r.id.startsWith("pending:") ? (
                  <span className="tag tag-pending">{t("sync.pending")}</span>
                ) : (
                  <span className="tag">{t("party.outstanding")}</span>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>{t("party.evidence", { count: evidence.length })}</h3>
      {evidence.length ? (
        <ul className="evidence-list">
          {evidence.map((e) => (
            <li key={e.id}>
              <span className="file">
                <span className="mime">{t(`mime.${e.mimeType.split("/")[1] as "png"}`)}</span>{" "}
                <span data-user-text="">{e.fileName}</span>
              </span>
              <span className="muted">
                {" · "}
                <time dateTime={e.uploadedAt}>{format.dateTime(e.uploadedAt)}</time>
              </span>
              <span className="evidence-buttons">
                <button
                  type="button"
                  onClick={() => onOpenEvidence(e.id)}
                  aria-label={t("evidence.openNamed", { name: e.fileName })}
                >
                  {t("evidence.open")}
                </button>
                <button
                  type="button"
                  onClick={() => onCompareEvidence(e.id)}
                  aria-label={t("evidence.compareNamed", { name: e.fileName })}
                >
                  {t("evidence.compare")}
                </button>
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("party.noEvidence")}</p>
      )}
    </section>
  );
}

/** "Reveal (recorded)" opens a reason field: the reason goes to the audit trail with the reveal. */
function RevealForm({ onReveal }: { onReveal(reason: string): void }) {
  const { t } = useTranslation();
  const [isAsking, setAsking] = useState(false);
  const [reason, setReason] = useState("");
  const [isTooShort, setTooShort] = useState(false);
  const fieldId = useId();
  if (!isAsking) {
    return (
      <button type="button" className="link-button" onClick={() => setAsking(true)}>
        {t("party.reveal")}
      </button>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < REVEAL_REASON_MIN) {
      setTooShort(true);
      return;
    }
    onReveal(reason.trim());
  };
  return (
    <form className="reveal-form" onSubmit={submit}>
      <label htmlFor={fieldId}>{t("party.revealReason")}</label>
      <input
        id={fieldId}
        type="text"
        value={reason}
        maxLength={500}
        onChange={(e) => {
          setReason(e.target.value);
          setTooShort(false);
        }}
        aria-invalid={isTooShort}
      />
      {isTooShort ? (
        <p className="field-error" role="alert">
          {t("party.revealReasonTooShort", { count: REVEAL_REASON_MIN })}
        </p>
      ) : null}
      <button type="submit">{t("party.revealConfirm")}</button>
      <button type="button" className="link-button" onClick={() => setAsking(false)}>
        {t("party.revealCancel")}
      </button>
    </form>
  );
}
