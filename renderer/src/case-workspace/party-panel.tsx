import type { CaseDetail, Evidence, PartyRole } from "@shared/domain/appeal";
import { maskEmail, maskPhone } from "@shared/reports/mask";
import { useTranslation } from "react-i18next";
import { useFormatters } from "../i18n/format";

export function PartyPanel({
  detail,
  role,
  onOpenEvidence,
  onCompareEvidence,
  onReveal,
  contacts,
  revealError,
}: {
  detail: CaseDetail;
  role: PartyRole;
  onOpenEvidence(id: string): void;
  onCompareEvidence(id: string): void;
  /** Asks for the clear contact details; the server audits the reveal before answering. */
  onReveal(): void;
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
        <strong>{party.displayName}</strong>{" "}
        <span className="side-tag">{t(`side.${party.side}`)}</span>{" "}
        <span className="lang-tag" title={t("timeline.language")}>
          {t(`language.${party.language}`)}
        </span>
      </p>
      <dl className="facts">
        <div>
          <dt>{t("party.userId")}</dt>
          <dd className="mono">{party.externalUserId}</dd>
        </div>
        <div>
          <dt>{t("party.phone")}</dt>
          <dd className="mono">
            {party.phone ? (isRevealed ? contacts.phone : maskPhone(party.phone)) : "—"}
          </dd>
        </div>
        <div>
          <dt>{t("party.email")}</dt>
          <dd className="mono">
            {party.email ? (isRevealed ? contacts.email : maskEmail(party.email)) : "—"}
          </dd>
        </div>
      </dl>
      {!isRevealed && (party.phone || party.email) ? (
        <button type="button" className="link-button" onClick={onReveal}>
          {t("party.reveal")}
        </button>
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
      <blockquote className="statement" lang={party.language === "zh" ? "zh-Hans" : party.language}>
        {party.statement || <span className="muted">{t("party.noStatement")}</span>}
      </blockquote>
      {requests.length ? (
        <>
          <h3>{t("party.requests")}</h3>
          <ul className="requests">
            {requests.map((r) => (
              <li key={r.id}>
                {r.what} — {t("party.dueBy", { when: format.dateTime(r.dueAt) })}{" "}
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
                {e.fileName}
              </span>
              <span className="muted"> · {format.dateTime(e.uploadedAt)}</span>
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
