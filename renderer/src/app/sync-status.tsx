import { useStore } from "zustand";
import { type SyncStatusStore, statusHeadline } from "../desk-data";

/** Words of the status line; English by default, a translated set can be passed in. */
export interface SyncStatusLabels {
  offline: string;
  synced: string;
  pending: (count: number) => string;
  lastSync: string;
  never: string;
  conflicts: (count: number) => string;
  failed: (count: number) => string;
  filling: (rows: number) => string;
  /** Attachments stored on the desk and not yet filed by the server. */
  uploads: (count: number) => string;
  /** The error's message by its code (see problem-message.ts); without it, the raw words. */
  problem?: (code: string) => string;
}

export const ENGLISH_SYNC_LABELS: SyncStatusLabels = {
  offline: "Offline",
  synced: "Synced",
  pending: (n) => `${n} pending`,
  lastSync: "Last sync",
  never: "never",
  conflicts: (n) => (n === 1 ? "1 conflict" : `${n} conflicts`),
  failed: (n) => (n === 1 ? "1 failed" : `${n} failed`),
  filling: (n) => `Caching ${n.toLocaleString()} cases…`,
  uploads: (n) => (n === 1 ? "1 upload waiting" : `${n} uploads waiting`),
};

/**
 * The always-visible sync status: a `status` region named "Sync status" whose headline reads
 * "N pending" while actions wait (even offline: that is what the agent must not lose sight of),
 * otherwise "Offline" or "Synced"; then the offline flag, last sync time, conflicts, failures and
 * the last error.
 */
export function SyncStatus({
  store,
  labels = ENGLISH_SYNC_LABELS,
  locale,
}: {
  store: SyncStatusStore;
  labels?: SyncStatusLabels;
  locale?: string;
}) {
  const state = useStore(store);
  const headline =
    state.pendingCount > 0
      ? labels.pending(state.pendingCount)
      : statusHeadline(state) === "Offline"
        ? labels.offline
        : labels.synced;
  const kind = state.pendingCount > 0 ? "pending" : state.isOnline ? "synced" : "offline";
  const lastSync = state.lastSyncAt ? new Date(state.lastSyncAt) : null;
  return (
    <div role="status" aria-label="Sync status" className={`sync-status sync-${kind}`}>
      <span className="sync-headline">{headline}</span>
      {state.pendingCount > 0 && !state.isOnline && (
        <span className="sync-offline"> · {labels.offline}</span>
      )}
      {state.uploadCount > 0 && (
        <span className="sync-uploads"> · {labels.uploads(state.uploadCount)}</span>
      )}
      {state.fillRows !== null && (
        <span className="sync-fill"> · {labels.filling(state.fillRows)}</span>
      )}
      {state.conflictCount > 0 && (
        <span className="sync-conflicts"> · {labels.conflicts(state.conflictCount)}</span>
      )}
      {state.failedCount > 0 && (
        <span className="sync-failed"> · {labels.failed(state.failedCount)}</span>
      )}
      <span className="sync-last">
        {" · "}
        {labels.lastSync}{" "}
        {lastSync ? (
          <time dateTime={lastSync.toISOString()}>
            {lastSync.toLocaleTimeString(locale, { hour: "2-digit", minute: "2-digit" })}
          </time>
        ) : (
          labels.never
        )}
      </span>
      {state.error && (
        <span className="sync-error">
          {" · "}
          {state.errorCode && labels.problem ? labels.problem(state.errorCode) : state.error}
        </span>
      )}
    </div>
  );
}
