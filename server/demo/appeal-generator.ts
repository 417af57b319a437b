import type { PartyAccount } from "@shared/api/case-context";
import type {
  AppealReason,
  CaseKind,
  CaseStatus,
  DecisionOutcome,
  Evidence,
  Language,
  Message,
  Party,
  Payment,
  RegionCalendarId,
  TimelineEvent,
  Trade,
} from "@shared/domain/appeal";
import type { Currency } from "@shared/domain/money";
import { type DecisionTerms, fixedPayoutOf, outcomesFor, receiverOf } from "@shared/money";
import { accountFactsFor, recurringUserId } from "./account-facts";
import { demoScreenshot, demoStatement } from "./evidence-files";
import {
  BANKS,
  CHAT,
  COMPLAINT,
  EVIDENCE_DESCRIPTIONS,
  fill,
  MERCHANTS,
  NAMES,
  OBJECTION,
  RESPONSE,
} from "./phrases";
import { createRandom, type Random } from "./random";

/** One appeal as the demo seed writes it: everything but the ids the database assigns. */
/** A party as the demo seeds it: with the account facts a platform would have sent. */
export type DemoParty = Party & { account: PartyAccount };

export interface DemoAppeal {
  id: string;
  kind: CaseKind;
  reason: AppealReason;
  status: CaseStatus;
  stage: "first" | "second";
  region: RegionCalendarId;
  language: Language;
  amount: string;
  currency: Currency;
  complainant: DemoParty;
  respondent: DemoParty;
  trade: Trade | null;
  payment: Payment | null;
  assignee: string | null;
  filedAt: Date;
  escalatedAt: Date | null;
  messages: Message[];
  evidence: Evidence[];
  timeline: TimelineEvent[];
  /** The first-stage decision of decided, verifying, second-stage and closed cases. */
  decision: {
    outcome: DecisionOutcome;
    favouredParty: "complainant" | "respondent" | null;
    receiverSide: Party["side"] | null;
    amount: string | null;
    currency: string | null;
    terms: DecisionTerms | null;
    rationale: string;
    decidedAt: Date;
  } | null;
}

const P2P_REASONS: readonly AppealReason[] = [
  "paid_not_released",
  "paid_not_released",
  "payment_not_received",
  "wrong_amount_received",
  "payment_failed_refunded",
];
const PAYMENT_REASONS: readonly AppealReason[] = [
  "failed_payment",
  "wrong_amount_charged",
  "duplicate_charge",
  "service_not_delivered",
  "account_takeover",
  "repayment_hardship",
];
/** Buyers complain about unreleased coins; sellers about money that never came. */
const COMPLAINANT_IS_SELLER: ReadonlySet<AppealReason> = new Set([
  "payment_not_received",
  "wrong_amount_received",
]);

const REGION: Record<Language, RegionCalendarId> = { vi: "VN", zh: "CN", en: "UTC" };
const FIAT: Record<Language, Currency> = { vi: "VND", zh: "CNY", en: "USD" };
const PHONE_PREFIX: Record<Language, string> = { vi: "+84 9", zh: "+86 13", en: "+44 7" };
/** Typical P2P ticket sizes per fiat, in whole units, and the USDT price in that fiat. */
const FIAT_RANGE: Record<Language, { min: number; max: number; usdtPrice: number }> = {
  vi: { min: 500_000, max: 80_000_000, usdtPrice: 25_400 },
  zh: { min: 200, max: 50_000, usdtPrice: 7.2 },
  en: { min: 50, max: 8_000, usdtPrice: 1 },
};

const STATUS_WEIGHTS: readonly [CaseStatus, number][] = [
  ["escalated", 50],
  ["in_review", 15],
  ["awaiting_evidence", 10],
  ["awaiting_respondent", 5],
  ["decided", 8],
  ["verifying", 4],
  ["second_stage", 5],
  ["closed", 3],
];

function weighted<T>(random: Random, entries: readonly [T, number][]): T {
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let roll = random.next() * total;
  for (const [value, weight] of entries) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return entries[entries.length - 1]![0];
}

function uuidFrom(random: Random): string {
  const hex = Array.from({ length: 32 }, () => random.int(0, 15).toString(16)).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function money(value: number, currency: Currency): string {
  return currency === "VND"
    ? String(Math.round(value / 1000) * 1000)
    : value.toFixed(2).replace(/\.?0+$/, "");
}

export interface GenerateOptions {
  count: number;
  seed: number;
  /** The instant the demo is seeded at; appeals are filed in the days before it. */
  now: Date;
  /** Agent ids that in-review cases may be assigned to. */
  agentIds: readonly string[];
}

/** Generates `count` realistic appeals, the same ones for the same seed. */
export function generateAppeals({ count, seed, now, agentIds }: GenerateOptions): DemoAppeal[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, (_, index) => generateAppeal(random, now, agentIds, index));
}

function generateAppeal(
  random: Random,
  now: Date,
  agentIds: readonly string[],
  index: number,
): DemoAppeal {
  const language = weighted<Language>(random, [
    ["vi", 45],
    ["zh", 35],
    ["en", 20],
  ]);
  const kind: CaseKind = random.chance(0.6) ? "p2p_trade" : "payment";
  const reason = random.pick(kind === "p2p_trade" ? P2P_REASONS : PAYMENT_REASONS);
  const status = weighted(random, STATUS_WEIGHTS);
  const fiat = FIAT[language];
  const range = FIAT_RANGE[language];
  const fiatValue = range.min + random.next() ** 2 * (range.max - range.min);
  const amount = money(fiatValue, fiat);
  const id = uuidFrom(random);

  // Filed up to 12 days ago; escalation follows the 10-minute respondent window.
  // An appeal still in its 10-minute respondent window was filed minutes ago (any older one would
  // have been escalated): those windows run out one by one after the seed, as they would live.
  const filedAt = new Date(
    now.getTime() -
      (status === "awaiting_respondent" ? random.int(1, 9) : filedMinutesAgo(random)) * 60_000,
  );
  const escalatedAt =
    status === "awaiting_respondent"
      ? null
      : new Date(filedAt.getTime() + random.int(2, 10) * 60_000);
  const createdAt = new Date(filedAt.getTime() - random.int(15, 180) * 60_000);
  const markedPaidAt = new Date(createdAt.getTime() + random.int(3, 14) * 60_000);

  const [complainantName, respondentName] = twoNames(random, language);
  const bank = random.pick(BANKS[language]);
  const merchant = random.pick(MERCHANTS[language]);
  const orderId = `${kind === "p2p_trade" ? "P2P" : "TX"}${String(20_000_000 + index * 37 + random.int(0, 36))}`;
  const values = {
    amount,
    currency: fiat,
    order: orderId,
    bank,
    merchant,
    time: markedPaidAt.toISOString().slice(11, 16),
  };

  const sellerComplains = COMPLAINANT_IS_SELLER.has(reason);
  const complainantSide = kind === "payment" ? "payer" : sellerComplains ? "seller" : "buyer";
  const respondentSide = kind === "payment" ? "merchant" : sellerComplains ? "buyer" : "seller";
  const party = (
    role: "complainant" | "respondent",
    name: string,
    side: Party["side"],
    statement: string,
  ): DemoParty => {
    const drawn = `U${random.int(10_000_000, 99_999_999)}`;
    const externalUserId = (role === "complainant" && recurringUserId("U", index, 5)) || drawn;
    return {
      role,
      side,
      externalUserId,
      displayName: kind === "payment" && role === "respondent" ? merchant : name,
      phone: `${PHONE_PREFIX[language]}${random.int(1_000_000, 9_999_999)}`,
      email: random.chance(0.6) ? `user${random.int(1000, 9999)}@example.com` : null,
      language,
      statement,
      account: accountFactsFor(externalUserId, now, side === "merchant"),
    };
  };
  const complainant = party(
    "complainant",
    complainantName,
    complainantSide,
    fill(random.pick(COMPLAINT[reason][language]), values),
  );
  const respondent = party(
    "respondent",
    respondentName,
    respondentSide,
    status === "awaiting_respondent" ? "" : random.pick(RESPONSE[language]),
  );

  const trade: Trade | null =
    kind === "p2p_trade"
      ? {
          orderId,
          asset: "USDT",
          assetAmount: (fiatValue / range.usdtPrice).toFixed(2),
          fiatAmount: amount,
          fiatCurrency: fiat,
          price: String(range.usdtPrice),
          paymentMethod: bank,
          createdAt: createdAt.toISOString(),
          markedPaidAt: markedPaidAt.toISOString(),
        }
      : null;
  const payment: Payment | null =
    kind === "payment"
      ? {
          transactionId: orderId,
          amount,
          currency: fiat,
          merchant,
          method: bank,
          occurredAt: createdAt.toISOString(),
        }
      : null;

  const at = (base: Date, minutes: number) =>
    new Date(base.getTime() + minutes * 60_000).toISOString();
  const messages: Message[] = Array.from({ length: random.int(2, 5) }, (_, i) => {
    const fromComplainant = i % 2 === 0;
    return {
      id: `${id}-m${i}`,
      author: fromComplainant ? "complainant" : "respondent",
      authorName: fromComplainant ? complainant.displayName : respondent.displayName,
      to: null,
      text: random.pick(CHAT[language]),
      language,
      at: at(filedAt, -10 + i * 2),
    };
  });
  const evidence: Evidence[] = Array.from({ length: random.int(1, 3) }, (_, i) => {
    const byComplainant = i !== 1;
    const description = random.pick(EVIDENCE_DESCRIPTIONS[language]);
    const isPdf = description === EVIDENCE_DESCRIPTIONS[language][1];
    const content = isPdf ? demoStatement(index + i) : demoScreenshot(index * 3 + i);
    return {
      id: `${id}-e${i}`,
      uploadedBy: byComplainant ? "complainant" : "respondent",
      fileName: isPdf ? `statement-${i + 1}.pdf` : `screenshot-${i + 1}.png`,
      mimeType: isPdf ? "application/pdf" : "image/png",
      size: content.bytes.length,
      sha256: content.sha256,
      description,
      uploadedAt: at(filedAt, i * 3),
    };
  });
  const timeline: TimelineEvent[] = [
    {
      id: `${id}-t0`,
      type: "order_created",
      at: createdAt.toISOString(),
      actor: "system",
      summary: orderId,
    },
    ...(kind === "p2p_trade"
      ? [
          {
            id: `${id}-t1`,
            type: "marked_paid" as const,
            at: markedPaidAt.toISOString(),
            actor: complainantSide === "buyer" ? complainant.displayName : respondent.displayName,
            summary: "",
          },
        ]
      : []),
    {
      id: `${id}-t2`,
      type: "appeal_filed",
      at: filedAt.toISOString(),
      actor: complainant.displayName,
      summary: reason,
    },
    ...(escalatedAt
      ? [
          {
            id: `${id}-t3`,
            type: "respondent_answered" as const,
            at: at(escalatedAt, -1),
            actor: respondent.displayName,
            summary: "negotiation_failed",
          },
          {
            id: `${id}-t4`,
            type: "escalated" as const,
            at: escalatedAt.toISOString(),
            actor: "system",
            summary: "",
          },
        ]
      : []),
  ];

  const needsAssignee = status !== "escalated" && status !== "awaiting_respondent";
  const isDecided =
    status === "decided" ||
    status === "verifying" ||
    status === "second_stage" ||
    status === "closed";
  // Demo decisions follow the money model: an outcome of this kind of case, paid to the side it
  // pays (a release to the buyer, whoever complained), with terms where the outcome has them.
  const outcome: DecisionOutcome = random.pick(
    outcomesFor(kind, reason).filter((o) => o !== "compensation" && o !== "repayment_plan"),
  );
  const receiver = receiverOf(outcome, { complainant, respondent });
  const fixed = fixedPayoutOf(outcome, { kind, reason, amount, currency: fiat, trade });
  const payout =
    fixed ??
    (outcome === "partial_refund" ? { amount: money(fiatValue / 2, fiat), currency: fiat } : null);
  // The draw that once picked the favoured side at random, kept so every later draw (and with it
  // the seeded demo data the e2e tests and screenshots rely on) stays as it was.
  if (isDecided && escalatedAt) random.chance(0.7);
  const decision =
    isDecided && escalatedAt
      ? {
          outcome,
          favouredParty: receiver?.role ?? null,
          receiverSide: receiver?.side ?? null,
          amount: payout?.amount ?? null,
          currency: payout?.currency ?? null,
          terms:
            outcome === "mediation"
              ? ({
                  type: "mediation",
                  agreedTerms: "Both parties agreed to settle as discussed on the call with CS.",
                  acceptedBy: { complainant: true, respondent: true },
                } satisfies DecisionTerms)
              : null,
          rationale:
            "The bank records and the chat support the favoured party; the other side did not rebut them in time.",
          // Some hours to days after escalation, but never in the future of a recent escalation.
          decidedAt: new Date(
            Math.max(
              escalatedAt.getTime() + 60_000,
              Math.min(
                escalatedAt.getTime() + random.int(60, 3 * 24 * 60) * 60_000,
                now.getTime() - 60_000,
              ),
            ),
          ),
        }
      : null;
  // What happened after the decision is on the timeline too, so the stored timeline and the SLA
  // columns computed from it agree (the case detail recomputes its clocks from the timeline).
  if (decision) {
    const decidedAt = decision.decidedAt.getTime();
    const after = (minutes: number) =>
      new Date(
        Math.min(decidedAt + minutes * 60_000, Math.max(decidedAt, now.getTime())),
      ).toISOString();
    timeline.push({
      id: `${id}-t5`,
      type: "decided",
      at: decision.decidedAt.toISOString(),
      actor: "Arbitration desk",
      summary: decision.outcome,
    });
    if (status === "second_stage") {
      // The side the first decision went against objects, as the platform files it: the event
      // names the party and its statement is a message at the same instant (no random draw, so
      // the rest of the seeded data stays as it was).
      const objector = decision.favouredParty === "respondent" ? "complainant" : "respondent";
      const objectedAt = after(90);
      timeline.push({
        id: `${id}-t6`,
        type: "appealed",
        at: objectedAt,
        actor: (objector === "complainant" ? complainant : respondent).displayName,
        summary: objector,
      });
      messages.push({
        id: `${id}-objection`,
        author: objector,
        authorName: (objector === "complainant" ? complainant : respondent).displayName,
        to: null,
        text: OBJECTION[language],
        language,
        at: objectedAt,
      });
    }
    if (status === "closed") {
      timeline.push({
        id: `${id}-t7`,
        type: "closed",
        at: after(3 * 24 * 60),
        actor: "system",
        summary: "",
      });
    }
  }
  return {
    id,
    kind,
    reason,
    status,
    stage: status === "second_stage" ? "second" : "first",
    region: REGION[language],
    language,
    amount,
    currency: fiat,
    complainant,
    respondent,
    trade,
    payment,
    assignee: needsAssignee && agentIds.length ? random.pick(agentIds) : null,
    filedAt,
    escalatedAt,
    messages,
    evidence,
    timeline,
    decision,
  };
}

/**
 * How long ago an appeal was filed: most within the last two days, some older, a few well past
 * their deadlines, so a demo queue shows clocks on track, at risk and breached side by side.
 */
function filedMinutesAgo(random: Random): number {
  const roll = random.next();
  if (roll < 0.6) return random.int(20, 2 * 24 * 60);
  if (roll < 0.9) return random.int(2 * 24 * 60, 5 * 24 * 60);
  return random.int(5 * 24 * 60, 12 * 24 * 60);
}

function twoNames(random: Random, language: Language): [string, string] {
  const first = random.pick(NAMES[language]);
  let second = random.pick(NAMES[language]);
  while (second === first) second = random.pick(NAMES[language]);
  return [first, second];
}
