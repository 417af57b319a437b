import type { Evidence } from "@shared/domain/appeal";
import { createStore } from "zustand/vanilla";
import type { DeskData } from "../desk-data";
import { type Verification, verifyEvidence } from "./verify";

/** Evidence bytes: from the cache when there, else downloaded and cached. */
export type EvidenceData = Pick<DeskData, "evidenceContent">;

export interface LoadedEvidence {
  status: "loading" | "ready" | "error";
  verification: Verification;
  /** A blob: URL over the verified bytes, revoked when the case closes. */
  url: string | null;
  /** For text/plain evidence, the decoded text. */
  text: string | null;
  /** For PDFs, the verified bytes pdf.js draws (it reads bytes, not a blob: URL). */
  bytes?: Uint8Array | null;
  error: string | null;
}

// State
export interface EvidenceState {
  caseId: string | null;
  items: Readonly<Record<string, LoadedEvidence>>;
  /** What the viewer shows: one id, or two side by side. */
  shown: string[];
}

// Actions
export interface EvidenceActions {
  forCase(caseId: string): void;
  /** Downloads (or reads from the cache) and verifies an item, once; `retry` after an error. */
  load(evidence: Evidence): Promise<void>;
  retry(evidence: Evidence): Promise<void>;
  show(ids: string[]): void;
  /** Adds an item to the comparison (keeps the last two). */
  compareWith(id: string): void;
  reset(): void;
}

export function createEvidenceStore(data: EvidenceData) {
  let controller = new AbortController();
  return createStore<EvidenceState & EvidenceActions>()((set, get) => {
    const patch = (id: string, value: Partial<LoadedEvidence>) => {
      const previous: LoadedEvidence = get().items[id] ?? {
        status: "loading",
        verification: "verifying",
        url: null,
        text: null,
        error: null,
      };
      set({ items: { ...get().items, [id]: { ...previous, ...value } } });
    };
    const revokeAll = () => {
      for (const item of Object.values(get().items)) if (item.url) URL.revokeObjectURL(item.url);
    };
    return {
      caseId: null,
      items: {},
      shown: [],

      forCase(caseId) {
        if (get().caseId === caseId) return;
        get().reset();
        set({ caseId });
      },

      async load(evidence) {
        const caseId = get().caseId;
        const existing = get().items[evidence.id];
        if (!caseId || existing) return;
        patch(evidence.id, { status: "loading", verification: "verifying", error: null });
        try {
          const bytes = await data.evidenceContent(caseId, evidence, controller.signal);
          const verification = await verifyEvidence(bytes, evidence.sha256);
          if (get().caseId !== caseId) return;
          const blob = new Blob([bytes.slice().buffer], { type: evidence.mimeType });
          const text = evidence.mimeType === "text/plain" ? new TextDecoder().decode(bytes) : null;
          patch(evidence.id, {
            status: "ready",
            verification,
            url: URL.createObjectURL(blob),
            text,
            bytes: evidence.mimeType === "application/pdf" ? bytes : null,
          });
        } catch (error) {
          if (get().caseId !== caseId) return;
          patch(evidence.id, {
            status: "error",
            error: error instanceof Error ? error.message : String(error),
          });
        }
      },

      async retry(evidence) {
        const { [evidence.id]: _failed, ...rest } = get().items;
        set({ items: rest });
        await get().load(evidence);
      },

      show(ids) {
        set({ shown: ids.slice(0, 2) });
      },

      compareWith(id) {
        const shown = get().shown.filter((s) => s !== id);
        set({ shown: [...shown.slice(-1), id] });
      },

      reset() {
        controller.abort();
        controller = new AbortController();
        revokeAll();
        set({ caseId: null, items: {}, shown: [] });
      },
    };
  });
}

export type EvidenceStore = ReturnType<typeof createEvidenceStore>;
