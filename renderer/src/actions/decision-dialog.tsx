import { DecisionBody, OUTCOMES_NEEDING_PARTY, RATIONALE_MIN_LENGTH } from "@shared/api/mutations";
import { type CaseDetail, DecisionOutcome, type PartyRole } from "@shared/domain/appeal";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useModalDialog } from "../app/use-modal-dialog";
import { useFormatters } from "../i18n/format";
import type { WorkstationAction } from "./action-types";
import { Confirmation, FieldError } from "./confirm";
import { DECISION_TEMPLATES, fillPlaceholders, placeholderValues } from "./templates";

type Errors = Partial<Record<"outcome" | "favouredParty" | "amount" | "rationale", string>>;

/**
 * Decide: outcome, the favoured party where money or coins move, the amount of a partial refund,
 * and a rationale of at least 20 characters; then a confirmation that says what will happen.
 * Validation is the shared contract's (`DecisionBody`), so the desk never queues what the server
 * would refuse; messages are the desk's own, in the agent's language.
 */
export function DecisionDialog({
  detail,
  open,
  onClose,
  onSubmit,
}: {
  detail: CaseDetail;
  open: boolean;
  onClose(): void;
  onSubmit(action: WorkstationAction): Promise<void>;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const ref = useModalDialog(open);
  const ids = {
    title: useId(),
    rationale: useId(),
    amount: useId(),
    template: useId(),
    err: useId(),
  };
  const [outcome, setOutcome] = useState<DecisionOutcome | "">("");
  const [favoured, setFavoured] = useState<PartyRole>("complainant");
  const [amount, setAmount] = useState("");
  const [rationale, setRationale] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [body, setBody] = useState<DecisionBody | null>(null);
  const [isBusy, setBusy] = useState(false);

  const needsParty = outcome !== "" && OUTCOMES_NEEDING_PARTY.includes(outcome);

  const validate = () => {
    const found: Errors = {};
    if (!outcome) found.outcome = t("validation.outcome");
    if (outcome === "partial_refund" && !/^(0|[1-9]\d{0,17})(\.\d{1,8})?$/.test(amount.trim())) {
      found.amount = t("validation.amount");
    } else if (outcome === "partial_refund" && Number(amount) > Number(detail.amount)) {
      found.amount = t("validation.amountTooLarge", {
        max: format.amount(detail.amount, detail.currency),
      });
    }
    if (rationale.trim().length < RATIONALE_MIN_LENGTH) {
      found.rationale = t("validation.rationale", {
        min: RATIONALE_MIN_LENGTH,
        count: rationale.trim().length,
      });
    }
    if (Object.keys(found).length || !outcome) {
      setErrors(found);
      return;
    }
    const parsed = DecisionBody.safeParse({
      outcome,
      ...(needsParty ? { favouredParty: favoured } : {}),
      ...(outcome === "partial_refund" ? { amount: amount.trim() } : {}),
      rationale: rationale.trim(),
    });
    if (!parsed.success) {
      setErrors({ rationale: parsed.error.issues.map((i) => i.message).join("; ") });
      return;
    }
    setErrors({});
    setBody(parsed.data);
  };

  const applyTemplate = (id: string) => {
    const template = DECISION_TEMPLATES.find((tpl) => tpl.id === id);
    if (!template) return;
    setOutcome(template.outcome);
    setFavoured(template.favouredParty);
    const amountText = format.amount(
      template.outcome === "partial_refund" && amount ? amount : detail.amount,
      detail.currency,
    );
    setRationale(
      fillPlaceholders(t(`templates.${template.id}.text`), placeholderValues(detail, amountText)),
    );
  };

  const consequence = (b: DecisionBody) => {
    const who = b.favouredParty
      ? t("decide.partyWithSide", {
          name: detail[b.favouredParty].displayName,
          side: t(`side.${detail[b.favouredParty].side}`),
        })
      : "";
    const trade = detail.trade;
    const values = {
      who,
      amount: b.amount
        ? format.amount(b.amount, detail.currency)
        : format.amount(detail.amount, detail.currency),
      asset: trade ? format.amount(trade.assetAmount, trade.asset) : "",
      reference: detail.reference,
    };
    // Chinese sentences run on without a space after "。".
    const gap = format.language === "zh-Hans" ? "" : " ";
    return `${t(`decide.consequence.${b.outcome}`, values)}${gap}${t("decide.consequenceAfter")}`;
  };

  // Requests still waiting for a party: deciding now means not waiting for that evidence.
  const outstanding = detail.evidenceRequests.filter(
    (r) => !r.fulfilledAt && !r.lapsedAt && !r.id.startsWith("pending:"),
  );

  const close = () => {
    setBody(null);
    setErrors({});
    onClose();
  };

  return (
    <dialog ref={ref} className="dialog decide-dialog" aria-labelledby={ids.title} onClose={close}>
      <h2 id={ids.title}>{t("decide.title", { reference: detail.reference })}</h2>
      {body ? (
        <Confirmation
          confirmLabel={t(outstanding.length ? "decide.confirmAnyway" : "decide.confirm")}
          isBusy={isBusy}
          onBack={() => setBody(null)}
          onConfirm={async () => {
            setBusy(true);
            try {
              await onSubmit({ type: "decision", body });
              setOutcome("");
              setAmount("");
              setRationale("");
              close();
            } finally {
              setBusy(false);
            }
          }}
        >
          {consequence(body)}
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
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            validate();
          }}
        >
          <label htmlFor={ids.template}>
            {t("decide.template")}
            <select
              id={ids.template}
              defaultValue=""
              onChange={(e) => applyTemplate(e.target.value)}
            >
              <option value="">{t("decide.noTemplate")}</option>
              {DECISION_TEMPLATES.map((tpl) => (
                <option key={tpl.id} value={tpl.id}>
                  {t(`templates.${tpl.id}.name`)}
                </option>
              ))}
            </select>
          </label>
          <div
            className="radio-group"
            role="radiogroup"
            aria-labelledby={`${ids.title}-outcome`}
            aria-invalid={errors.outcome ? true : undefined}
            aria-describedby={errors.outcome ? `${ids.err}-outcome` : undefined}
          >
            <span id={`${ids.title}-outcome`} className="group-label">
              {t("decide.outcome")}
            </span>
            <div className="radio-grid">
              {DecisionOutcome.options.map((option) => (
                <label key={option} className="radio">
                  <input
                    type="radio"
                    name="outcome"
                    value={option}
                    checked={outcome === option}
                    onChange={() => setOutcome(option)}
                  />
                  {t(`outcome.${option}`)}
                </label>
              ))}
            </div>
            <FieldError id={`${ids.err}-outcome`} message={errors.outcome} />
          </div>
          {needsParty ? (
            <div
              className="radio-group"
              role="radiogroup"
              aria-labelledby={`${ids.title}-favoured`}
            >
              <span id={`${ids.title}-favoured`} className="group-label">
                {t("decide.favoured")}
              </span>
              {(["complainant", "respondent"] as const).map((role) => (
                <label key={role} className="radio">
                  <input
                    type="radio"
                    name="favoured"
                    value={role}
                    checked={favoured === role}
                    onChange={() => setFavoured(role)}
                  />
                  {t(`role.${role}`)}: {detail[role].displayName} ({t(`side.${detail[role].side}`)})
                </label>
              ))}
            </div>
          ) : null}
          {outcome === "partial_refund" ? (
            <label htmlFor={ids.amount}>
              {t("decide.amount", { currency: detail.currency })}
              <input
                id={ids.amount}
                inputMode="decimal"
                value={amount}
                aria-invalid={errors.amount ? true : undefined}
                aria-describedby={errors.amount ? `${ids.err}-amount` : undefined}
                onChange={(e) => setAmount(e.target.value)}
              />
              <FieldError id={`${ids.err}-amount`} message={errors.amount} />
            </label>
          ) : null}
          <label htmlFor={ids.rationale}>
            {t("decide.rationale")}
            <textarea
              id={ids.rationale}
              rows={5}
              value={rationale}
              required
              minLength={RATIONALE_MIN_LENGTH}
              aria-invalid={errors.rationale ? true : undefined}
              aria-describedby={`${ids.rationale}-hint${errors.rationale ? ` ${ids.err}-rationale` : ""}`}
              onChange={(e) => setRationale(e.target.value)}
            />
          </label>
          <p id={`${ids.rationale}-hint`} className="hint">
            {t("decide.rationaleHint", {
              min: RATIONALE_MIN_LENGTH,
              count: rationale.trim().length,
            })}
          </p>
          <FieldError id={`${ids.err}-rationale`} message={errors.rationale} />
          <div className="button-row">
            <button type="submit" className="primary">
              {t("decide.submit")}
            </button>
            <button type="button" onClick={close}>
              {t("common.cancel")}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
