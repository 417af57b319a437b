import { createStore } from "zustand/vanilla";

// State
export interface SyncStatusState {
  /** False after a request failed to reach the server or the browser reports offline. */
  isOnline: boolean;
  /** Whether this window runs the sync loop (one leader per profile across windows). */
  isLeader: boolean;
  /** Outbox entries not yet acknowledged: pending + conflict (failed ones are counted apart). */
  pendingCount: number;
  conflictCount: number;
  failedCount: number;
  /** Attachments stored on the desk and not yet filed by the server (failed ones excluded). */
  uploadCount: number;
  /** Epoch ms of the last completed pull or push round trip; null before the first. */
  lastSyncAt: number | null;
  /** The last sync error in words, cleared by the next success. */
  error: string | null;
  /** The same error as a catalog code (problem type, or unreachable), for the user's language. */
  errorCode: string | null;
  phase: "idle" | "filling" | "pulling" | "pushing";
  /** Initial fill progress: rows cached so far (null once the fill is complete). */
  fillRows: number | null;
}

// Actions
export interface SyncStatusActions {
  patch(partial: Partial<SyncStatusState>): void;
}

export type SyncStatusStore = ReturnType<typeof createSyncStatusStore>;

export function createSyncStatusStore() {
  return createStore<SyncStatusState & SyncStatusActions>()((set) => ({
    isOnline: true,
    isLeader: false,
    pendingCount: 0,
    conflictCount: 0,
    failedCount: 0,
    uploadCount: 0,
    lastSyncAt: null,
    error: null,
    errorCode: null,
    phase: "idle",
    fillRows: null,
    patch: (partial) => set(partial),
  }));
}

/**
 * The status line's headline: "N pending" while actions wait (also offline, since that is what an
 * agent must not lose sight of), else "Offline", else "Synced".
 */
export function statusHeadline(state: Pick<SyncStatusState, "isOnline" | "pendingCount">): string {
  if (state.pendingCount > 0) return `${state.pendingCount} pending`;
  if (!state.isOnline) return "Offline";
  return "Synced";
}
