/**
 * Formatting for reports: locale-independent on purpose (ISO-style dates, grouped decimals), so a
 * report reads the same in every language and its hash does not depend on the exporter's machine.
 */

/** Parts of an instant as a wall clock in `timeZone`, plus the zone's offset, e.g. "GMT+8". */
export function formatInstant(iso: string | null, timeZone: string): string {
  if (iso === null) return "—";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
    timeZoneName: "shortOffset",
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((part) => part.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}:${get("second")} ${get("timeZoneName")}`;
}

/** "25000000.5" → "25,000,000.5": exact, never through a float. */
export function formatDecimal(value: string): string {
  const [whole = "0", fraction] = value.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction ? `${grouped}.${fraction}` : grouped;
}

/** Minor units shown for fiat currencies ("3499.5" CNY prints as 3,499.50); crypto as given. */
const MIN_FRACTION: Readonly<Record<string, number>> = { CNY: 2, USD: 2, EUR: 2 };

export function formatMoney(amount: string, currency: string): string {
  const digits = MIN_FRACTION[currency] ?? 0;
  const [whole = "0", fraction = ""] = amount.split(".");
  const padded = fraction.padEnd(digits, "0");
  return `${formatDecimal(padded ? `${whole}.${padded}` : whole)} ${currency}`;
}

export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / (1024 * 1024)).toFixed(1)} MB`;
}

/** A clock target: working time in working days of `dayMinutes`, wall time in h/min. */
export function formatTarget(
  minutes: number,
  measure: "working" | "wall",
  dayMinutes = 540,
): string {
  if (measure === "working") {
    const days = minutes / dayMinutes;
    return Number.isInteger(days) ? `${days} wd` : `${Math.round(minutes / 60)} wh`;
  }
  if (minutes < 60) return `${minutes} min`;
  if (minutes % (24 * 60) === 0) return `${minutes / (24 * 60)} d`;
  return `${Math.round(minutes / 60)} h`;
}
