import { useStore } from "zustand";
import type { ExportStore } from "./export-store";

/** The running export's progress bar and Cancel button, then how it ended. */
export function ExportProgress({ store }: { store: ExportStore }) {
  const { job, outcome, cancel } = useStore(store);
  if (job) {
    const percent = job.total ? Math.round((job.done / job.total) * 100) : 0;
    return (
      <section className="export-progress" aria-label="Export progress">
        <span>
          {job.label}
          {job.phase ? ` — ${job.phase}` : ""} {job.total ? `${job.done}/${job.total}` : "…"}
        </span>
        <progress aria-label={job.label} max={100} value={percent} />
        <button type="button" onClick={cancel}>
          Cancel export
        </button>
      </section>
    );
  }
  if (!outcome) return null;
  return (
    <p className={`export-outcome export-${outcome.kind}`} role="status">
      {outcome.message}
    </p>
  );
}
