/**
 * Exact amounts in a currency's minor units. Every comparison, sum and limit of the money model
 * runs on bigint minor units; decimal strings ("5798000", "3499.50") are only the wire and storage
 * form. No float ever touches an amount: 99,999,999.99 is not representable exactly as a double
 * once it is multiplied or summed, and a refund limit must be exact.
 */
import type { Currency } from "../domain/money";

/**
 * Decimal places of each currency's smallest unit, as the platforms settle them: VND has no
 * subunit in use; CNY/USD/EUR cents; USDT as the exchange books it (6, the token's own precision
 * on the chains it trades on); BTC satoshis; ETH to 8 places because the platform's ledger (and
 * our `numeric(30, 8)` columns) keep 8, not the chain's 18.
 */
export const CURRENCY_EXPONENT: Readonly<Record<Currency, number>> = {
  VND: 0,
  CNY: 2,
  USD: 2,
  EUR: 2,
  USDT: 6,
  BTC: 8,
  ETH: 8,
};

/** ISO 4217 fiat, which Intl can format with its symbol; the others are written as their code. */
export const FIAT_CURRENCIES: readonly Currency[] = ["VND", "CNY", "USD", "EUR"];

export function isFiat(currency: Currency): boolean {
  return FIAT_CURRENCIES.includes(currency);
}

/** Why a decimal string is not an amount of the currency. */
export type MinorUnitsError = "not_a_number" | "too_precise";

/**
 * "3499.5" CNY → 349950n. Refuses more decimals than the currency has (`1000.5` VND), except
 * trailing zeros ("1000.00" VND is exactly 1000).
 */
export function toMinorUnits(
  decimal: string,
  currency: Currency,
): { ok: true; minor: bigint } | { ok: false; error: MinorUnitsError } {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(decimal.trim());
  if (!match) return { ok: false, error: "not_a_number" };
  const exponent = CURRENCY_EXPONENT[currency];
  const whole = match[1] ?? "0";
  const fraction = (match[2] ?? "").replace(/0+$/, "");
  if (fraction.length > exponent) return { ok: false, error: "too_precise" };
  return { ok: true, minor: BigInt(whole + fraction.padEnd(exponent, "0")) };
}

/** 349950n CNY → "3499.50": always the currency's full number of decimals, so equal amounts print equally. */
export function fromMinorUnits(minor: bigint, currency: Currency): string {
  if (minor < 0n) throw new RangeError("amounts are never negative");
  const exponent = CURRENCY_EXPONENT[currency];
  if (exponent === 0) return minor.toString();
  const digits = minor.toString().padStart(exponent + 1, "0");
  return `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/** The canonical decimal of an amount: "1000.00" VND → "1000", "3499.5" CNY → "3499.50". */
export function canonicalAmount(decimal: string, currency: Currency): string | null {
  const parsed = toMinorUnits(decimal, currency);
  return parsed.ok ? fromMinorUnits(parsed.minor, currency) : null;
}

/** Minor units of an amount the server itself holds (the case's disputed amount); throws if corrupt. */
export function minorOf(decimal: string, currency: Currency): bigint {
  const parsed = toMinorUnits(decimal, currency);
  // Stored amounts may carry more places than the currency (legacy rows): round down, never up.
  if (!parsed.ok && parsed.error === "too_precise") {
    const [whole = "0", fraction = ""] = decimal.split(".");
    return BigInt(
      whole +
        fraction.slice(0, CURRENCY_EXPONENT[currency]).padEnd(CURRENCY_EXPONENT[currency], "0"),
    );
  }
  if (!parsed.ok) throw new RangeError(`not an amount: ${decimal}`);
  return parsed.minor;
}
