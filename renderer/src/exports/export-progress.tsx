import { useTranslation } from "react-i18next";
import { useStore } from "zustand";
import { failureMessage } from "../api/problem-message";
import { useWords } from "../i18n/use-words";
import type { ExportStore } from "./export-store";

/** Phases the exports report (see the callers of `progress`); another shows no phase name. */
const PHASES = ["rows", "gathering", "writing"] as const;

/** The running export's progress bar and Cancel button, then how it ended. */
export function ExportProgress({ store }: { store: ExportStore }) {
  const { t } = useTranslation();
  const words = useWords();
  const { job, outcome, cancel } = useStore(store);
  if (job) {
    const percent = job.total ? Math.round((job.done / job.total) * 100) : 0;
    const phase = PHASES.find((p) => p === job.phase);
    return (
      <section className="export-progress" aria-label={t("exportProgress.label")}>
        <span>
          {job.label}
          {phase ? ` — ${t(`exportProgress.phase.${phase}`)}` : ""}{" "}
          {job.total ? `${job.done}/${job.total}` : "…"}
        </span>
        <progress aria-label={job.label} max={100} value={percent} />
        <button type="button" onClick={cancel}>
          {t("exportProgress.cancel")}
        </button>
      </section>
    );
  }
  if (!outcome) return null;
  return (
    <p className={`export-outcome export-${outcome.kind}`} role="status">
      {outcome.kind === "done"
        ? outcome.message
        : outcome.kind === "cancelled"
          ? t("exportProgress.cancelled", { label: outcome.label })
          : t("exportProgress.failed", {
              label: outcome.label,
              error: failureMessage(outcome.error, words),
            })}
    </p>
  );
}
