/**
 * Masking of party contact details for screens and reports. Enough stays visible to recognise a
 * number or address on the phone ("+84 … 678", "n…@example.com"), never enough to dial or mail it.
 */

const DOT = "•";

/** Calling codes of the desk's markets, longest first, for numbers written without spaces. */
const CALLING_CODES = [
  "852",
  "853",
  "886",
  "84",
  "86",
  "81",
  "82",
  "65",
  "60",
  "62",
  "63",
  "66",
  "44",
  "1",
];

function countryCodeOf(phone: string): string {
  if (!phone.startsWith("+")) return "";
  const spaced = /^\+(\d{1,3})[\s-]/.exec(phone)?.[1];
  if (spaced) return spaced;
  const digits = phone.slice(1).replace(/\D/g, "");
  return CALLING_CODES.find((code) => digits.startsWith(code)) ?? "";
}

/** "+84 912 345 678" → "+84 ••• ••• 678": the country code and the last three digits stay. */
export function maskPhone(phone: string | null): string | null {
  if (phone === null || isMasked(phone)) return phone;
  const digits = phone.replace(/\D/g, "");
  if (digits.length <= 4) return DOT.repeat(digits.length);
  const country = countryCodeOf(phone.trim());
  const tail = digits.slice(-3);
  const hidden = Math.max(0, digits.length - country.length - tail.length);
  const middle = DOT.repeat(hidden).replace(/(.{3})(?=.)/g, "$1 ");
  return `${country ? `+${country} ` : ""}${middle} ${tail}`.trim();
}

/** "nguyen.van.a@example.com" → "n•••@example.com": the domain stays, the mailbox does not. */
export function maskEmail(email: string | null): string | null {
  if (email === null || isMasked(email)) return email;
  const at = email.lastIndexOf("@");
  if (at <= 0) return DOT.repeat(Math.min(email.length, 8));
  return `${email.slice(0, 1)}${DOT.repeat(3)}${email.slice(at)}`;
}

/** True for a value masked here: masking is idempotent, so the server and the desk may both mask. */
export function isMasked(value: string | null): boolean {
  return value?.includes(DOT) ?? false;
}

/** What carries party contacts: a case detail, or anything shaped like its contact-bearing parts. */
interface WithContacts {
  complainant: { phone: string | null; email: string | null };
  respondent: { phone: string | null; email: string | null };
  phoneContacts: readonly { phone: string | null }[];
}

/**
 * The one place a case's contacts are masked, used by the server on every response that carries a
 * party (detail, mutation answers, 412 bodies, stored replays, reports). Clear values leave the
 * server only through the audited contact reveal. Returns a copy; the input is left as it was.
 */
export function maskCaseContacts<T extends WithContacts>(detail: T): T {
  const party = <P extends WithContacts["complainant"]>(p: P): P => ({
    ...p,
    phone: maskPhone(p.phone),
    email: maskEmail(p.email),
  });
  return {
    ...detail,
    complainant: party(detail.complainant),
    respondent: party(detail.respondent),
    phoneContacts: detail.phoneContacts.map((c) => ({ ...c, phone: maskPhone(c.phone) })),
  };
}
