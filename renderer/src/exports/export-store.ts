/**
 * One export at a time, with its progress and a way to cancel it. The store runs whatever job it is
 * given with an AbortController and records how it ended; the job does the I/O.
 */
import { createStore } from "zustand/vanilla";

export interface ExportJob {
  label: string;
  phase: string;
  done: number;
  total: number;
}

export interface ExportState {
  job: ExportJob | null;
  /**
   * How the last export ended, for the status line: `message` is the job's own (already in the
   * user's language) when done; a cancelled or failed one keeps its label and error, for the
   * status line to say in words.
   */
  outcome:
    | { kind: "done"; message: string }
    | { kind: "cancelled"; label: string }
    | { kind: "failed"; label: string; error: unknown }
    | null;
  start(
    label: string,
    run: (
      signal: AbortSignal,
      progress: (phase: string, done: number, total: number) => void,
    ) => Promise<string>,
  ): Promise<void>;
  cancel(): void;
}

export function createExportStore() {
  let controller: AbortController | null = null;
  return createStore<ExportState>()((set, get) => ({
    job: null,
    outcome: null,
    async start(label, run) {
      if (get().job) return;
      controller = new AbortController();
      const signal = controller.signal;
      set({ job: { label, phase: "", done: 0, total: 0 }, outcome: null });
      try {
        const message = await run(signal, (phase, done, total) => {
          if (!signal.aborted) set({ job: { label, phase, done, total } });
        });
        set({ job: null, outcome: { kind: "done", message } });
      } catch (error) {
        set({
          job: null,
          outcome: signal.aborted ? { kind: "cancelled", label } : { kind: "failed", label, error },
        });
      } finally {
        controller = null;
      }
    },
    cancel() {
      controller?.abort(new DOMException("The export was cancelled.", "AbortError"));
    },
  }));
}

export type ExportStore = ReturnType<typeof createExportStore>;
