import type { AuditVerification } from "@shared/api/audit";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { failureMessage } from "../api/problem-message";
import { useFormatters } from "../i18n/format";
import { useWords } from "../i18n/use-words";
import type { SupervisorApi } from "./supervisor-api";

/**
 * The supervisor runs the audit chain's verification (`GET /audit/verify`) and reads the answer:
 * intact up to the last signed checkpoint, or the first broken entry and why.
 */
export function AuditVerificationPanel({ api }: { api: Pick<SupervisorApi, "verifyAudit"> }) {
  const { t } = useTranslation();
  const words = useWords();
  const format = useFormatters();
  const [result, setResult] = useState<AuditVerification | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isRunning, setRunning] = useState(false);

  async function run() {
    setRunning(true);
    setError(null);
    try {
      setResult(await api.verifyAudit());
    } catch (failure) {
      setError(failureMessage(failure, words));
    } finally {
      setRunning(false);
    }
  }

  return (
    <section className="audit-verification" aria-labelledby="audit-verify-heading">
      <h2 id="audit-verify-heading">{t("supervisor.audit.title")}</h2>
      <p className="muted">{t("supervisor.audit.explain")}</p>
      <button type="button" onClick={() => void run()} disabled={isRunning}>
        {isRunning ? t("supervisor.audit.running") : t("supervisor.audit.run")}
      </button>
      <div role="status">
        {error ? <p className="field-error">{t("supervisor.audit.failed", { error })}</p> : null}
        {result?.ok ? (
          <p className="tag tag-ok">
            {t("supervisor.audit.intact", { count: result.checked })}{" "}
            {result.checkpoint
              ? t("supervisor.audit.checkpoint", {
                  seq: result.checkpoint.seq,
                  when: format.dateTime(result.checkpoint.at),
                })
              : t("supervisor.audit.noCheckpoint")}
          </p>
        ) : null}
        {result && !result.ok && result.firstBroken ? (
          <p className="field-error">
            {t("supervisor.audit.broken", { seq: result.firstBroken.seq })}{" "}
            {t(`supervisor.audit.reason.${result.firstBroken.reason}`)}
          </p>
        ) : null}
      </div>
    </section>
  );
}
