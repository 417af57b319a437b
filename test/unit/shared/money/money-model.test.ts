import type { PartySide } from "@shared/domain/appeal";
import { Currency } from "@shared/domain/money";
import {
  CURRENCY_EXPONENT,
  checkDecision,
  type DecisionCase,
  formatLocaleMoney,
  fromMinorUnits,
  isWorkingDate,
  outcomesFor,
  parseLocaleAmount,
  receiverOf,
  separatorsOf,
  toMinorUnits,
} from "@shared/money";
import { builtinCalendar } from "@shared/sla";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

const LOCALES = ["vi", "en", "zh-Hans"] as const;
const NOW = new Date("2026-12-01T03:00:00Z");
const RATIONALE = "The records show what the complainant says happened.";

function p2p(complainant: PartySide, amount = "5798000"): DecisionCase {
  return {
    kind: "p2p_trade",
    reason: complainant === "buyer" ? "paid_not_released" : "payment_not_received",
    region: "VN",
    amount,
    currency: "VND",
    trade: { asset: "USDT", assetAmount: "228.27" },
    complainant: { side: complainant },
    respondent: { side: complainant === "buyer" ? "seller" : "buyer" },
  };
}

const payment: DecisionCase = {
  kind: "payment",
  reason: "duplicate_charge",
  region: "VN",
  amount: "5798000",
  currency: "VND",
  trade: null,
  complainant: { side: "payer" },
  respondent: { side: "merchant" },
};

/** Writes `minor` as a person of `locale` would, grouped or not. */
function typed(minor: bigint, currency: Currency, locale: string, grouped: boolean): string {
  const { group, decimal } = separatorsOf(locale);
  const [whole = "0", fraction] = fromMinorUnits(minor, currency).split(".");
  const integer = grouped ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, group) : whole;
  return fraction ? `${integer}${decimal}${fraction}` : integer;
}

describe("minor units", () => {
  it("round-trips every amount of every currency exactly", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Currency.options),
        fc.bigInt({ min: 0n, max: 10n ** 18n }),
        (currency, minor) => {
          const decimal = fromMinorUnits(minor, currency);
          expect(toMinorUnits(decimal, currency)).toEqual({ ok: true, minor });
        },
      ),
    );
  });

  it("refuses more decimals than the currency has", () => {
    expect(toMinorUnits("1000.5", "VND")).toEqual({ ok: false, error: "too_precise" });
    expect(toMinorUnits("1.001", "USD")).toEqual({ ok: false, error: "too_precise" });
    expect(toMinorUnits("0.000000001", "BTC")).toEqual({ ok: false, error: "too_precise" });
    expect(CURRENCY_EXPONENT.VND).toBe(0);
  });
});

describe("amount entry in the agent's locale", () => {
  it("reads 200.000 in Vietnamese and 200,000 in English and Chinese as two hundred thousand", () => {
    expect(parseLocaleAmount("200.000", "vi", "VND")).toMatchObject({
      ok: true,
      decimal: "200000",
    });
    expect(parseLocaleAmount("1.000.000", "vi", "VND")).toMatchObject({
      ok: true,
      decimal: "1000000",
    });
    expect(parseLocaleAmount("200,000", "en", "VND")).toMatchObject({
      ok: true,
      decimal: "200000",
    });
    expect(parseLocaleAmount("200,000", "zh-Hans", "CNY")).toMatchObject({
      ok: true,
      decimal: "200000.00",
    });
    expect(parseLocaleAmount("99,50", "vi", "USD")).toMatchObject({ ok: true, decimal: "99.50" });
    expect(parseLocaleAmount("２００，０００", "zh-Hans", "CNY")).toMatchObject({
      ok: true,
      decimal: "200000.00",
    });
    expect(parseLocaleAmount("200.000 ₫", "vi", "VND")).toMatchObject({
      ok: true,
      decimal: "200000",
    });
  });

  it("refuses ambiguous and over-precise input instead of guessing", () => {
    expect(parseLocaleAmount("1000.5", "vi", "VND")).toEqual({
      ok: false,
      error: "misplaced_separator",
    });
    expect(parseLocaleAmount("1000,5", "vi", "VND")).toEqual({ ok: false, error: "too_precise" });
    expect(parseLocaleAmount("1000.5", "en", "VND")).toEqual({ ok: false, error: "too_precise" });
    // Typed in English by someone who writes Vietnamese: 200 or 200,000? Refused, never 200.
    expect(parseLocaleAmount("200.000", "en", "VND")).toEqual({ ok: false, error: "too_precise" });
    expect(parseLocaleAmount("20.00", "vi", "VND")).toEqual({
      ok: false,
      error: "misplaced_separator",
    });
    expect(parseLocaleAmount("1,2,3", "en", "USD")).toEqual({
      ok: false,
      error: "misplaced_separator",
    });
    expect(parseLocaleAmount("", "en", "USD")).toEqual({ ok: false, error: "empty" });
    expect(parseLocaleAmount("12abc", "en", "USD")).toEqual({ ok: false, error: "invalid" });
    expect(parseLocaleAmount("-5", "en", "USD")).toEqual({ ok: false, error: "invalid" });
  });

  it("shows the parsed amount as the locale writes money", () => {
    expect(formatLocaleMoney("200000", "VND", "vi")).toBe("200.000\u00a0₫");
    expect(formatLocaleMoney("200000", "VND", "en")).toBe("₫200,000");
    expect(formatLocaleMoney("3499.5", "CNY", "zh-Hans")).toBe("¥3,499.50");
    expect(formatLocaleMoney("98.430000", "USDT", "vi")).toBe("98,43 USDT");
  });

  it("typed, confirmed and stored are the same amount, for every locale and currency", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LOCALES),
        fc.constantFrom(...Currency.options),
        fc.bigInt({ min: 1n, max: 10n ** 15n }),
        fc.boolean(),
        (locale, currency, minor, grouped) => {
          const entry = parseLocaleAmount(
            typed(minor, currency, locale, grouped),
            locale,
            currency,
          );
          expect(entry).toMatchObject({ ok: true, minor });
          if (!entry.ok) return;
          // What the confirmation shows parses back to the same amount in the same locale.
          const shown = formatLocaleMoney(entry.decimal, currency, locale);
          expect(parseLocaleAmount(shown, locale, currency)).toMatchObject({ ok: true, minor });
          // And what the server stores (the same check, on a case disputing at least as much) is it.
          const stored = checkDecision(
            { ...payment, currency, amount: fromMinorUnits(10n ** 16n, currency) },
            { outcome: "partial_refund", amount: entry.decimal, rationale: RATIONALE },
            { now: NOW },
          );
          expect(stored).toMatchObject({ ok: true, decision: { currency } });
          if (stored.ok && stored.decision.amount) {
            expect(toMinorUnits(stored.decision.amount, currency)).toEqual({ ok: true, minor });
            expect(formatLocaleMoney(stored.decision.amount, currency, locale)).toBe(shown);
          }
        },
      ),
    );
  });
});

describe("who receives, by side", () => {
  it("releases to the buyer and cancels back to the seller, whoever complained", () => {
    for (const complainant of ["buyer", "seller"] as const) {
      const facts = p2p(complainant);
      expect(receiverOf("release", facts)?.side).toBe("buyer");
      expect(receiverOf("release", facts)?.role).toBe(
        complainant === "buyer" ? "complainant" : "respondent",
      );
      expect(receiverOf("cancel_order", facts)?.role).toBe(
        complainant === "seller" ? "complainant" : "respondent",
      );
    }
  });

  it("offers each kind of case its own outcomes", () => {
    expect(outcomesFor("p2p_trade", "paid_not_released")).toEqual(["release", "cancel_order"]);
    expect(outcomesFor("payment", "duplicate_charge")).not.toContain("release");
    expect(outcomesFor("payment", "repayment_hardship")).toContain("repayment_plan");
    expect(outcomesFor("payment", "repayment_hardship")).not.toContain("full_refund");
  });
});

describe("decision limits", () => {
  it("refuses a partial refund above the disputed amount and names the limit", () => {
    const check = checkDecision(
      payment,
      { outcome: "partial_refund", amount: "99999999", rationale: RATIONALE },
      { now: NOW },
    );
    expect(check).toEqual({
      ok: false,
      errors: [
        {
          field: "amount",
          code: "exceeds_disputed_amount",
          message: "at most the disputed amount, 5798000 VND",
          limit: { amount: "5798000", currency: "VND" },
        },
      ],
    });
  });

  it("never accepts a refund above what is disputed, at any amount", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 17n }), (minor) => {
        const check = checkDecision(
          payment,
          { outcome: "partial_refund", amount: minor.toString(), rationale: RATIONALE },
          { now: NOW },
        );
        expect(check.ok).toBe(minor <= 5_798_000n);
        if (check.ok) expect(check.decision.amount).toBe(minor.toString());
      }),
    );
  });

  it("refuses a crypto release on a payment complaint and a VND amount with decimals", () => {
    expect(
      checkDecision(payment, { outcome: "release", rationale: RATIONALE }, { now: NOW }),
    ).toMatchObject({ ok: false, errors: [{ code: "outcome_not_for_case" }] });
    expect(
      checkDecision(
        payment,
        { outcome: "partial_refund", amount: "1000.5", rationale: RATIONALE },
        { now: NOW },
      ),
    ).toMatchObject({ ok: false, errors: [{ code: "amount_too_precise" }] });
  });

  it("refuses a receiver that is not the outcome's side", () => {
    expect(
      checkDecision(
        p2p("buyer"),
        { outcome: "cancel_order", favouredParty: "complainant", rationale: RATIONALE },
        { now: NOW },
      ),
    ).toMatchObject({ ok: false, errors: [{ field: "favouredParty", code: "receiver_mismatch" }] });
  });

  it("records the escrow a release moves and the side it goes to", () => {
    expect(
      checkDecision(p2p("seller"), { outcome: "release", rationale: RATIONALE }, { now: NOW }),
    ).toEqual({
      ok: true,
      decision: {
        outcome: "release",
        favouredParty: "respondent",
        receiverSide: "buyer",
        amount: "228.27",
        currency: "USDT",
        terms: null,
        rationale: RATIONALE,
      },
    });
  });

  it("checks terms: mediation accepted by both, coupons within the disputed amount", () => {
    const mediation = (respondent: boolean) =>
      checkDecision(
        payment,
        {
          outcome: "mediation",
          terms: {
            type: "mediation",
            agreedTerms: "The merchant re-ships the order by Friday.",
            acceptedBy: { complainant: true, respondent },
          },
          rationale: RATIONALE,
        },
        { now: NOW },
      );
    expect(mediation(false)).toMatchObject({
      ok: false,
      errors: [{ code: "not_accepted_by_both" }],
    });
    expect(mediation(true)).toMatchObject({ ok: true, decision: { receiverSide: null } });
    expect(
      checkDecision(
        payment,
        {
          outcome: "compensation",
          terms: { type: "compensation", kind: "coupon", value: "6000000" },
          rationale: RATIONALE,
        },
        { now: NOW },
      ),
    ).toMatchObject({
      ok: false,
      errors: [{ field: "terms/value", code: "exceeds_disputed_amount" }],
    });
    expect(
      checkDecision(payment, { outcome: "compensation", rationale: RATIONALE }, { now: NOW }),
    ).toMatchObject({ ok: false, errors: [{ code: "terms_required" }] });
  });

  it("checks a repayment plan: sums to the total, increasing working days from today", () => {
    const hardship: DecisionCase = { ...payment, reason: "repayment_hardship" };
    const plan = (instalments: { dueDate: string; amount: string }[], total = "3000000") =>
      checkDecision(
        hardship,
        {
          outcome: "repayment_plan",
          terms: { type: "repayment_plan", total, instalments },
          rationale: RATIONALE,
        },
        { now: NOW },
      );
    const ok = plan([
      { dueDate: "2026-12-15", amount: "1000000" },
      { dueDate: "2027-01-15", amount: "2000000" },
    ]);
    expect(ok).toMatchObject({
      ok: true,
      decision: { receiverSide: "merchant", favouredParty: "respondent", amount: "3000000" },
    });
    expect(
      plan([
        { dueDate: "2026-12-15", amount: "1000000" },
        { dueDate: "2027-01-15", amount: "1000000" },
      ]),
    ).toMatchObject({ ok: false, errors: [{ code: "instalments_sum_mismatch" }] });
    expect(plan([{ dueDate: "2026-11-30", amount: "3000000" }])).toMatchObject({
      ok: false,
      errors: [{ code: "instalment_in_past" }],
    });
    // 2026-12-05 is a Saturday in Vietnam.
    expect(plan([{ dueDate: "2026-12-05", amount: "3000000" }])).toMatchObject({
      ok: false,
      errors: [{ code: "instalment_not_working_day" }],
    });
    expect(
      plan([
        { dueDate: "2027-01-15", amount: "1000000" },
        { dueDate: "2026-12-15", amount: "2000000" },
      ]),
    ).toMatchObject({ ok: false, errors: [{ code: "instalment_dates_not_increasing" }] });
    expect(plan([{ dueDate: "2026-12-15", amount: "3000000" }], "9000000")).toMatchObject({
      ok: false,
      errors: [{ field: "terms/total", code: "exceeds_disputed_amount" }],
    });
  });

  it("knows working days of the region calendar, holidays and make-up days included", () => {
    const vn = builtinCalendar("VN");
    expect(isWorkingDate("2026-12-01", vn)).toBe(true);
    expect(isWorkingDate("2026-12-06", vn)).toBe(false);
    expect(isWorkingDate("2026-09-02", vn)).toBe(false);
  });
});
