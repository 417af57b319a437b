import { createStore } from "zustand/vanilla";
import type { WorkstationAction } from "../actions/action-types";
import type { CaseView, DeskData } from "../sync/index";

/** A case as the data layer hands it over: cached detail with pending actions applied. */
export type CaseViewData = CaseView;

/** What the workspace needs from the data layer. */
export type CaseData = Pick<DeskData, "observeCase" | "enqueue">;

// State
export interface CaseState {
  caseId: string | null;
  status: "idle" | "loading" | "ready" | "missing";
  view: CaseViewData | null;
  /** Epoch ms when the case was asked for and when it first showed: the "open from cache" time. */
  openedAt: number | null;
  shownAt: number | null;
  lastSubmitted: string | null;
}

// Actions
export interface CaseActions {
  open(id: string): void;
  close(): void;
  /** Writes the action to the outbox; it shows at once as pending and syncs in the background. */
  submit(action: WorkstationAction): Promise<void>;
}

export function createCaseStore(data: CaseData, now: () => number = () => performance.now()) {
  let unsubscribe: (() => void) | null = null;
  return createStore<CaseState & CaseActions>()((set, get) => ({
    caseId: null,
    status: "idle",
    view: null,
    openedAt: null,
    shownAt: null,
    lastSubmitted: null,

    open(id) {
      if (get().caseId === id && unsubscribe) return;
      unsubscribe?.();
      set({ caseId: id, status: "loading", view: null, openedAt: now(), shownAt: null });
      unsubscribe = data.observeCase(id, (view) => {
        if (get().caseId !== id) return;
        if (!view) {
          set({ status: "missing", view: null });
          return;
        }
        // Fresher data replaces the view in place: same case, same layout, no reset of the scroll.
        set({ status: "ready", view, shownAt: get().shownAt ?? now() });
      });
    },

    close() {
      unsubscribe?.();
      unsubscribe = null;
      set({ caseId: null, status: "idle", view: null, openedAt: null, shownAt: null });
    },

    async submit(action) {
      const id = get().caseId;
      if (!id) return;
      await data.enqueue(id, action);
      set({ lastSubmitted: action.type });
    },
  }));
}

export type CaseStore = ReturnType<typeof createCaseStore>;
