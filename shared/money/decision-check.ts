/**
 * The money rules of a decision, checked against the case it decides. The server runs this on
 * every decision (the first one, a remanded one and a supervisor's overturn) and answers 422 with
 * the field errors; the desk runs it on its form, and renders the error codes in the agent's
 * language with the limit formatted in their locale. What it returns on success is exactly what
 * the server stores, so the desk's confirmation is computed from the stored data.
 */
import type { PartyRole, PartySide, RegionCalendarId } from "../domain/appeal";
import type { Currency } from "../domain/money";
import { builtinCalendar } from "../sla/builtin-calendars";
import { nextWorkingInstant } from "../sla/working-time";
import { fromMinorUnits, minorOf, toMinorUnits } from "./minor-units";
import { type CaseMoney, type CaseSides, fixedPayoutOf, outcomesFor, receiverOf } from "./payout";
import type { DecisionTerms } from "./terms";

/** The decision as the desk sends it (the shape of `DecisionBody`). */
export interface DecisionInput {
  outcome: import("../domain/appeal").DecisionOutcome;
  favouredParty?: PartyRole | undefined;
  amount?: string | undefined;
  terms?: DecisionTerms | undefined;
  rationale: string;
}

/** The case facts the rules need: its money, its parties' sides and its region. */
export interface DecisionCase extends CaseMoney, CaseSides {
  region: RegionCalendarId;
}

export type DecisionErrorCode =
  | "outcome_not_for_case"
  | "no_receiver_on_case"
  | "receiver_mismatch"
  | "escrow_missing"
  | "amount_required"
  | "amount_not_allowed"
  | "amount_invalid"
  | "amount_too_precise"
  | "amount_zero"
  | "exceeds_disputed_amount"
  | "terms_required"
  | "terms_not_allowed"
  | "terms_mismatch"
  | "not_accepted_by_both"
  | "instalments_sum_mismatch"
  | "instalment_dates_not_increasing"
  | "instalment_in_past"
  | "instalment_not_working_day";

export interface DecisionError {
  /** Path inside the decision body, `/`-joined: "amount", "terms/instalments/2/dueDate". */
  field: string;
  code: DecisionErrorCode;
  /** English, for API clients; the desk renders `code` and `limit` in the agent's language. */
  message: string;
  /** The amount the rule is measured against (the disputed amount, the plan's total). */
  limit?: { amount: string; currency: Currency };
}

/** What the server stores for a decision that passed; the desk's confirmation shows exactly this. */
export interface PlannedDecision {
  outcome: DecisionInput["outcome"];
  /** The role of the receiving side on this case; null when the outcome pays no one side. */
  favouredParty: PartyRole | null;
  receiverSide: PartySide | null;
  /** What the receiver gets, canonical in `currency`: the escrow, a refund, a plan's total. */
  amount: string | null;
  currency: Currency | null;
  terms: DecisionTerms | null;
  rationale: string;
}

export type DecisionCheck =
  | { ok: true; decision: PlannedDecision }
  | { ok: false; errors: DecisionError[] };

export interface CheckOptions {
  /** Repayment plans may not fall due before this day (in the case's region). */
  now: Date;
}

/** Checks `input` against the case; every broken rule is reported, not just the first. */
export function checkDecision(
  facts: DecisionCase,
  input: DecisionInput,
  options: CheckOptions,
): DecisionCheck {
  const errors: DecisionError[] = [];
  const fail = (
    field: string,
    code: DecisionErrorCode,
    message: string,
    limit?: DecisionError["limit"],
  ) => errors.push(limit ? { field, code, message, limit } : { field, code, message });
  const disputedMinor = minorOf(facts.amount, facts.currency);
  const disputed = {
    amount: fromMinorUnits(disputedMinor, facts.currency),
    currency: facts.currency,
  };
  const disputedText = `${fromMinorUnits(disputedMinor, facts.currency)} ${facts.currency}`;
  const { outcome } = input;

  if (!outcomesFor(facts.kind, facts.reason).includes(outcome)) {
    fail("outcome", "outcome_not_for_case", `${outcome} is not an outcome of this kind of case`);
    return { ok: false, errors };
  }

  const receiver = receiverOf(outcome, facts);
  if (receiver && receiver.role === null) {
    fail("outcome", "no_receiver_on_case", `no party of this case is the ${receiver.side}`);
  }
  if (input.favouredParty !== undefined && receiver?.role !== input.favouredParty) {
    fail(
      "favouredParty",
      "receiver_mismatch",
      receiver?.role
        ? `${outcome} goes to the ${receiver.side}, who is the ${receiver.role} on this case`
        : `${outcome} names no receiving party`,
    );
  }

  /** Parses an entered amount of the case currency into minor units, or reports why not. */
  const entered = (field: string, text: string): bigint | null => {
    const parsed = toMinorUnits(text, facts.currency);
    if (!parsed.ok) {
      fail(
        field,
        parsed.error === "too_precise" ? "amount_too_precise" : "amount_invalid",
        parsed.error === "too_precise"
          ? `${facts.currency} has no more than its own decimals`
          : "not an amount",
      );
      return null;
    }
    if (parsed.minor === 0n) {
      fail(field, "amount_zero", "must be more than zero");
      return null;
    }
    if (parsed.minor > disputedMinor) {
      fail(
        field,
        "exceeds_disputed_amount",
        `at most the disputed amount, ${disputedText}`,
        disputed,
      );
      return null;
    }
    return parsed.minor;
  };

  let amount: string | null = null;
  let currency: Currency | null = null;
  const fixed = fixedPayoutOf(outcome, facts);
  if (outcome === "partial_refund") {
    if (input.amount === undefined)
      fail("amount", "amount_required", "required for a partial refund");
    else {
      const minor = entered("amount", input.amount);
      if (minor !== null) {
        amount = fromMinorUnits(minor, facts.currency);
        currency = facts.currency;
      }
    }
  } else if (input.amount !== undefined) {
    fail("amount", "amount_not_allowed", "only a partial refund takes an amount");
  }
  if (fixed) {
    amount = fixed.amount;
    currency = fixed.currency;
  } else if ((outcome === "release" || outcome === "cancel_order") && !facts.trade) {
    fail("outcome", "escrow_missing", "the case has no escrow to move");
  }

  const needsTerms =
    outcome === "compensation" || outcome === "mediation" || outcome === "repayment_plan";
  const terms = input.terms ?? null;
  if (needsTerms && !terms) fail("terms", "terms_required", `${outcome} needs its terms`);
  if (!needsTerms && terms) fail("terms", "terms_not_allowed", `${outcome} takes no terms`);
  if (needsTerms && terms && terms.type !== outcome) {
    fail("terms/type", "terms_mismatch", `terms of ${terms.type} given for ${outcome}`);
  } else if (needsTerms && terms) {
    if (terms.type === "compensation" && terms.kind === "coupon") {
      entered("terms/value", terms.value);
    }
    if (
      terms.type === "mediation" &&
      !(terms.acceptedBy.complainant && terms.acceptedBy.respondent)
    ) {
      fail("terms/acceptedBy", "not_accepted_by_both", "both parties must have accepted the terms");
    }
    if (terms.type === "repayment_plan") {
      const total = entered("terms/total", terms.total);
      const plan = checkPlan(facts, terms, options.now, total, fail);
      if (plan && total !== null) {
        amount = fromMinorUnits(total, facts.currency);
        currency = facts.currency;
      }
    }
  }

  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    decision: {
      outcome,
      favouredParty: receiver?.role ?? null,
      receiverSide: receiver?.side ?? null,
      amount,
      currency,
      terms: terms ? canonicalTerms(terms, facts.currency) : null,
      rationale: input.rationale.trim(),
    },
  };
}

type Fail = (
  field: string,
  code: DecisionErrorCode,
  message: string,
  limit?: DecisionError["limit"],
) => void;

/** Instalments: positive, summing to the total, on strictly later working days from today on. */
function checkPlan(
  facts: DecisionCase,
  terms: Extract<DecisionTerms, { type: "repayment_plan" }>,
  now: Date,
  total: bigint | null,
  fail: Fail,
): boolean {
  const calendar = builtinCalendar(facts.region);
  const today = localDate(now, calendar.timeZone);
  let sum = 0n;
  let isValid = true;
  let previous = "";
  terms.instalments.forEach((instalment, i) => {
    const at = `terms/instalments/${i}`;
    const parsed = toMinorUnits(instalment.amount, facts.currency);
    if (!parsed.ok || parsed.minor === 0n) {
      fail(
        `${at}/amount`,
        parsed.ok ? "amount_zero" : "amount_invalid",
        "a positive amount of the case currency",
      );
      isValid = false;
    } else sum += parsed.minor;
    if (instalment.dueDate <= previous) {
      fail(
        `${at}/dueDate`,
        "instalment_dates_not_increasing",
        "each instalment falls due after the one before",
      );
      isValid = false;
    } else if (instalment.dueDate < today) {
      fail(`${at}/dueDate`, "instalment_in_past", `on or after ${today} (${facts.region})`);
      isValid = false;
    } else if (!isWorkingDate(instalment.dueDate, calendar)) {
      fail(
        `${at}/dueDate`,
        "instalment_not_working_day",
        `not a working day in the ${facts.region} calendar`,
      );
      isValid = false;
    }
    previous = instalment.dueDate;
  });
  if (isValid && total !== null && sum !== total) {
    fail(
      "terms/instalments",
      "instalments_sum_mismatch",
      `the instalments must sum to the total, ${fromMinorUnits(total, facts.currency)} ${facts.currency}`,
      {
        amount: fromMinorUnits(total, facts.currency),
        currency: facts.currency,
      },
    );
    isValid = false;
  }
  return isValid;
}

/** Amounts of the terms in canonical form, so the stored record prints the same everywhere. */
function canonicalTerms(terms: DecisionTerms, currency: Currency): DecisionTerms {
  const canonical = (text: string) => fromMinorUnits(minorOf(text, currency), currency);
  if (terms.type === "compensation" && terms.kind === "coupon") {
    return { ...terms, value: canonical(terms.value) };
  }
  if (terms.type === "repayment_plan") {
    return {
      ...terms,
      total: canonical(terms.total),
      instalments: terms.instalments.map((i) => ({ ...i, amount: canonical(i.amount) })),
    };
  }
  if (terms.type === "mediation") return { ...terms, agreedTerms: terms.agreedTerms.trim() };
  return terms;
}

/** The calendar date of `at` in `timeZone`, as YYYY-MM-DD. */
export function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(at);
}

/** Epoch ms of local midnight starting `date` in `timeZone` (two passes settle a DST change). */
function localMidnight(date: string, timeZone: string): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d);
  let guess = wall;
  for (let pass = 0; pass < 2; pass++) guess = wall - offsetMs(guess, timeZone);
  return guess;
}

function offsetMs(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get("year"),
    get("month") - 1,
    get("day"),
    get("hour"),
    get("minute"),
    get("second"),
  );
  return asUtc - Math.floor(at / 1000) * 1000;
}

/** A day with any working time in the calendar (weekends, holidays out; make-up days in). */
export function isWorkingDate(date: string, calendar: ReturnType<typeof builtinCalendar>): boolean {
  const start = localMidnight(date, calendar.timeZone);
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  return nextWorkingInstant(calendar, start) < localMidnight(next, calendar.timeZone);
}

/** The rules' view of a case the desk holds (the server reads the same facts from its tables). */
export function decisionCaseOf(detail: {
  kind: DecisionCase["kind"];
  reason: DecisionCase["reason"];
  region: RegionCalendarId;
  amount: string;
  currency: Currency;
  trade: { asset: Currency; assetAmount: string } | null;
  complainant: { side: PartySide };
  respondent: { side: PartySide };
}): DecisionCase {
  return {
    kind: detail.kind,
    reason: detail.reason,
    region: detail.region,
    amount: detail.amount,
    currency: detail.currency,
    trade: detail.trade
      ? { asset: detail.trade.asset, assetAmount: detail.trade.assetAmount }
      : null,
    complainant: { side: detail.complainant.side },
    respondent: { side: detail.respondent.side },
  };
}
