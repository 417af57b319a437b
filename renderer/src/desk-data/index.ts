/**
 * The desk's data layer: the offline cache and the sync engine behind it, for the screens.
 *
 * Screens read from the cache (instant, works offline) and act through `enqueue`: an action is
 * persisted in the outbox first, applied to the cached case at once (shown as pending), and pushed
 * to the server exactly once, in order, by the one sync loop of the profile. Nothing here imports
 * React; components subscribe with callbacks or with `useStore(deskData.status)`.
 *
 * Lifecycle: `createDeskData` after sign-in (one cache per user), `start()` it, `stop()` on
 * sign-out, then `wipe()` once the agent confirmed losing `pendingForSignOut()`.
 *
 * This file is the module's only door: code outside `desk-data/` imports from here (a Biome rule
 * refuses deep imports), so the folders inside can change without touching a screen.
 * Inside, one folder per job: `cases/` (the IndexedDB cache of rows and details), `queue-rows/`
 * (the queue's order and pages), `outbox/` (queued actions and their projection), `conflicts/`,
 * `evidence/`, `uploads/` (attachments stored until the server files them), `sync/` (the push/pull
 * loop, its API and live events), `session/` (per-user session, leader election, the change bus
 * between windows), `replies/` (canned replies and macros for the offline picker).
 */
export type { CachedCase } from "./cases/cached-case";
export { serverSummaryOf } from "./cases/case-cache";
export {
  type ConflictSummary,
  describeConflict,
  type FieldChange,
} from "./conflicts/conflict-logic";
export type {
  CaseView,
  ConflictResolution,
  ConflictView,
  DeskData,
  EnqueueResult,
  QueuePage,
  QueueQuery,
  SignOutRisk,
  Unsubscribe,
} from "./contract";
export { createDeskData, type DeskDataOptions } from "./create-desk-data";
export type { ConflictRecord, OutboxEntry, OutboxState } from "./outbox/outbox-types";
export { compareReferences, type QueueSortKey, slaSortKey } from "./queue-rows/queue-order";
export {
  createReplyCache,
  type FetchReplies,
  REPLY_SYNC_INTERVAL_MS,
  type ReplyCache,
} from "./replies/reply-cache";
export {
  createDeskSession,
  type DeskSessionState,
  type DeskSessionStore,
} from "./session/desk-session";
export { localStorageLastUser } from "./session/last-user";
export { openEventStream } from "./sync/sse";
export { type SyncStatusState, type SyncStatusStore, statusHeadline } from "./sync/status-store";
export { type SyncApi, syncApiOf } from "./sync/sync-api";
export type {
  AttachRefusal,
  AttachResult,
  UploadState,
  UploadView,
} from "./uploads/upload-types";
