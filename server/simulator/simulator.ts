import { randomUUID } from "node:crypto";
import type { FileAppealRequest, IntegrationResponse } from "@shared/api/integration";
import { type PlatformEvent, PlatformEventsPage } from "@shared/api/platform-events";
import type { AppealReason, CaseDetail, Language } from "@shared/domain/appeal";
import type { Currency } from "@shared/domain/money";
import { accountFactsFor, recurringUserId } from "../demo/account-facts";
import { BANKS, CHAT, COMPLAINT, fill, MERCHANTS, NAMES } from "../demo/phrases";
import { createRandom, type Random } from "../demo/random";
import { EVIDENCE_REPLY, FEEDBACK, OBJECTION, RESPONDENT_ANSWER } from "./lines";
import { receiptImage } from "./png";

/**
 * The appeal simulator: plays the exchange / payment platform against a running server, through
 * the integration API only. Every choice comes from the seeded PRNG, so `--seed 42` makes the
 * same appeals and the same story for each (timings are real time and so vary a little).
 */
export interface SimulatorOptions {
  baseUrl: string;
  serviceToken: string;
  seed: number;
  /** New appeals per minute. */
  ratePerMinute: number;
  /** Stop after this many filings (tests); unlimited when absent. */
  maxAppeals?: number;
  log: (line: string) => void;
}

type Fate = "answer_failed" | "answer_agreed_confirm" | "answer_agreed_lapse" | "no_answer";

interface Tracked {
  id: string;
  language: Language;
  fate: Fate;
  /** How this appeal's parties treat evidence requests. */
  evidence: "on_time" | "late" | "never";
  appeals: boolean;
  answeredRequests: Set<string>;
  /** Requests a late party answers once the deadline has passed. */
  lateRequests: Map<string, "complainant" | "respondent">;
  done: boolean;
}

/** The simulated trade (or payment) as the platform holds it: escrowed until CS decides. */
export type TradeState = "escrow" | "released" | "cancelled" | "refunded" | "settled";

/** What the platform did with each decision: release the coins, cancel the order, refund. */
export function tradeStateOf(outcome: string): TradeState {
  if (outcome === "release") return "released";
  if (outcome === "cancel_order") return "cancelled";
  if (outcome === "full_refund" || outcome === "partial_refund") return "refunded";
  return "settled";
}

const FIAT: Record<
  Language,
  { currency: Currency; min: number; max: number; price: number; region: "VN" | "CN" | "UTC" }
> = {
  vi: { currency: "VND", min: 500_000, max: 60_000_000, price: 25_400, region: "VN" },
  zh: { currency: "CNY", min: 200, max: 40_000, price: 7.2, region: "CN" },
  en: { currency: "USD", min: 50, max: 6_000, price: 1, region: "UTC" },
};
const P2P: readonly AppealReason[] = [
  "paid_not_released",
  "payment_not_received",
  "wrong_amount_received",
];
const PAYMENTS: readonly AppealReason[] = [
  "failed_payment",
  "duplicate_charge",
  "service_not_delivered",
  "wrong_amount_charged",
];

export function buildFiling(random: Random, index: number, now: Date): FileAppealRequest {
  const language = random.pick<Language>(["vi", "vi", "zh", "zh", "en"]);
  const fiat = FIAT[language];
  const kind = random.chance(0.6) ? "p2p_trade" : "payment";
  const reason = random.pick(kind === "p2p_trade" ? P2P : PAYMENTS);
  const value = fiat.min + random.next() ** 2 * (fiat.max - fiat.min);
  const amount =
    fiat.currency === "VND" ? String(Math.round(value / 1000) * 1000) : value.toFixed(2);
  const [a, b] = [random.pick(NAMES[language]), random.pick(NAMES[language])];
  const bank = random.pick(BANKS[language]);
  const merchant = random.pick(MERCHANTS[language]);
  const order = `SIM${random.int(100_000, 999_999)}${index}`;
  const createdAt = new Date(now.getTime() - random.int(20, 90) * 60_000);
  const paidAt = new Date(createdAt.getTime() + random.int(3, 12) * 60_000);
  const sellerComplains = reason === "payment_not_received" || reason === "wrong_amount_received";
  const party = (name: string, side: "buyer" | "seller" | "payer" | "merchant") => {
    const drawn = `S${random.int(10_000_000, 99_999_999)}`;
    const isComplainant = side === "payer" || side === (sellerComplains ? "seller" : "buyer");
    const externalUserId = (isComplainant && recurringUserId("S", index, 4)) || drawn;
    return {
      side,
      externalUserId,
      displayName: name,
      phone: `${language === "vi" ? "+84 9" : language === "zh" ? "+86 13" : "+44 7"}${random.int(1_000_000, 9_999_999)}`,
      email: null,
      language,
      account: accountFactsFor(externalUserId, now, side === "merchant"),
    };
  };
  return {
    kind,
    reason,
    region: fiat.region,
    amount,
    currency: fiat.currency,
    complainant: party(a, kind === "payment" ? "payer" : sellerComplains ? "seller" : "buyer"),
    respondent: party(
      kind === "payment" ? merchant : b,
      kind === "payment" ? "merchant" : sellerComplains ? "buyer" : "seller",
    ),
    statement: fill(random.pick(COMPLAINT[reason][language]), {
      amount,
      currency: fiat.currency,
      order,
      bank,
      merchant,
      time: paidAt.toISOString().slice(11, 16),
    }),
    trade:
      kind === "p2p_trade"
        ? {
            orderId: order,
            asset: "USDT",
            assetAmount: (value / fiat.price).toFixed(2),
            fiatAmount: amount,
            fiatCurrency: fiat.currency,
            price: String(fiat.price),
            paymentMethod: bank,
            createdAt: createdAt.toISOString(),
            markedPaidAt: paidAt.toISOString(),
          }
        : null,
    payment:
      kind === "payment"
        ? {
            transactionId: order,
            amount,
            currency: fiat.currency,
            merchant,
            method: bank,
            occurredAt: createdAt.toISOString(),
          }
        : null,
    priority: random.pick(["normal", "normal", "normal", "high", "urgent", "low"] as const),
  };
}

export function runSimulator(options: SimulatorOptions): {
  stop: () => Promise<void>;
  done: Promise<void>;
  /** Each appeal's trade as the platform holds it, by case id. */
  trades: ReadonlyMap<string, TradeState>;
  /** Messages from CS each appeal's parties received, by case id. */
  inbox: ReadonlyMap<string, number>;
} {
  const random = createRandom(options.seed);
  const tracked: Tracked[] = [];
  const trades = new Map<string, TradeState>();
  const inbox = new Map<string, number>();
  let stopped = false;
  let filed = 0;
  let feedCursor = 0;

  const call = async (method: "GET" | "POST", path: string, body?: unknown, form?: FormData) => {
    const response = await fetch(`${options.baseUrl}/api/v1/integration/appeals${path}`, {
      method,
      headers: {
        authorization: `Bearer ${options.serviceToken}`,
        ...(method === "POST" ? { "idempotency-key": randomUUID() } : {}),
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
      },
      body: form ?? (body !== undefined ? JSON.stringify(body) : undefined),
    });
    if (!response.ok) {
      options.log(`${method} ${path} → ${response.status}`);
      return null;
    }
    return ((await response.json()) as IntegrationResponse).case;
  };

  const upload = (
    id: string,
    party: "complainant" | "respondent",
    language: Language,
    success: boolean,
  ) => {
    const form = new FormData();
    form.set("party", party);
    form.set("description", random.pick(EVIDENCE_REPLY[language]));
    form.set(
      "file",
      new Blob([new Uint8Array(receiptImage(random.int(1, 1_000_000), success))], {
        type: "image/png",
      }),
      "receipt.png",
    );
    return call("POST", `/${id}/evidence`, undefined, form);
  };

  const fileOne = async () => {
    const body = buildFiling(random, filed, new Date());
    filed += 1;
    const created = await call("POST", "", body);
    if (!created) return;
    const language = body.complainant.language;
    const fate = random.pick<Fate>([
      "answer_failed",
      "answer_failed",
      "answer_failed",
      "answer_agreed_confirm",
      "answer_agreed_lapse",
      "no_answer",
      "no_answer",
    ]);
    tracked.push({
      id: created.id,
      language,
      fate,
      evidence: random.pick(["on_time", "on_time", "late", "never"] as const),
      appeals: random.chance(0.2),
      answeredRequests: new Set(),
      lateRequests: new Map(),
      done: false,
    });
    trades.set(created.id, "escrow");
    await upload(created.id, "complainant", language, body.reason !== "payment_not_received");
    await call("POST", `/${created.id}/messages`, {
      from: "complainant",
      text: random.pick(CHAT[language]),
    });
    options.log(`filed ${created.reference} (${language}, ${body.reason}, ${fate})`);
  };

  /** Moves one tracked appeal on, from what the server says it is now. */
  const advance = async (item: Tracked) => {
    const current: CaseDetail | null = await call("GET", `/${item.id}`);
    if (!current) return;
    const lang = item.language;
    switch (current.status) {
      case "awaiting_respondent":
        if (item.fate === "no_answer") return; // the server escalates after 10 minutes
        await call("POST", `/${item.id}/messages`, {
          from: "respondent",
          text: random.pick(CHAT[lang]),
        });
        await call("POST", `/${item.id}/respondent-answer`, {
          answer: item.fate === "answer_failed" ? "negotiation_failed" : "agreement_reached",
          statement: random.pick(RESPONDENT_ANSWER[lang]),
        });
        return;
      case "agreed":
        await call("POST", `/${item.id}/agreement`, {
          confirmed: item.fate === "answer_agreed_confirm",
        });
        return;
      case "decided":
      case "verifying":
        if (item.appeals && current.stage === "first") {
          const loser =
            current.decisions.at(-1)?.favouredParty === "complainant"
              ? "respondent"
              : "complainant";
          await call("POST", `/${item.id}/second-stage`, {
            party: loser,
            statement: random.pick(OBJECTION[lang]),
          });
        } else if (current.status === "verifying" && !current.verification?.feedback) {
          const satisfied = random.chance(0.85);
          await call("POST", `/${item.id}/feedback`, {
            party: "complainant",
            satisfied,
            comment: random.pick(FEEDBACK[lang]).slice(0, 2_000),
          });
        }
        return;
      case "closed":
        item.done = true;
        return;
      default:
        return;
    }
  };

  /**
   * What CS told the platform, from the pull feed (the same events the webhooks carry): parties
   * answer evidence requests on time, late (after the deadline passed) or never; receive CS's
   * messages; and the escrowed trade is released, cancelled or refunded when a decision arrives.
   */
  const onEvent = async (event: PlatformEvent) => {
    const item = tracked.find((t) => t.id === event.caseId);
    if (!item) return;
    switch (event.type) {
      case "evidence_request":
        if (item.answeredRequests.has(event.data.requestId) || item.evidence === "never") return;
        if (item.evidence === "late") {
          item.lateRequests.set(event.data.requestId, event.data.party);
          return;
        }
        item.answeredRequests.add(event.data.requestId);
        await upload(item.id, event.data.party, item.language, true);
        return;
      case "evidence_reminder":
        options.log(`${event.reference}: ${event.data.party} reminded (due ${event.data.dueAt})`);
        return;
      case "evidence_deadline_passed": {
        const party = item.lateRequests.get(event.data.requestId);
        options.log(`${event.reference}: ${event.data.party} missed the deadline`);
        if (!party) return;
        item.lateRequests.delete(event.data.requestId);
        item.answeredRequests.add(event.data.requestId);
        await upload(item.id, party, item.language, true);
        return;
      }
      case "message":
        inbox.set(item.id, (inbox.get(item.id) ?? 0) + 1);
        options.log(`${event.reference}: ${event.data.to} received a message from CS`);
        return;
      case "decision": {
        const state = tradeStateOf(event.data.outcome);
        trades.set(item.id, state);
        options.log(`${event.reference}: trade ${state} (${event.data.outcome})`);
        return;
      }
      default:
        options.log(`${event.reference}: ${event.type}`);
    }
  };

  const readFeed = async () => {
    for (;;) {
      const response = await fetch(
        `${options.baseUrl}/api/v1/integration/events?since=${feedCursor}&limit=200`,
        { headers: { authorization: `Bearer ${options.serviceToken}` } },
      );
      if (!response.ok) return;
      const page = PlatformEventsPage.parse(await response.json());
      for (const event of page.events) {
        await onEvent(event).catch((error: unknown) =>
          options.log(`event ${event.id} failed: ${String(error)}`),
        );
      }
      feedCursor = page.next;
      if (page.events.length < 200) return;
    }
  };

  const intervalMs = 60_000 / options.ratePerMinute;
  const done = (async () => {
    while (!stopped) {
      if (options.maxAppeals === undefined || filed < options.maxAppeals) {
        await fileOne().catch((error: unknown) => options.log(`filing failed: ${String(error)}`));
      }
      await readFeed().catch((error: unknown) => options.log(`feed failed: ${String(error)}`));
      for (const item of tracked.filter((t) => !t.done).slice(-50)) {
        if (stopped) break;
        await advance(item).catch((error: unknown) =>
          options.log(`advance failed: ${String(error)}`),
        );
      }
      const finished =
        options.maxAppeals !== undefined &&
        filed >= options.maxAppeals &&
        tracked.every((t) => t.done);
      if (finished) break;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    done,
    trades,
    inbox,
    async stop() {
      stopped = true;
      await done;
    },
  };
}
