import type { Currency } from "@shared/domain/money";

/**
 * Formats a decimal-string amount without going through a float for the digits that matter:
 * Intl formats the integer part exactly via BigInt, the fraction is kept as written.
 */
export function formatAmount(amount: string, currency: Currency, locale = "en-US"): string {
  const [whole = "0", fraction] = amount.split(".");
  const grouped = new Intl.NumberFormat(locale).format(BigInt(whole));
  const decimalSeparator =
    new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === "decimal")?.value ??
    ".";
  return `${grouped}${fraction ? `${decimalSeparator}${fraction}` : ""} ${currency}`;
}

export function formatDateTime(iso: string | null, locale = "en-GB"): string {
  if (!iso) return "—";
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(
    new Date(iso),
  );
}
