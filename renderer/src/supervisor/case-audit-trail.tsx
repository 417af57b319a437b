import type { AuditEntry, AuditLog } from "@shared/api/audit";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { failureMessage } from "../api/problem-message";
import { useFormatters } from "../i18n/format";
import { useWords } from "../i18n/use-words";
import { auditActionWords, auditActor } from "./audit-action";

/**
 * One case's audit entries on the supervisor's audit screen (`GET /cases/:id/audit`): who did
 * what and when, and for a contact reveal the reason given, so a reveal can be checked.
 */
export function CaseAuditTrail({
  api,
  userNames,
}: {
  api: { caseAudit(caseId: string): Promise<AuditLog> };
  userNames: Record<string, string>;
}) {
  const { t } = useTranslation();
  const words = useWords();
  const format = useFormatters();
  const [caseId, setCaseId] = useState("");
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isLoading, setLoading] = useState(false);

  async function show(event: FormEvent) {
    event.preventDefault();
    const id = caseId.trim();
    if (!id) return;
    setLoading(true);
    setError(null);
    try {
      setEntries((await api.caseAudit(id)).entries);
    } catch (failure) {
      setEntries(null);
      setError(failureMessage(failure, words));
    } finally {
      setLoading(false);
    }
  }

  return (
    <section className="audit-verification" aria-labelledby="case-audit-heading">
      <h2 id="case-audit-heading">{t("supervisor.audit.trail.title")}</h2>
      <form onSubmit={(event) => void show(event)}>
        <label>
          {t("supervisor.audit.trail.caseId")}{" "}
          <input value={caseId} onChange={(event) => setCaseId(event.target.value)} />
        </label>{" "}
        <button type="submit" disabled={isLoading || !caseId.trim()}>
          {isLoading ? t("supervisor.audit.trail.loading") : t("supervisor.audit.trail.show")}
        </button>
      </form>
      {error ? (
        <p className="field-error" role="alert">
          {t("supervisor.audit.trail.failed", { error })}
        </p>
      ) : null}
      {entries && entries.length === 0 ? <p>{t("supervisor.audit.trail.empty")}</p> : null}
      {entries && entries.length > 0 ? (
        <table aria-labelledby="case-audit-heading">
          <thead>
            <tr>
              <th>{t("supervisor.audit.trail.when")}</th>
              <th>{t("supervisor.audit.trail.who")}</th>
              <th>{t("supervisor.audit.trail.action")}</th>
              <th>{t("supervisor.audit.trail.details")}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => {
              const action = auditActionWords(entry.action, t);
              const actor = auditActor(entry, userNames, t);
              return (
                <tr key={entry.seq}>
                  <td>
                    <time dateTime={entry.at}>{format.dateTime(entry.at)}</time>
                  </td>
                  <td>
                    {actor.isPerson ? <span data-user-text="">{actor.name}</span> : actor.name}
                  </td>
                  <td>
                    {action.label}
                    {action.detail ? ` — ${action.detail}` : null}
                    {action.code ? (
                      <>
                        {" "}
                        <code>{action.code}</code>
                      </>
                    ) : null}
                  </td>
                  <td>
                    {entry.action === "contact_reveal" && typeof entry.details.reason === "string"
                      ? t("supervisor.audit.trail.reason", { reason: entry.details.reason })
                      : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
