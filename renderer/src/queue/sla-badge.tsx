import type { Formatters } from "../i18n/format";
import type { BreachRisk } from "./queue-sla";

/**
 * An SLA state in colour and words (never colour alone): "Overdue 2 d 4 h", "Due in 3 h".
 * The colour class and an icon-like glyph repeat what the text says for a quick scan.
 * Takes its words and formatters from its table rather than from hooks: it renders in every
 * visible row, and hooks and `t()` calls per badge are measurable when a keystroke replaces rows.
 */
export interface SlaLabels {
  paused: string;
  warning: string;
  overdue(duration: string): string;
  dueIn(duration: string): string;
}

export function SlaBadge({
  risk,
  dueAt,
  now,
  labels,
  format,
}: {
  risk: BreachRisk;
  dueAt: number | null;
  now: number;
  labels: SlaLabels;
  format: Formatters;
}) {
  if (risk === "none") return <span className="sla sla-none">—</span>;
  if (risk === "paused") {
    return (
      <span className="sla sla-paused">
        <span aria-hidden="true">Ⅱ </span>
        {labels.paused}
      </span>
    );
  }
  const minutes = dueAt === null ? 0 : (dueAt - now) / 60_000;
  const text =
    risk === "breached"
      ? labels.overdue(format.duration(-minutes))
      : labels.dueIn(format.duration(minutes));
  const glyph = risk === "breached" ? "‼ " : risk === "warning" ? "! " : "";
  return (
    <span
      className={`sla sla-${risk}`}
      title={dueAt === null ? undefined : format.dateTime(dueAt)}
      data-user-title=""
    >
      {glyph ? <span aria-hidden="true">{glyph}</span> : null}
      {text}
      {risk === "warning" ? <span className="visually-hidden"> ({labels.warning})</span> : null}
    </span>
  );
}
