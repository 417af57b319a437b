import i18next, { type i18n as I18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./locales/en";
import { vi } from "./locales/vi";
import { zhHans } from "./locales/zh-hans";
import { zhHant } from "./locales/zh-hant";

/** The languages the desk speaks; the value is also the BCP 47 locale handed to Intl. */
export const LANGUAGES = ["en", "vi", "zh-Hans", "zh-Hant"] as const;
export type DeskLanguage = (typeof LANGUAGES)[number];

/** Each language's name in itself, for the switcher (never translated). */
export const LANGUAGE_NAMES: Record<DeskLanguage, string> = {
  en: "English",
  vi: "Tiếng Việt",
  "zh-Hans": "简体中文",
  "zh-Hant": "繁體中文",
};

/** Chinese in either script: the languages written without spaces between words. */
export function isChinese(language: string): boolean {
  return language === "zh-Hans" || language === "zh-Hant";
}

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof en };
  }
}

const STORAGE_KEY = "arbiter.language";

export function isDeskLanguage(value: unknown): value is DeskLanguage {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** The agent's saved choice, else the first of the system's languages the desk speaks. */
export function detectLanguage(
  saved: string | null,
  preferred: readonly string[] = typeof navigator === "undefined" ? [] : navigator.languages,
): DeskLanguage {
  if (isDeskLanguage(saved)) return saved;
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower.startsWith("vi")) return "vi";
    // Traditional: zh-Hant, zh-TW, zh-HK, zh-MO. Simplified: zh-Hans, zh-CN, zh-SG, bare zh.
    if (
      lower.startsWith("zh-hant") ||
      lower.startsWith("zh-tw") ||
      lower.startsWith("zh-hk") ||
      lower.startsWith("zh-mo")
    ) {
      return "zh-Hant";
    }
    if (lower === "zh" || lower.startsWith("zh-hans") || lower === "zh-cn" || lower === "zh-sg") {
      return "zh-Hans";
    }
    if (lower.startsWith("en")) return "en";
  }
  return "en";
}

function savedLanguage(): string | null {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

/** Creates the desk's i18next instance (one per app; tests make their own). */
export function createI18n(language: DeskLanguage = detectLanguage(savedLanguage())): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: "en",
    supportedLngs: [...LANGUAGES],
    // Only the exact code: "zh-Hans" must not also try to load a bare "zh".
    load: "currentOnly",
    resources: {
      en: { translation: en },
      vi: { translation: vi },
      "zh-Hans": { translation: zhHans },
      "zh-Hant": { translation: zhHant },
    },
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  instance.on("languageChanged", (lng) => {
    if (typeof document !== "undefined") document.documentElement.lang = lng;
  });
  if (typeof document !== "undefined") document.documentElement.lang = language;
  return instance;
}

/** Switches the language at run time and remembers it for the next start. */
export async function switchLanguage(instance: I18n, language: DeskLanguage): Promise<void> {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode: the switch still applies to this session.
  }
  await instance.changeLanguage(language);
}

export function currentLanguage(instance: I18n): DeskLanguage {
  const language = instance.resolvedLanguage ?? instance.language;
  return isDeskLanguage(language) ? language : "en";
}
