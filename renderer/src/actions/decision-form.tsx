import { DecisionBody, RATIONALE_MIN_LENGTH } from "@shared/api/mutations";
import type { Reply } from "@shared/api/replies";
import type { CaseDetail, DecisionOutcome } from "@shared/domain/appeal";
import {
  type AmountEntryError,
  CURRENCY_EXPONENT,
  checkDecision,
  currencyName,
  type DecisionError,
  type DecisionTerms,
  decisionCaseOf,
  formatLocaleMoney,
  outcomesFor,
  type PlannedDecision,
  parseLocaleAmount,
  receiverOf,
  separatorsOf,
} from "@shared/money";
import { fillReplyText, placeholderValuesFor, replyLanguageOf } from "@shared/replies/placeholders";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Formatters, useFormatters } from "../i18n/format";
import { isChinese } from "../i18n/i18n";
import { Confirmation, FieldError } from "./confirm";
import { fillPlaceholders, placeholderValues, templateReceiver, templatesFor } from "./templates";

type Errors = Record<string, string>;

interface Instalment {
  /** Stable across removals, so React keeps each row's inputs with their row. */
  key: number;
  dueDate: string;
  amount: string;
}

let nextInstalmentKey = 1;
const newInstalment = (): Instalment => ({ key: nextInstalmentKey++, dueDate: "", amount: "" });

interface TermsState {
  compensationKind: "coupon" | "membership_extension";
  couponValue: string;
  days: string;
  agreedTerms: string;
  acceptedByComplainant: boolean;
  acceptedByRespondent: boolean;
  total: string;
  instalments: Instalment[];
}

const EMPTY_TERMS: TermsState = {
  compensationKind: "coupon",
  couponValue: "",
  days: "",
  agreedTerms: "",
  acceptedByComplainant: false,
  acceptedByRespondent: false,
  total: "",
  instalments: [],
};

/** The desk's words for what the shared money model returns; the server sends the same codes. */
export function useMoneyText(detail: CaseDetail) {
  const { t } = useTranslation();
  const format = useFormatters();
  const locale = format.language;
  const money = (amount: string, currency = detail.currency) =>
    formatLocaleMoney(amount, currency, locale);
  const entryError = (error: AmountEntryError) => {
    const { group, decimal } = separatorsOf(locale);
    return t(`money.entry.${error}`, {
      group,
      decimal,
      currency: detail.currency,
      digits: CURRENCY_EXPONENT[detail.currency],
    });
  };
  const ruleError = (error: Pick<DecisionError, "code" | "limit">) =>
    t(`money.errors.${error.code}`, {
      limit: error.limit ? money(error.limit.amount, error.limit.currency) : "",
    });
  /** "Nguyễn Văn An (Buyer, Complainant)": the receiving party by name, side and role. */
  const receiverText = (outcome: DecisionOutcome) => {
    const receiver = receiverOf(outcome, detail);
    if (!receiver) return null;
    if (!receiver.role) return t("money.receiverMissing", { side: t(`side.${receiver.side}`) });
    return t("money.receiverLine", {
      name: detail[receiver.role].displayName,
      side: t(`side.${receiver.side}`),
      role: t(`role.${receiver.role}`),
    });
  };
  return { t, format, locale, money, entryError, ruleError, receiverText };
}

/**
 * Only the keys `termsText` reads. Typed narrowly because, with the catalogs at their present
 * size, resolving i18next's full `t` overloads three times in one function exceeds the
 * compiler's instantiation depth (TS2589); the catalog parity tests check these keys exist.
 */
type TermsTranslate = (
  key: "money.couponTerms" | "money.membershipTerms" | "money.instalmentLine",
  options: Record<string, string | number>,
) => string;

/** The terms in words, as the confirmation and the case's record show them. */
export function termsText(
  terms: DecisionTerms | null,
  money: (amount: string) => string,
  format: Formatters,
  t: TermsTranslate,
): string {
  if (!terms) return "";
  if (terms.type === "compensation") {
    if (terms.kind === "coupon") return t("money.couponTerms", { amount: money(terms.value) });
    return t("money.membershipTerms", { days: terms.days });
  }
  if (terms.type === "mediation") return terms.agreedTerms;
  return terms.instalments
    .map((i) =>
      t("money.instalmentLine", {
        amount: money(i.amount),
        date: format.date(`${i.dueDate}T12:00:00Z`),
      }),
    )
    .join("; ");
}

/**
 * The one decision form: the agent's first decision and the supervisor's overturn both use it.
 * Amounts are typed in the agent's language (`200.000` in Vietnamese is two hundred thousand) and
 * shown back as money; the outcome names who receives by side and the form maps it to the party
 * of this case. Every rule is the shared money model's (`checkDecision`), the same the server
 * enforces, and the confirmation is worded from what that check returns, which is what the
 * server stores.
 */
export function DecisionForm({
  detail,
  submitLabel,
  confirmLabel,
  rationaleLabel,
  precheck,
  onConfirm,
  onCancel,
  macros = [],
}: {
  detail: CaseDetail;
  /** Decision macros from the desk's cache: they pre-fill outcome and rationale, nothing more. */
  macros?: readonly Reply[];
  submitLabel: string;
  confirmLabel: string;
  /** Beside another rationale (the overturn's review rationale), the decision's own is named so. */
  rationaleLabel?: string;
  /** A check of the surrounding form (the overturn's review rationale); a message blocks submit. */
  precheck?: () => string | null;
  onConfirm(body: DecisionBody): Promise<void>;
  onCancel(): void;
}) {
  const { t, format, locale, money, entryError, ruleError, receiverText } = useMoneyText(detail);
  const ids = {
    form: useId(),
    rationale: useId(),
    amount: useId(),
    template: useId(),
    err: useId(),
  };
  const outcomes = outcomesFor(detail.kind, detail.reason);
  const [outcome, setOutcome] = useState<DecisionOutcome | "">("");
  const [amount, setAmount] = useState("");
  const [terms, setTerms] = useState<TermsState>(() => ({
    ...EMPTY_TERMS,
    instalments: [newInstalment()],
  }));
  const [rationale, setRationale] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [planned, setPlanned] = useState<{ body: DecisionBody; decision: PlannedDecision } | null>(
    null,
  );
  const [isBusy, setBusy] = useState(false);
  const setTerm = (patch: Partial<TermsState>) => setTerms((current) => ({ ...current, ...patch }));

  /** The amount an entry field reads as, or why it reads as none. */
  const reading = (text: string) => {
    if (text.trim() === "") return null;
    const entry = parseLocaleAmount(text, locale, detail.currency);
    return entry.ok
      ? {
          ok: true as const,
          decimal: entry.decimal,
          text: t("money.amountReads", {
            amount: money(entry.decimal),
            words: currencyName(detail.currency, locale),
          }),
        }
      : { ok: false as const, text: entryError(entry.error) };
  };

  const termsOf = (found: Errors): DecisionTerms | undefined => {
    const decimal = (field: string, text: string) => {
      const entry = parseLocaleAmount(text, locale, detail.currency);
      if (entry.ok) return entry.decimal;
      found[field] = entryError(entry.error);
      return "0";
    };
    if (outcome === "compensation") {
      if (terms.compensationKind === "coupon") {
        return {
          type: "compensation",
          kind: "coupon",
          value: decimal("terms/value", terms.couponValue),
        };
      }
      const days = Number(terms.days);
      if (!Number.isInteger(days) || days < 1 || days > 366)
        found["terms/days"] = t("validation.required");
      return { type: "compensation", kind: "membership_extension", days };
    }
    if (outcome === "mediation") {
      if (terms.agreedTerms.trim().length < 10)
        found["terms/agreedTerms"] = t("validation.required");
      return {
        type: "mediation",
        agreedTerms: terms.agreedTerms.trim(),
        acceptedBy: {
          complainant: terms.acceptedByComplainant,
          respondent: terms.acceptedByRespondent,
        },
      };
    }
    if (outcome === "repayment_plan") {
      return {
        type: "repayment_plan",
        total: decimal("terms/total", terms.total),
        instalments: terms.instalments.map((instalment, i) => {
          if (!instalment.dueDate)
            found[`terms/instalments/${i}/dueDate`] = t("validation.required");
          return {
            dueDate: instalment.dueDate,
            amount: decimal(`terms/instalments/${i}/amount`, instalment.amount),
          };
        }),
      };
    }
    return undefined;
  };

  const validate = () => {
    const found: Errors = {};
    const before = precheck?.();
    if (before) found.form = before;
    if (!outcome) found.outcome = t("validation.outcome");
    if (rationale.trim().length < RATIONALE_MIN_LENGTH) {
      found.rationale = t("validation.rationale", {
        min: RATIONALE_MIN_LENGTH,
        count: rationale.trim().length,
      });
    }
    let entered: string | undefined;
    if (outcome === "partial_refund") {
      const entry = parseLocaleAmount(amount, locale, detail.currency);
      if (entry.ok) entered = entry.decimal;
      else found.amount = entryError(entry.error);
    }
    const builtTerms = outcome ? termsOf(found) : undefined;
    if (!outcome || Object.keys(found).length) {
      setErrors(found);
      return;
    }
    const receiver = receiverOf(outcome, detail);
    const parsed = DecisionBody.safeParse({
      outcome,
      // The desk's idea of who receives travels with the decision; the server refuses a mismatch.
      ...(receiver?.role ? { favouredParty: receiver.role } : {}),
      ...(entered !== undefined ? { amount: entered } : {}),
      ...(builtTerms ? { terms: builtTerms } : {}),
      rationale: rationale.trim(),
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        found[issue.path.join("/") || "form"] = issue.message;
      setErrors(found);
      return;
    }
    const check = checkDecision(decisionCaseOf(detail), parsed.data, { now: new Date() });
    if (!check.ok) {
      for (const error of check.errors) found[error.field] = ruleError(error);
      setErrors(found);
      return;
    }
    setErrors({});
    setPlanned({ body: parsed.data, decision: check.decision });
  };

  const offeredMacros = macros.filter(
    (macro) =>
      macro.kind === "decision_macro" &&
      !macro.archived &&
      macro.outcome !== null &&
      outcomesFor(detail.kind, detail.reason).includes(macro.outcome),
  );
  const applyTemplate = (id: string) => {
    const macro = offeredMacros.find((m) => `macro:${m.id}` === id);
    if (macro?.outcome) {
      // Only a pre-fill: the outcome, amount and receiver are checked by the money model below
      // and by the server, as if typed. The rationale is written in the complainant's language.
      const language = replyLanguageOf(detail.complainant.language);
      setOutcome(macro.outcome);
      setRationale(
        fillReplyText(
          macro.bodies[language],
          placeholderValuesFor(detail, "complainant", language),
        ),
      );
      return;
    }
    const template = templatesFor(detail).find((tpl) => tpl.id === id);
    if (!template) return;
    setOutcome(template.outcome);
    const typed = template.outcome === "partial_refund" ? reading(amount) : null;
    const amountText = money(typed?.ok ? typed.decimal : detail.amount);
    setRationale(
      fillPlaceholders(
        t(`templates.${template.id}.text`),
        placeholderValues(detail, amountText, templateReceiver(template)),
      ),
    );
  };

  /** The consequence, worded from the checked decision: what the server will store. */
  const consequence = (decision: PlannedDecision) => {
    const shown =
      decision.amount && decision.currency ? money(decision.amount, decision.currency) : "";
    const values = {
      who: receiverText(decision.outcome) ?? "",
      amount: shown,
      asset: shown,
      reference: detail.reference,
      terms: termsText(decision.terms, (a) => money(a), format, t),
    };
    // Chinese sentences run on without a space after "。".
    const gap = isChinese(format.language) ? "" : " ";
    return `${t(`decide.consequence.${decision.outcome}`, values)}${gap}${t("decide.consequenceAfter")}`;
  };

  // Requests still waiting for a party: deciding now means not waiting for that evidence.
  const outstanding = detail.evidenceRequests.filter(
    (r) => !r.fulfilledAt && !r.lapsedAt && !r.id.startsWith("pending:"),
  );

  if (planned) {
    return (
      <Confirmation
        confirmLabel={outstanding.length ? t("decide.confirmAnyway") : confirmLabel}
        isBusy={isBusy}
        onBack={() => setPlanned(null)}
        onConfirm={async () => {
          setBusy(true);
          try {
            await onConfirm(planned.body);
          } finally {
            setBusy(false);
          }
        }}
      >
        {consequence(planned.decision)}
        {outstanding.map((r) => (
          <span key={r.id} className="outstanding-warning" role="alert">
            {t("decide.outstanding", {
              name: detail[r.party].displayName,
              side: t(`side.${detail[r.party].side}`),
              what: r.what,
              when: format.dateTime(r.dueAt),
            })}
          </span>
        ))}
      </Confirmation>
    );
  }

  const amountReading = reading(amount);
  const limit = money(detail.amount);
  const receiver = outcome ? receiverText(outcome) : null;
  const err = (field: string) => `${ids.err}-${field.replaceAll("/", "-")}`;
  const fieldProps = (field: string) => ({
    "aria-invalid": errors[field] ? true : undefined,
    "aria-describedby": errors[field] ? err(field) : undefined,
  });
  const moneyInput = (field: string, label: string, value: string, set: (v: string) => void) => {
    const shown = reading(value);
    return (
      <label>
        {label}
        <input
          inputMode="decimal"
          value={value}
          {...fieldProps(field)}
          onChange={(e) => set(e.target.value)}
        />
        {shown ? <span className="hint amount-reading">{shown.text}</span> : null}
        <FieldError id={err(field)} message={errors[field]} />
      </label>
    );
  };

  return (
    <form
      noValidate
      className="decision-form"
      onSubmit={(e) => {
        e.preventDefault();
        validate();
      }}
    >
      <FieldError id={err("form")} message={errors.form} />
      <label htmlFor={ids.template}>
        {t("decide.template")}
        <select id={ids.template} defaultValue="" onChange={(e) => applyTemplate(e.target.value)}>
          <option value="">{t("decide.noTemplate")}</option>
          {templatesFor(detail).map((tpl) => (
            <option key={tpl.id} value={tpl.id}>
              {t(`templates.${tpl.id}.name`)}
            </option>
          ))}
          {offeredMacros.length > 0 ? (
            <optgroup label={t("replies.macroTitle")}>
              {offeredMacros.map((macro) => (
                <option key={macro.id} value={`macro:${macro.id}`} data-user-text="">
                  {macro.title}
                </option>
              ))}
            </optgroup>
          ) : null}
        </select>
      </label>
      <div
        className="radio-group"
        role="radiogroup"
        aria-labelledby={`${ids.form}-outcome`}
        aria-invalid={errors.outcome ? true : undefined}
        aria-describedby={errors.outcome ? err("outcome") : undefined}
      >
        <span id={`${ids.form}-outcome`} className="group-label">
          {t("decide.outcome")}
        </span>
        <div className="radio-grid">
          {outcomes.map((option) => (
            <label key={option} className="radio">
              <input
                type="radio"
                name={`${ids.form}-outcome`}
                value={option}
                checked={outcome === option}
                onChange={() => setOutcome(option)}
              />
              {t(`outcome.${option}`)}
            </label>
          ))}
        </div>
        <FieldError id={err("outcome")} message={errors.outcome} />
      </div>
      {outcome ? (
        <p className="receiver" aria-live="polite">
          <strong>{t("money.receives")}:</strong> {receiver ?? t("money.noReceiver")}
        </p>
      ) : null}
      <FieldError id={err("favouredParty")} message={errors.favouredParty} />
      {outcome === "partial_refund" ? (
        <label htmlFor={ids.amount}>
          {t("decide.amount", { currency: detail.currency })}
          <input
            id={ids.amount}
            inputMode="decimal"
            value={amount}
            aria-invalid={errors.amount ? true : undefined}
            aria-describedby={`${ids.amount}-limit${errors.amount ? ` ${err("amount")}` : ""}`}
            onChange={(e) => setAmount(e.target.value)}
          />
          {amountReading ? (
            <span className="hint amount-reading" aria-live="polite">
              {amountReading.text}
            </span>
          ) : null}
          <span id={`${ids.amount}-limit`} className="hint">
            {t("money.amountLimit", { limit })}
          </span>
          <FieldError id={err("amount")} message={errors.amount} />
        </label>
      ) : null}
      {outcome === "compensation" ? (
        <fieldset className="terms">
          <legend>{t("money.termsTitle")}</legend>
          <label>
            {t("money.compensationKind")}
            <select
              value={terms.compensationKind}
              onChange={(e) =>
                setTerm({
                  compensationKind: e.target.value === "coupon" ? "coupon" : "membership_extension",
                })
              }
            >
              <option value="coupon">{t("money.coupon")}</option>
              <option value="membership_extension">{t("money.membership_extension")}</option>
            </select>
          </label>
          {terms.compensationKind === "coupon" ? (
            moneyInput("terms/value", t("money.couponValue"), terms.couponValue, (v) =>
              setTerm({ couponValue: v }),
            )
          ) : (
            <label>
              {t("money.days")}
              <input
                inputMode="numeric"
                value={terms.days}
                {...fieldProps("terms/days")}
                onChange={(e) => setTerm({ days: e.target.value })}
              />
              <FieldError id={err("terms/days")} message={errors["terms/days"]} />
            </label>
          )}
        </fieldset>
      ) : null}
      {outcome === "mediation" ? (
        <fieldset className="terms">
          <legend>{t("money.termsTitle")}</legend>
          <label>
            {t("money.agreedTerms")}
            <textarea
              rows={3}
              value={terms.agreedTerms}
              {...fieldProps("terms/agreedTerms")}
              onChange={(e) => setTerm({ agreedTerms: e.target.value })}
            />
            <FieldError id={err("terms/agreedTerms")} message={errors["terms/agreedTerms"]} />
          </label>
          {(["complainant", "respondent"] as const).map((role) => (
            <label key={role} className="radio">
              <input
                type="checkbox"
                checked={
                  role === "complainant" ? terms.acceptedByComplainant : terms.acceptedByRespondent
                }
                onChange={(e) =>
                  setTerm(
                    role === "complainant"
                      ? { acceptedByComplainant: e.target.checked }
                      : { acceptedByRespondent: e.target.checked },
                  )
                }
              />
              {t("money.acceptedBy", { name: detail[role].displayName, role: t(`role.${role}`) })}
            </label>
          ))}
          <FieldError id={err("terms/acceptedBy")} message={errors["terms/acceptedBy"]} />
        </fieldset>
      ) : null}
      {outcome === "repayment_plan" ? (
        <fieldset className="terms">
          <legend>{t("money.termsTitle")}</legend>
          {moneyInput("terms/total", t("money.planTotal"), terms.total, (v) =>
            setTerm({ total: v }),
          )}
          <p className="hint">{t("money.calendarHint", { region: detail.region })}</p>
          {terms.instalments.map((instalment, i) => {
            const n = i + 1;
            const update = (patch: Partial<Instalment>) =>
              setTerm({
                instalments: terms.instalments.map((row, j) =>
                  j === i ? { ...row, ...patch } : row,
                ),
              });
            return (
              <fieldset key={instalment.key} className="instalment">
                <legend>{t("money.instalment", { n })}</legend>
                <label>
                  {t("money.dueDate")}
                  <input
                    type="date"
                    value={instalment.dueDate}
                    {...fieldProps(`terms/instalments/${i}/dueDate`)}
                    onChange={(e) => update({ dueDate: e.target.value })}
                  />
                  <FieldError
                    id={err(`terms/instalments/${i}/dueDate`)}
                    message={errors[`terms/instalments/${i}/dueDate`]}
                  />
                </label>
                {moneyInput(
                  `terms/instalments/${i}/amount`,
                  t("money.instalmentAmount"),
                  instalment.amount,
                  (v) => update({ amount: v }),
                )}
                {terms.instalments.length > 1 ? (
                  <button
                    type="button"
                    onClick={() =>
                      setTerm({ instalments: terms.instalments.filter((_, j) => j !== i) })
                    }
                  >
                    {t("money.removeInstalment", { n })}
                  </button>
                ) : null}
              </fieldset>
            );
          })}
          <FieldError id={err("terms/instalments")} message={errors["terms/instalments"]} />
          <button
            type="button"
            onClick={() => setTerm({ instalments: [...terms.instalments, newInstalment()] })}
          >
            {t("money.addInstalment")}
          </button>
        </fieldset>
      ) : null}
      <FieldError id={err("terms")} message={errors.terms} />
      <label htmlFor={ids.rationale}>
        {rationaleLabel ?? t("decide.rationale")}
        <textarea
          id={ids.rationale}
          rows={5}
          value={rationale}
          required
          minLength={RATIONALE_MIN_LENGTH}
          aria-invalid={errors.rationale ? true : undefined}
          aria-describedby={`${ids.rationale}-hint${errors.rationale ? ` ${err("rationale")}` : ""}`}
          onChange={(e) => setRationale(e.target.value)}
        />
      </label>
      <p id={`${ids.rationale}-hint`} className="hint">
        {t("decide.rationaleHint", { min: RATIONALE_MIN_LENGTH, count: rationale.trim().length })}
      </p>
      <FieldError id={err("rationale")} message={errors.rationale} />
      <div className="button-row">
        <button type="submit" className="primary">
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
