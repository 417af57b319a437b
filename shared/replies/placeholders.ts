import type { CaseDetail, Language, PartyRole } from "../domain/appeal";
import { formatLocaleMoney } from "../money/locale-amount";
import { builtinCalendar } from "../sla/builtin-calendars";

/**
 * The placeholders a reply or decision macro may contain, filled from the case. A body naming any
 * other `{name}` is refused when it is saved (`unknownPlaceholders`), so an agent never sends a
 * party a literal "{amout}".
 */
export const REPLY_PLACEHOLDERS = [
  "partyName",
  "counterpartyName",
  "amount",
  "currency",
  "deadline",
  "reference",
  "order",
] as const;
export type ReplyPlaceholder = (typeof REPLY_PLACEHOLDERS)[number];

/** The languages a reply is written in: the desk's four, Chinese in both scripts. */
export const REPLY_LANGUAGES = ["vi", "zh-Hans", "zh-Hant", "en"] as const;
export type ReplyLanguage = (typeof REPLY_LANGUAGES)[number];

const PLACEHOLDER = /\{(\w*)\}/g;
const KNOWN: ReadonlySet<string> = new Set(REPLY_PLACEHOLDERS);

/** Every `{name}` in `text` that is not a placeholder, once each, in order of appearance. */
export function unknownPlaceholders(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? "";
    if (!KNOWN.has(name) && !found.includes(name)) found.push(name);
  }
  return found;
}

/**
 * The reply language for a party: the case says only "zh" for Chinese, and most Chinese-speaking
 * parties of the platform write Simplified; an agent switches to zh-Hant in the picker.
 */
export function replyLanguageOf(language: Language): ReplyLanguage {
  return language === "zh" ? "zh-Hans" : language;
}

/** The locale money and dates are written in for a reply language. */
export const REPLY_LOCALE: Readonly<Record<ReplyLanguage, string>> = {
  vi: "vi-VN",
  "zh-Hans": "zh-CN",
  "zh-Hant": "zh-TW",
  en: "en-US",
};

export type PlaceholderValues = Readonly<Record<ReplyPlaceholder, string>>;

/**
 * What each placeholder says in a message to `to`, written in `language`: the party's own name,
 * the disputed amount in the reader's locale through the money model's formatting (never rounded),
 * the deadline of the party's open evidence request (else the case's SLA deadline) in the case's
 * regional time zone, and the references. A fact the case does not have becomes "—".
 */
export function placeholderValuesFor(
  detail: CaseDetail,
  to: PartyRole,
  language: ReplyLanguage,
): PlaceholderValues {
  const locale = REPLY_LOCALE[language];
  const other: PartyRole = to === "complainant" ? "respondent" : "complainant";
  const openRequest = detail.evidenceRequests
    .filter((r) => r.party === to && r.fulfilledAt === null && r.lapsedAt === null)
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
  const deadline = openRequest?.dueAt ?? detail.dueAt;
  const timeZone = builtinCalendar(detail.region).timeZone;
  return {
    partyName: detail[to].displayName,
    counterpartyName: detail[other].displayName,
    amount: formatLocaleMoney(detail.amount, detail.currency, locale),
    currency: detail.currency,
    deadline: deadline
      ? new Intl.DateTimeFormat(locale, {
          dateStyle: "medium",
          timeStyle: "short",
          timeZone,
        }).format(new Date(deadline))
      : "—",
    reference: detail.reference,
    order: detail.trade?.orderId ?? detail.payment?.transactionId ?? "—",
  };
}

/** `text` with every placeholder replaced; anything else in braces is left as written. */
export function fillReplyText(text: string, values: PlaceholderValues): string {
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    KNOWN.has(name) ? values[name as ReplyPlaceholder] : whole,
  );
}
