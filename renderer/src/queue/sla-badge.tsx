import type { TFunction } from "i18next";
import type { Formatters } from "../i18n/format";
import type { BreachRisk } from "./queue-sla";

/**
 * An SLA state in colour and words (never colour alone): "Overdue 2 d 4 h", "Due in 3 h".
 * The colour class and an icon-like glyph repeat what the text says for a quick scan.
 * Takes `t` and the formatters from its table rather than from hooks: it renders in every visible
 * row, and a hook subscription per badge is measurable when a keystroke replaces all the rows.
 */
export function SlaBadge({
  risk,
  dueAt,
  now,
  t,
  format,
}: {
  risk: BreachRisk;
  dueAt: number | null;
  now: number;
  t: TFunction;
  format: Formatters;
}) {
  if (risk === "none") return <span className="sla sla-none">—</span>;
  if (risk === "paused") {
    return (
      <span className="sla sla-paused">
        <span aria-hidden="true">Ⅱ </span>
        {t("sla.paused")}
      </span>
    );
  }
  const minutes = dueAt === null ? 0 : (dueAt - now) / 60_000;
  const text =
    risk === "breached"
      ? t("sla.overdue", { duration: format.duration(-minutes) })
      : t("sla.dueIn", { duration: format.duration(minutes) });
  const glyph = risk === "breached" ? "‼ " : risk === "warning" ? "! " : "";
  return (
    <span className={`sla sla-${risk}`} title={dueAt === null ? undefined : format.dateTime(dueAt)}>
      {glyph ? <span aria-hidden="true">{glyph}</span> : null}
      {text}
      {risk === "warning" ? <span className="visually-hidden"> ({t("risk.warning")})</span> : null}
    </span>
  );
}
