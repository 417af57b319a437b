/**
 * Amounts as people type and read them in their own language. Vietnamese writes two hundred
 * thousand as `200.000` and a decimal comma (`99,5`); English and Chinese write `200,000` and
 * `99.5`. The separators come from Intl for the locale, so parsing and formatting follow the same
 * rules, and the parsed amount is exact (bigint minor units), never a float.
 *
 * The parser refuses rather than guesses: a separator in a place the locale does not put it, or
 * more decimals than the currency has, is an error the agent sees before anything is sent.
 */
import type { Currency } from "../domain/money";
import { CURRENCY_EXPONENT, fromMinorUnits, isFiat } from "./minor-units";

export type AmountEntryError =
  | "empty"
  /** Characters that are not digits or the locale's separators. */
  | "invalid"
  /** A thousands separator not between groups of three (`1000.5` in vi), or a second decimal mark. */
  | "misplaced_separator"
  /** More decimals than the currency has (`1000,5` VND, `9.999` USD). */
  | "too_precise"
  /** More than 18 integer digits: beyond any amount the platforms settle. */
  | "too_large";

export type AmountEntry =
  | { ok: true; decimal: string; minor: bigint }
  | { ok: false; error: AmountEntryError };

export interface LocaleSeparators {
  group: string;
  decimal: string;
}

const separatorCache = new Map<string, LocaleSeparators>();

/** The locale's grouping and decimal marks, as Intl writes them. */
export function separatorsOf(locale: string): LocaleSeparators {
  const cached = separatorCache.get(locale);
  if (cached) return cached;
  const parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
  const found = {
    group: parts.find((p) => p.type === "group")?.value ?? ",",
    decimal: parts.find((p) => p.type === "decimal")?.value ?? ".",
  };
  separatorCache.set(locale, found);
  return found;
}

/** Spaces an agent may type or paste inside a number (regular, no-break, narrow no-break, thin). */
const SPACES = /[\s\u00a0\u202f\u2009]/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Parses what the agent typed into an exact amount of `currency`, by the rules of `locale`.
 * A currency code or symbol typed beside the number is ignored; full-width digits (Chinese IME)
 * count as digits.
 */
export function parseLocaleAmount(text: string, locale: string, currency: Currency): AmountEntry {
  const { group, decimal } = separatorsOf(locale);
  let input = text.normalize("NFKC").replace(SPACES, "");
  // A group mark that Intl writes as a no-break space (fr, ru) is typed as a plain space.
  const groupMark = /^[\s\u00a0\u202f\u2009]$/.test(group) ? "" : group;
  input = input.replace(
    new RegExp(`${escapeRegExp(currency)}$|^${escapeRegExp(currency)}`, "i"),
    "",
  );
  const symbol = currencySymbol(currency, locale);
  if (symbol)
    input = input.replace(new RegExp(`${escapeRegExp(symbol)}$|^${escapeRegExp(symbol)}`), "");
  if (input === "") return { ok: false, error: "empty" };
  const allowed = new RegExp(`^[0-9${escapeRegExp(groupMark)}${escapeRegExp(decimal)}]+$`);
  if (!allowed.test(input)) return { ok: false, error: "invalid" };

  const pieces = input.split(decimal);
  if (pieces.length > 2) return { ok: false, error: "misplaced_separator" };
  const [integerText = "", fraction = ""] = pieces;
  if (fraction.includes(groupMark) && groupMark !== "") {
    return { ok: false, error: "misplaced_separator" };
  }
  if (pieces.length === 2 && fraction === "") return { ok: false, error: "misplaced_separator" };
  let integer = integerText;
  if (groupMark !== "" && integer.includes(groupMark)) {
    const grouped = new RegExp(`^\\d{1,3}(${escapeRegExp(groupMark)}\\d{3})+$`);
    if (!grouped.test(integer)) return { ok: false, error: "misplaced_separator" };
    integer = integer.split(groupMark).join("");
  }
  if (integer === "") integer = "0";
  const significant = integer.replace(/^0+(?=\d)/, "");
  if (significant.length > 18) return { ok: false, error: "too_large" };
  // Decimals beyond the currency's are refused even when they are zeros: `200.000` typed for VND
  // in English may well mean two hundred thousand, and a wrong guess moves 1000× the money.
  const exponent = CURRENCY_EXPONENT[currency];
  if (fraction.length > exponent) return { ok: false, error: "too_precise" };
  const minor = BigInt(significant + fraction.padEnd(exponent, "0"));
  return { ok: true, decimal: fromMinorUnits(minor, currency), minor };
}

function currencySymbol(currency: Currency, locale: string): string | null {
  if (!isFiat(currency)) return null;
  const part = new Intl.NumberFormat(locale, { style: "currency", currency })
    .formatToParts(1)
    .find((p) => p.type === "currency");
  return part?.value ?? null;
}

const formatCache = new Map<string, Intl.NumberFormat>();

function integerFormat(locale: string, currency: Currency): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  const cached = formatCache.get(key);
  if (cached) return cached;
  const format = isFiat(currency)
    ? new Intl.NumberFormat(locale, {
        style: "currency",
        currency,
        minimumFractionDigits: 0,
        maximumFractionDigits: 0,
      })
    : new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  formatCache.set(key, format);
  return format;
}

/**
 * An exact amount as the locale writes money: "200.000 ₫" (vi), "₫200,000" (en), "¥3,499.50"
 * (zh). Fiat shows all its decimals; crypto, which Intl has no symbol for, shows the decimals it
 * has and its code ("98,43 USDT" in vi). The integer goes to Intl as a bigint and the fraction is
 * spliced in as written, so no digit is ever rounded.
 */
export function formatLocaleMoney(decimal: string, currency: Currency, locale: string): string {
  const [whole = "0", rawFraction = ""] = decimal.split(".");
  const fraction = isFiat(currency)
    ? rawFraction.padEnd(CURRENCY_EXPONENT[currency], "0")
    : rawFraction.replace(/0+$/, "");
  const parts = integerFormat(locale, currency).formatToParts(BigInt(whole));
  const lastInteger = parts.findLastIndex((p) => p.type === "integer");
  const { decimal: mark } = separatorsOf(locale);
  const text = parts
    .map((p, i) => (i === lastInteger && fraction ? `${p.value}${mark}${fraction}` : p.value))
    .join("");
  return isFiat(currency) ? text : `${text} ${currency}`;
}

const CRYPTO_NAMES: Readonly<Partial<Record<Currency, string>>> = {
  USDT: "Tether USDT",
  BTC: "Bitcoin",
  ETH: "Ether",
};

/** The currency in words, in the locale: "Đồng Việt Nam", "人民币", "US Dollar". */
export function currencyName(currency: Currency, locale: string): string {
  if (!isFiat(currency)) return CRYPTO_NAMES[currency] ?? currency;
  return new Intl.DisplayNames([locale], { type: "currency" }).of(currency) ?? currency;
}
