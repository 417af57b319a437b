import type { Currency } from "@shared/domain/money";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { currentLanguage, type DeskLanguage, isChinese } from "./i18n";

/**
 * Dates, amounts and durations in the agent's language, through Intl.
 *
 * Amounts are decimal strings and stay exact: the integer part is grouped by Intl via BigInt and
 * the fraction is kept as written (a float would turn 25,000,000.10 VND into something else).
 * Crypto assets are not ISO 4217 codes, so the code is always written out beside the number.
 */
export interface Formatters {
  language: DeskLanguage;
  amount(amount: string, currency: Currency): string;
  dateTime(iso: string | number | null): string;
  date(iso: string | number | null): string;
  time(iso: string | number | null): string;
  /** A duration in minutes, coarse (the two largest units): "2 d 4 h", "2 ngày 4 giờ", "2天4小时". */
  duration(minutes: number): string;
}

const cache = new Map<DeskLanguage, Formatters>();

export function formattersFor(language: DeskLanguage): Formatters {
  const cached = cache.get(language);
  if (cached) return cached;
  const integer = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
  const decimal =
    new Intl.NumberFormat(language).formatToParts(1.5).find((p) => p.type === "decimal")?.value ??
    ".";
  const dateTime = new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" });
  const date = new Intl.DateTimeFormat(language, { dateStyle: "medium" });
  const time = new Intl.DateTimeFormat(language, { timeStyle: "short" });
  const unit = (u: "day" | "hour" | "minute") =>
    new Intl.NumberFormat(language, { style: "unit", unit: u, unitDisplay: "narrow" });
  const units = { day: unit("day"), hour: unit("hour"), minute: unit("minute") };
  const at = (value: string | number) => (typeof value === "number" ? value : Date.parse(value));
  const formatters: Formatters = {
    language,
    amount(amount, currency) {
      const [whole = "0", fraction] = amount.split(".");
      return `${integer.format(BigInt(whole))}${fraction ? `${decimal}${fraction}` : ""} ${currency}`;
    },
    dateTime: (value) => (value === null ? "—" : dateTime.format(at(value))),
    date: (value) => (value === null ? "—" : date.format(at(value))),
    time: (value) => (value === null ? "—" : time.format(at(value))),
    duration(minutes) {
      const total = Math.max(0, Math.round(Math.abs(minutes)));
      const days = Math.floor(total / 1_440);
      const hours = Math.floor((total % 1_440) / 60);
      const mins = total % 60;
      const parts: string[] = [];
      if (days) parts.push(units.day.format(days));
      if (hours && parts.length < 2) parts.push(units.hour.format(hours));
      if (!days && (mins || parts.length === 0)) parts.push(units.minute.format(mins));
      return parts.join(isChinese(language) ? "" : " ");
    },
  };
  cache.set(language, formatters);
  return formatters;
}

/** The formatters of the language on screen; re-renders on a language switch. */
export function useFormatters(): Formatters {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return useMemo(() => formattersFor(language), [language]);
}
