import { AppealReason, CaseKind, CaseStage, CaseStatus } from "@shared/domain/appeal";
import { Currency } from "@shared/domain/money";
import { memo, type ReactNode, useEffect, useId } from "react";
import { useTranslation } from "react-i18next";
import { activeFilterCount, EMPTY_FILTER, type QueueFilter, type RiskFilter } from "./queue-filter";

/** Every filter back to "any"; the search text is left as typed (the store merges the patch). */
const { text: _text, ...CLEARED } = EMPTY_FILTER;

const RISKS: readonly RiskFilter[] = ["breached", "due_today", "warning", "on_track", "paused"];

function toggle<T>(values: readonly T[], value: T): T[] {
  return values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
}

/** A multi-choice filter as a disclosure with checkboxes; its summary says how many are on. */
function ChoiceFilter<T extends string>({
  legend,
  options,
  selected,
  label,
  onChange,
}: {
  legend: string;
  options: readonly T[];
  selected: readonly T[];
  label: (value: T) => ReactNode;
  onChange(values: T[]): void;
}) {
  return (
    <details className="filter-menu">
      <summary>
        {legend}
        {selected.length ? <span className="badge">{selected.length}</span> : null}
      </summary>
      <fieldset>
        <legend className="visually-hidden">{legend}</legend>
        {options.map((option) => (
          <label key={option} className="check">
            <input
              type="checkbox"
              checked={selected.includes(option)}
              onChange={() => onChange(toggle(selected, option))}
            />
            {label(option)}
          </label>
        ))}
      </fieldset>
    </details>
  );
}

/** Closes an open filter menu on a click outside it or on Escape, as a menu should. */
function useCloseMenusOnOutsideClick() {
  useEffect(() => {
    const closeAll = (except: EventTarget | null) => {
      for (const menu of document.querySelectorAll<HTMLDetailsElement>(
        "details.filter-menu[open]",
      )) {
        if (!(except instanceof Node && menu.contains(except))) menu.open = false;
      }
    };
    const onPointer = (event: PointerEvent) => closeAll(event.target);
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") closeAll(null);
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, []);
}

interface QueueFiltersProps {
  filter: QueueFilter;
  onChange(patch: Partial<QueueFilter>): void;
}

/** The search text is the one field typed into, and this bar does not show it. */
function isSameBar(a: QueueFiltersProps, b: QueueFiltersProps): boolean {
  if (a.onChange !== b.onChange) return false;
  const keys = Object.keys(a.filter) as (keyof QueueFilter)[];
  return keys.every((key) => key === "text" || a.filter[key] === b.filter[key]);
}

/**
 * The filter bar. Memoised without the search text: it holds some sixty translated labels, and
 * rendering them again on every keystroke was a measurable part of the keystroke's cost.
 */
export const QueueFilters = memo(function QueueFilters({ filter, onChange }: QueueFiltersProps) {
  const { t } = useTranslation();
  const assigneeId = useId();
  const count = activeFilterCount(filter);
  useCloseMenusOnOutsideClick();
  return (
    <fieldset className="filters">
      <legend className="visually-hidden">{t("filters.label")}</legend>
      <span className="inline">
        <label htmlFor={assigneeId}>{t("filters.assignee")}</label>
        <select
          id={assigneeId}
          value={filter.assignee}
          onChange={(e) => onChange({ assignee: e.target.value as QueueFilter["assignee"] })}
        >
          <option value="any">{t("filters.assigneeAny")}</option>
          <option value="mine">{t("filters.assigneeMine")}</option>
          <option value="unassigned">{t("filters.assigneeNone")}</option>
        </select>
      </span>
      <ChoiceFilter
        legend={t("filters.status")}
        options={CaseStatus.options}
        selected={filter.statuses}
        label={(v) => t(`status.${v}`)}
        onChange={(statuses) => onChange({ statuses })}
      />
      <ChoiceFilter
        legend={t("filters.stage")}
        options={CaseStage.options}
        selected={filter.stages}
        label={(v) => t(`stage.${v}`)}
        onChange={(stages) => onChange({ stages })}
      />
      <ChoiceFilter
        legend={t("filters.kind")}
        options={CaseKind.options}
        selected={filter.kinds}
        label={(v) => t(`kind.${v}`)}
        onChange={(kinds) => onChange({ kinds })}
      />
      <ChoiceFilter
        legend={t("filters.reason")}
        options={AppealReason.options}
        selected={filter.reasons}
        label={(v) => t(`reason.${v}`)}
        onChange={(reasons) => onChange({ reasons })}
      />
      <ChoiceFilter
        legend={t("filters.risk")}
        options={RISKS}
        selected={filter.risks}
        label={(v) => t(`risk.${v}`)}
        onChange={(risks) => onChange({ risks })}
      />
      <ChoiceFilter
        legend={t("filters.currency")}
        options={Currency.options}
        selected={filter.currencies}
        // ISO and asset codes, the same in every language.
        label={(v) => <span translate="no">{v}</span>}
        onChange={(currencies) => onChange({ currencies })}
      />
      <details className="filter-menu">
        <summary>
          {t("filters.amount")}
          {filter.amountMin || filter.amountMax ? <span className="badge">1</span> : null}
        </summary>
        <fieldset>
          <legend className="visually-hidden">{t("filters.amount")}</legend>
          <label>
            {t("filters.amountMin")}
            <input
              inputMode="decimal"
              value={filter.amountMin}
              onChange={(e) => onChange({ amountMin: e.target.value })}
            />
          </label>
          <label>
            {t("filters.amountMax")}
            <input
              inputMode="decimal"
              value={filter.amountMax}
              onChange={(e) => onChange({ amountMax: e.target.value })}
            />
          </label>
        </fieldset>
      </details>
      <details className="filter-menu">
        <summary>
          {t("filters.filed")}
          {filter.filedFrom || filter.filedTo ? <span className="badge">1</span> : null}
        </summary>
        <fieldset>
          <legend className="visually-hidden">{t("filters.filed")}</legend>
          <label>
            {t("filters.from")}
            <input
              type="date"
              value={filter.filedFrom}
              onChange={(e) => onChange({ filedFrom: e.target.value })}
            />
          </label>
          <label>
            {t("filters.to")}
            <input
              type="date"
              value={filter.filedTo}
              onChange={(e) => onChange({ filedTo: e.target.value })}
            />
          </label>
        </fieldset>
      </details>
      {count ? (
        <button type="button" className="link-button" onClick={() => onChange(CLEARED)}>
          {t("filters.clear", { count })}
        </button>
      ) : null}
    </fieldset>
  );
}, isSameBar);
