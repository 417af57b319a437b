/**
 * The contract of the desk's data layer (the offline cache and the sync engine behind it), as
 * `index.ts` offers it to the screens.
 *
 * Screens read from the cache (instant, works offline) and act through `enqueue`: an action is
 * persisted in the outbox first, applied to the cached case at once (shown as pending), and pushed
 * to the server exactly once, in order, by the one sync loop of the profile. Nothing here imports
 * React; components subscribe with callbacks or with `useStore(deskData.status)`.
 *
 * Lifecycle: `createDeskData` after sign-in (one cache per user), `start()` it, `stop()` on
 * sign-out, then `wipe()` once the agent confirmed losing `pendingForSignOut()`.
 */

import type { LiveEvent } from "@shared/api/events";
import type {
  CaseDetail,
  CaseKind,
  CaseStage,
  CaseStatus,
  CaseSummary,
  Evidence,
} from "@shared/domain/appeal";
import type { DeskAction } from "@shared/domain/desk-action";
import type { CachedCase } from "./cases/cached-case";
import type { ConflictRecord, OutboxEntry } from "./outbox/outbox-types";
import type { QueueSortKey } from "./queue-rows/queue-order";
import type { ReplyCache } from "./replies/reply-cache";
import type { SyncStatusStore } from "./sync/status-store";
import type { AttachResult, UploadView } from "./uploads/upload-types";

export type Unsubscribe = () => void;

/** An index-backed page of the queue. Filters combine with AND. */
export interface QueueQuery {
  status?: readonly CaseStatus[];
  stage?: CaseStage;
  kind?: CaseKind;
  /** A user id, or "none" for unassigned. */
  assignee?: string;
  sort?: { by: QueueSortKey; direction: "asc" | "desc" };
  offset?: number;
  /** Default 200. */
  limit?: number;
}

export interface QueuePage {
  rows: CachedCase[];
  /** Rows matching the filters (all pages). */
  total: number;
}

/** A case as the workspace shows it: the server's detail with the agent's pending actions on top. */
export interface CaseView {
  /** Detail when cached; otherwise only the queue's summary is known (offline, never opened). */
  detail: CaseDetail | null;
  summary: CaseSummary;
  /** This case's outbox entries in order: pending, in conflict, or failed. */
  queued: OutboxEntry[];
  /** Whether the detail is older than the summary (a refresh is under way or needed). */
  isStale: boolean;
}

export type ConflictResolution =
  /** Send the same action again on top of the server's current version. */
  | { kind: "reapply" }
  /** Send an edited action (new body, new idempotency key) on top of the current version. */
  | { kind: "edit"; action: DeskAction }
  /** Give the action up; the agent chose to, the entry is removed and the choice is logged. */
  | { kind: "discard" };

export interface EnqueueResult {
  /** The outbox seq, or null when the action was redundant (same as the last queued one) and dropped. */
  seq: number | null;
  idempotencyKey: string | null;
}

/** What sign-out would lose: shown to the agent before `wipe()`. */
export interface SignOutRisk {
  pending: number;
  /** Attachments not yet filed by the server (their files are deleted with the cache). */
  uploads?: number;
  conflicts: number;
  failed: number;
  entries: OutboxEntry[];
}

export interface DeskData {
  readonly userId: string;
  /** Canned replies and decision macros, synced from the server, readable offline. */
  readonly replies: ReplyCache;
  /** Sync status for the status bar (zustand vanilla store: `useStore(deskData.status)`). */
  readonly status: SyncStatusStore;

  /** Opens the cache, elects the sync leader and starts pulling/pushing. Idempotent. */
  start(): Promise<void>;
  /** Stops the loop and live events, closes nothing the next `start()` needs. */
  stop(): Promise<void>;
  /** Pull now (e.g. the agent pressed refresh); resolves when the pull round is done. */
  syncNow(): Promise<void>;
  /** The agent signed in again after a 401: the outbox, paused since, is pushed again. */
  resumeAfterSignIn(): void;

  // Queue
  /** Every cached row, once (for in-memory filtering/sorting of 100,000 rows). */
  allCases(): Promise<CachedCase[]>;
  /**
   * The first `limit` (at most 100) rows of the unfiltered queue, most urgent SLA first, and how
   * many rows there are, read without reading every row: what a warm start paints while
   * `allCases` loads.
   */
  firstScreen(limit: number): Promise<QueuePage>;
  /** Rows by id, for incremental updates after `onCasesChanged`. */
  casesByIds(ids: readonly string[]): Promise<Array<CachedCase | undefined>>;
  /**
   * Ids of cases whose cached row changed (pulls, optimistic actions, acknowledgements), in this
   * window or any other window of the profile. `"all"` after a wipe or bulk fill page.
   */
  onCasesChanged(listener: (ids: readonly string[]) => void): Unsubscribe;
  /**
   * The server's live events as they arrive, for notifications (e.g. `case_attention`: a party let
   * an evidence deadline pass). Only the window that runs the sync loop (the leader) hears them,
   * so each event reaches the agent once per profile; the data they announce comes by the feed.
   */
  onLiveEvent(listener: (event: LiveEvent) => void): Unsubscribe;
  /** A page of the queue, filtered and sorted in memory, re-emitted when the cache changes. */
  observeQueue(query: QueueQuery, listener: (page: QueuePage) => void): Unsubscribe;

  // Case
  /** The case from the cache at once, then refreshed from the server in the background. */
  getCase(id: string, signal?: AbortSignal): Promise<CaseView | undefined>;
  /** Live view of one case; fetches the detail when missing or stale. */
  observeCase(id: string, listener: (view: CaseView | undefined) => void): Unsubscribe;

  // Actions
  /** Persists the action, applies it to the cached case, and wakes the sync loop. */
  enqueue(caseId: string, action: DeskAction): Promise<EnqueueResult>;
  /** The whole outbox (or one case's), live. */
  observeOutbox(listener: (entries: OutboxEntry[]) => void, caseId?: string): Unsubscribe;
  /** Removes a failed entry once the agent has read its error. */
  dismissFailed(seq: number): Promise<void>;

  // Conflicts
  observeConflicts(listener: (conflicts: ConflictView[]) => void): Unsubscribe;
  resolveConflict(seq: number, resolution: ConflictResolution): Promise<void>;

  // Evidence
  /** The evidence bytes: from the cache when there, else downloaded and cached (LRU, size budget). */
  evidenceContent(caseId: string, evidence: Evidence, signal?: AbortSignal): Promise<Uint8Array>;

  // Attachments
  /**
   * Checks the file against the server's limits, hashes it (SHA-256), stores it on the desk and
   * sends it when the server can be reached (now, or after a reload once online), exactly once.
   */
  attach(caseId: string, file: Blob, fileName: string, description: string): Promise<AttachResult>;
  /** The attachments not yet filed (one case's or all), with upload progress, live. */
  observeUploads(listener: (uploads: UploadView[]) => void, caseId?: string): Unsubscribe;
  /** Removes an upload the server refused, once the agent has read why. */
  dismissUpload(id: string): Promise<void>;

  // Sign-out
  pendingForSignOut(): Promise<SignOutRisk>;
  /** Stops syncing and deletes this user's cache database. */
  wipe(): Promise<void>;
}

/** A conflict with what the view needs: the action, the case before and the case now. */
export interface ConflictView extends ConflictRecord {
  entry: OutboxEntry;
  /** The agent's later actions on the case, held until this conflict is resolved (oldest first). */
  queuedBehind: OutboxEntry[];
}
