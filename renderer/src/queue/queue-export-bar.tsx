import type { CaseSummary } from "@shared/domain/appeal";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { downloadBlob, exportFileName } from "../exports/download";
import { exportQueue, type QueueExportFormat } from "../exports/queue-export";
import { currentLanguage, type DeskLanguage, LANGUAGE_NAMES, LANGUAGES } from "../i18n/i18n";

/**
 * Export of the queue view on screen (its filters, search and sort), as CSV or XLSX, in a report
 * language the exporter picks (the desk's own by default: a report may be for someone else).
 */
export function QueueExportBar({
  rows,
  userNames,
}: {
  rows: () => readonly CaseSummary[];
  /** Display names by user id: the assignee column names people, not `u-agent2`. */
  userNames: Readonly<Record<string, string>>;
}) {
  const { t, i18n } = useTranslation();
  const [language, setLanguage] = useState<DeskLanguage>(() => currentLanguage(i18n));
  const [notice, setNotice] = useState("");
  const [isBusy, setBusy] = useState(false);
  const id = useId();
  const run = async (format: QueueExportFormat) => {
    setBusy(true);
    try {
      const blob = await exportQueue(rows(), format, {
        i18n,
        language,
        context: { userNames },
      });
      const name = exportFileName("queue", format);
      downloadBlob(name, blob);
      setNotice(t("queueExport.saved", { name }));
    } catch (error) {
      setNotice(t("queueExport.failed", { error: String(error) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="queue-export">
      <label htmlFor={id}>{t("queueExport.language")}</label>
      <select
        id={id}
        value={language}
        onChange={(e) => setLanguage(e.target.value as DeskLanguage)}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} translate="no">
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
      <button type="button" disabled={isBusy} onClick={() => void run("csv")}>
        {t("queueExport.csv")}
      </button>
      <button type="button" disabled={isBusy} onClick={() => void run("xlsx")}>
        {t("queueExport.xlsx")}
      </button>
      <span role="status" className="muted">
        {notice}
      </span>
    </div>
  );
}
