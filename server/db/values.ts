/** Converts what the drivers return into the wire formats of the shared schemas. */

const CANONICAL_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * Timestamps: both drivers give a Date for timestamptz; strings appear in jsonb (with an offset)
 * and in columns the query already formatted (canonical, passed through untouched).
 */
export function toIso(value: Date | string): string {
  if (typeof value === "string" && CANONICAL_ISO.test(value)) return value;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

export function toIsoOrNull(value: Date | string | null): string | null {
  return value === null ? null : toIso(value);
}

/** numeric(30,8) comes back as "1250.50000000": drop the padding so it reads as a DecimalString. */
export function toDecimal(value: string | number): string {
  const text = String(value);
  if (!text.includes(".")) return text;
  return text.replace(/\.?0+$/, "");
}
