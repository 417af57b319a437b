import type { LiveEvent } from "@shared/api/events";
import type { DexieOptions } from "dexie";
import { SearchDatabase, searchDatabaseName } from "../search/search-db";
import { serverSummaryOf } from "./cases/case-cache";
import { allCases, getCases } from "./cases/case-store";
import { createCaseReader } from "./cases/case-view";
import { type DeskDatabase, META, openDeskDatabase, readMeta } from "./cases/desk-db";
import { applyResolution, conflictViews } from "./conflicts/conflict-store";
import type { DeskData } from "./contract";
import { EvidenceCache } from "./evidence/evidence-cache";
import { evidenceContent } from "./evidence/evidence-content";
import { addToOutbox, outboxEntries, removeFailed, signOutRisk } from "./outbox/outbox-store";
import { firstScreenPage, queuePage } from "./queue-rows/queue-page";
import { createReplyCache } from "./replies/reply-cache";
import { createChangeBus } from "./session/change-bus";
import { createLeaderElection, type LeaderElection } from "./session/leader";
import { createSyncStatusStore } from "./sync/status-store";
import type { SyncApi } from "./sync/sync-api";
import { SyncEngine, type SyncEngineOptions } from "./sync/sync-engine";
import { acknowledgeUpload } from "./uploads/upload-ack";
import { UploadDatabase, uploadDatabaseName } from "./uploads/upload-db";
import { UploadQueue } from "./uploads/upload-queue";

export interface DeskDataOptions {
  userId: string;
  api: SyncApi;
  /** Defaults to Web Locks / BroadcastChannel election named after the user. */
  leader?: LeaderElection;
  /** fake-indexeddb in Node tests. */
  dexieOptions?: DexieOptions;
  evidenceBudgetBytes?: number;
  engine?: Partial<
    Omit<SyncEngineOptions, "db" | "api" | "status" | "onCasesChanged" | "onLiveEvent">
  >;
}

/**
 * Builds the desk's data layer for one signed-in user (see `DeskData` for the contract). It only
 * wires the parts together: the cache (`cases/`), the change bus between windows (`session/`),
 * the sync loop (`sync/`), and the reads and writes of each job (`queue-rows/`, `outbox/`,
 * `conflicts/`, `evidence/`). Every write tells the bus which cases it touched, and every write to
 * the outbox wakes the loop.
 */
export function createDeskData(options: DeskDataOptions): DeskData & {
  readonly db: DeskDatabase;
  readonly engine: SyncEngine;
} {
  const { userId, api } = options;
  const db = openDeskDatabase(userId, options.dexieOptions);
  const status = createSyncStatusStore();
  const evidence = new EvidenceCache(db, { budgetBytes: options.evidenceBudgetBytes });
  // Another window (the leader) wrote to the cache: read the counts again; a new action there
  // wakes this window's loop, a no-op unless this window leads.
  const bus = createChangeBus(userId, (message) => {
    status.getState().patch({});
    void engine.refreshCounts();
    if (message.hasNewAction) engine.kick();
  });
  const liveListeners = new Set<(event: LiveEvent) => void>();
  const engine = new SyncEngine({
    ...options.engine,
    db,
    api,
    status,
    onCasesChanged: (ids) => {
      bus.announce(ids);
      // An acknowledged action may be what an attachment of the case was waiting behind.
      uploads.kick();
    },
    onLiveEvent: (event) => {
      for (const listener of liveListeners) listener(event);
    },
  });
  const cases = createCaseReader(db, api, bus);
  const replies = createReplyCache({
    userId,
    fetchReplies: api.listReplies,
    dexieOptions: options.dexieOptions,
  });
  const uploadDb = new UploadDatabase(uploadDatabaseName(userId), options.dexieOptions);
  const refreshUploadCount = async () =>
    status.getState().patch({ uploadCount: await uploads.pendingCount() });
  const uploads: UploadQueue = new UploadQueue({
    db: uploadDb,
    api,
    actorId: userId,
    isCaseBusy: async (caseId) =>
      (await db.outbox
        .where("caseId")
        .equals(caseId)
        .filter((e) => e.state !== "failed")
        .count()) > 0,
    onUploaded: async (upload, answer) => {
      await acknowledgeUpload(db, upload, answer);
      bus.announce([upload.caseId], false);
    },
    onChange: (ids) => {
      uploadBus.emit(ids);
      void refreshUploadCount();
    },
    onReachability: (isOnline) => {
      if (isOnline) status.getState().patch({ isOnline, lastSyncAt: Date.now() });
      else status.getState().patch({ isOnline });
    },
  });
  // Upload views change with progress (many times a second): their own listeners, not the bus
  // that makes every queue reader re-read.
  const uploadListeners = new Set<() => void>();
  const uploadBus = {
    emit: (_ids: readonly string[]) => {
      for (const listener of uploadListeners) listener();
    },
  };
  const leader = options.leader ?? createLeaderElection(`arbiter-sync:${userId}`);
  let stopLeading: (() => void) | null = null;
  // The browser's word is a hint: "offline" is reliable, "online" only means "try again now".
  const onOffline = () => status.getState().patch({ isOnline: false });
  const onOnline = () => {
    engine.kick(true);
    uploads.kick();
  };
  const onError = (error: unknown) => status.getState().patch({ error: String(error) });
  const observe = <T>(query: () => Promise<T>, listener: (value: T) => void) =>
    bus.observe(query, listener, onError);
  /** After a write to the outbox: readers re-read, the status bar recounts, the loop wakes. */
  const afterOutboxWrite = async (ids: readonly string[], hasNewAction: boolean) => {
    bus.announce(ids, hasNewAction);
    await engine.refreshCounts();
    if (hasNewAction) engine.kick();
  };

  return {
    userId,
    status,
    db,
    engine,
    replies,

    async start() {
      if (stopLeading) return;
      await db.open();
      await engine.refreshCounts();
      // Survives reloads: "last sync" is when this cache last reached the server, not this window.
      const lastSyncAt = await readMeta<number>(db, META.lastSyncAt);
      if (typeof lastSyncAt === "number") status.getState().patch({ lastSyncAt });
      // Every window keeps its own copy fresh: on sign-in, then every minute.
      replies.start();
      await refreshUploadCount();
      stopLeading = leader.run(
        // One leader sends both: queued actions and queued attachments.
        async (signal) => {
          await Promise.all([engine.run(signal), uploads.run(signal)]);
        },
        (isLeader) => status.getState().patch({ isLeader }),
      );
      if (typeof window !== "undefined") {
        window.addEventListener("offline", onOffline);
        window.addEventListener("online", onOnline);
      }
    },

    async stop() {
      replies.stop();
      stopLeading?.();
      stopLeading = null;
      if (typeof window !== "undefined") {
        window.removeEventListener("offline", onOffline);
        window.removeEventListener("online", onOnline);
      }
    },

    syncNow: () => engine.pullNow(),
    resumeAfterSignIn: () => {
      engine.resumeAfterSignIn();
      uploads.resume();
    },

    allCases: () => allCases(db),
    firstScreen: (limit) => firstScreenPage(db, limit),
    casesByIds: (ids) => getCases(db, ids),
    onCasesChanged: bus.onCasesChanged,
    onLiveEvent(listener) {
      liveListeners.add(listener);
      return () => liveListeners.delete(listener);
    },
    observeQueue: (query, listener) => observe(() => queuePage(db, query), listener),

    async getCase(id, signal) {
      const view = await cases.caseView(id);
      // Background refresh; the caller has the cached view at once.
      void cases.refreshCase(id, signal);
      return view;
    },
    observeCase: (id, listener) => cases.observeCase(id, listener, onError),

    async enqueue(caseId, action) {
      const result = await addToOutbox(db, userId, caseId, action);
      await afterOutboxWrite([caseId], true);
      return result;
    },
    observeOutbox: (listener, caseId) => observe(() => outboxEntries(db, caseId), listener),
    async dismissFailed(seq) {
      const caseId = await removeFailed(db, seq);
      if (caseId !== null) await afterOutboxWrite([caseId], false);
    },

    observeConflicts: (listener) => observe(() => conflictViews(db), listener),
    async resolveConflict(seq, resolution) {
      await applyResolution(db, seq, resolution);
      const entry = await db.outbox.get(seq);
      await afterOutboxWrite(entry ? [entry.caseId] : [], true);
    },

    evidenceContent: (caseId, item, signal) => evidenceContent(evidence, api, caseId, item, signal),

    async attach(caseId, file, fileName, description) {
      const row = await getCases(db, [caseId]);
      const cached = row[0];
      if (!cached) return { ok: false, reason: "not_cached" };
      return uploads.attach(caseId, file, fileName, description, serverSummaryOf(cached).version);
    },
    observeUploads(listener, caseId) {
      let isOpen = true;
      let isReading = false;
      let again = false;
      // Coalesced: progress events arrive faster than IndexedDB reads.
      const read = async () => {
        if (isReading) {
          again = true;
          return;
        }
        isReading = true;
        try {
          do {
            again = false;
            const views = await uploads.views(caseId);
            if (isOpen) listener(views);
          } while (again && isOpen);
        } catch (error) {
          onError(error);
        } finally {
          isReading = false;
        }
      };
      uploadListeners.add(read);
      void read();
      return () => {
        isOpen = false;
        uploadListeners.delete(read);
      };
    },
    dismissUpload: (id) => uploads.dismiss(id),

    pendingForSignOut: async () => ({
      ...(await signOutRisk(db)),
      uploads: await uploads.pendingCount(),
    }),

    async wipe() {
      stopLeading?.();
      stopLeading = null;
      bus.emitLocal(["all"]);
      bus.close();
      // The instance's delete uses the IndexedDB it was opened with (fake-indexeddb in tests).
      await db.delete();
      await uploadDb.delete();
      // The search index's copy of the cases' text goes with the cache.
      await new SearchDatabase(searchDatabaseName(userId), options.dexieOptions).delete();
      await replies.wipe();
    },
  };
}
