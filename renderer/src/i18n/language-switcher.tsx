import { useTranslation } from "react-i18next";
import { currentLanguage, LANGUAGE_NAMES, LANGUAGES, switchLanguage } from "./i18n";

/** The language picker of the top bar and the sign-in screen; each language named in itself. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  return (
    <label className="inline language">
      <span className="visually-hidden">{t("app.language")}</span>
      <select
        aria-label={t("app.language")}
        value={currentLanguage(i18n)}
        onChange={(e) => {
          const next = LANGUAGES.find((l) => l === e.target.value);
          if (next) void switchLanguage(i18n, next);
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l} translate="no">
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
