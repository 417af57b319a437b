/**
 * Masking of party contact details for screens and reports. Enough stays visible to recognise a
 * number or address on the phone ("+84 … 678", "n…@example.com"), never enough to dial or mail it.
 */

const DOT = "•";

/** "+84 912 345 678" → "+84 ••• ••• 678": the country code and the last three digits stay. */
export function maskPhone(phone: string | null): string | null {
  if (phone === null) return null;
  const digits = phone.replace(/\D/g, "");
  if (digits.length <= 4) return DOT.repeat(digits.length);
  const country = phone.trim().startsWith("+")
    ? (/^\+(\d{1,3})/.exec(phone.trim())?.[1] ?? "")
    : "";
  const tail = digits.slice(-3);
  const hidden = Math.max(0, digits.length - country.length - tail.length);
  const middle = DOT.repeat(hidden).replace(/(.{3})(?=.)/g, "$1 ");
  return `${country ? `+${country} ` : ""}${middle} ${tail}`.trim();
}

/** "nguyen.van.a@example.com" → "n•••@example.com": the domain stays, the mailbox does not. */
export function maskEmail(email: string | null): string | null {
  if (email === null) return null;
  const at = email.lastIndexOf("@");
  if (at <= 0) return DOT.repeat(Math.min(email.length, 8));
  return `${email.slice(0, 1)}${DOT.repeat(3)}${email.slice(at)}`;
}

/** True when a value is one of ours: masked values never reach a reveal or a dial-out. */
export function isMasked(value: string | null): boolean {
  return value?.includes(DOT) ?? false;
}
