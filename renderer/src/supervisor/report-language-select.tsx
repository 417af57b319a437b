import { useId } from "react";
import { useTranslation } from "react-i18next";
import { LANGUAGE_NAMES } from "../i18n/i18n";
import { REPORT_LANGUAGES, type ReportLanguage } from "../reports/report-labels";

/**
 * The exporter's choice of a report's language (any of the desk's four, whatever the desk itself
 * is in): a report may be for a party, an auditor or a colleague in another region.
 */
export function ReportLanguageSelect({
  value,
  onChange,
}: {
  value: ReportLanguage;
  onChange(language: ReportLanguage): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <span className="report-language">
      <label htmlFor={id}>{t("reportLanguage.label")}</label>{" "}
      <select
        id={id}
        value={value}
        onChange={(e) => {
          const chosen = REPORT_LANGUAGES.find((l) => l === e.target.value);
          if (chosen) onChange(chosen);
        }}
      >
        {REPORT_LANGUAGES.map((language) => (
          // Each language's name in itself, never translated.
          <option key={language} value={language} translate="no">
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </select>
    </span>
  );
}
