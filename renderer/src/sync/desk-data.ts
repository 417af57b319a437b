import type { CaseDetail, Evidence } from "@shared/domain/appeal";
import type { DexieOptions } from "dexie";
import { applyServerDetail, reprojectCase, serverSummaryOf } from "../cache/case-cache";
import {
  allCases,
  caseTables,
  countCases,
  firstScreen,
  getCase,
  getCases,
  HEAD_ROWS,
} from "../cache/case-store";
import {
  type CachedCase,
  type DeskDatabase,
  META,
  openDeskDatabase,
  readMeta,
  toSummary,
} from "../cache/desk-db";
import { EvidenceCache } from "../cache/evidence-cache";
import { queueOrder } from "../cache/queue-order";
import { SearchDatabase, searchDatabaseName } from "../search/search-db";
import type { DeskAction } from "./actions";
import type {
  CaseView,
  ConflictResolution,
  ConflictView,
  DeskData,
  EnqueueResult,
  QueuePage,
  QueueQuery,
  SignOutRisk,
  Unsubscribe,
} from "./index";
import { createLeaderElection, type LeaderElection } from "./leader";
import { isRedundant, projectDetail, queuedBehind } from "./outbox-logic";
import type { OutboxEntry } from "./outbox-types";
import { createSyncStatusStore } from "./status-store";
import type { SyncApi } from "./sync-api";
import { SyncEngine, type SyncEngineOptions } from "./sync-engine";

export interface DeskDataOptions {
  userId: string;
  api: SyncApi;
  /** Defaults to Web Locks / BroadcastChannel election named after the user. */
  leader?: LeaderElection;
  /** fake-indexeddb in Node tests. */
  dexieOptions?: DexieOptions;
  evidenceBudgetBytes?: number;
  engine?: Partial<Omit<SyncEngineOptions, "db" | "api" | "status" | "onCasesChanged">>;
}

/** What the windows of a profile tell each other about cache writes. */
interface ChangeMessage {
  ids: readonly string[];
  hasNewAction: boolean;
}

/** Builds the desk's data layer for one signed-in user. See `DeskData` for the contract. */
export function createDeskData(options: DeskDataOptions): DeskData & {
  readonly db: DeskDatabase;
  readonly engine: SyncEngine;
} {
  const { userId, api } = options;
  const db = openDeskDatabase(userId, options.dexieOptions);
  const status = createSyncStatusStore();
  const evidence = new EvidenceCache(db, { budgetBytes: options.evidenceBudgetBytes });
  const listeners = new Set<(ids: readonly string[]) => void>();
  // Other windows of the profile learn about changes the leader wrote through this channel.
  const channel =
    typeof BroadcastChannel === "function"
      ? new BroadcastChannel(`arbiter-desk-changes:${userId}`)
      : null;
  const watchers = new Set<() => void>();
  const emitLocal = (ids: readonly string[]) => {
    for (const listener of listeners) listener(ids);
    for (const watcher of watchers) watcher();
  };
  /**
   * `hasNewAction`: the outbox grew in this window. The leader may be another window, asleep until
   * its next poll: the message wakes its loop so the action is pushed at once.
   */
  const announce = (ids: readonly string[], hasNewAction = false) => {
    emitLocal(ids);
    channel?.postMessage({ ids, hasNewAction } satisfies ChangeMessage);
  };
  if (channel) {
    channel.onmessage = (event: MessageEvent<ChangeMessage>) => {
      emitLocal(event.data.ids);
      status.getState().patch({});
      void engine.refreshCounts();
      // A no-op unless this window leads (only the leader's loop is running).
      if (event.data.hasNewAction) engine.kick();
    };
  }

  const engine = new SyncEngine({ ...options.engine, db, api, status, onCasesChanged: announce });
  const leader = options.leader ?? createLeaderElection(`arbiter-sync:${userId}`);
  let stopLeading: (() => void) | null = null;
  // The browser's word is a hint: "offline" is reliable, "online" only means "try again now".
  const onOffline = () => status.getState().patch({ isOnline: false });
  const onOnline = () => engine.kick(true);

  /**
   * Live queries: run now, and again after every write this data layer makes (in this window, or
   * in the leader window via the channel). Our own bus rather than Dexie's `liveQuery`: every
   * writer is ours, and it behaves the same in Node tests as in the browser. Re-runs are coalesced
   * per macrotask so a burst of writes costs one query.
   */
  const observe = <T>(query: () => Promise<T>, listener: (value: T) => void): Unsubscribe => {
    let isClosed = false;
    let isScheduled = false;
    const rerun = () => {
      if (isScheduled || isClosed) return;
      isScheduled = true;
      setTimeout(() => {
        isScheduled = false;
        if (isClosed) return;
        query().then(
          (value) => !isClosed && listener(value),
          (error: unknown) => status.getState().patch({ error: String(error) }),
        );
      }, 0);
    };
    watchers.add(rerun);
    rerun();
    return () => {
      isClosed = true;
      watchers.delete(rerun);
    };
  };

  const caseView = async (id: string): Promise<CaseView | undefined> => {
    const [row, cached, queued] = await Promise.all([
      getCase(db, id),
      db.details.get(id),
      db.outbox.where("caseId").equals(id).sortBy("seq"),
    ]);
    if (!row) return undefined;
    const server = serverSummaryOf(row);
    return {
      detail: cached ? projectDetail(cached.detail, queued) : null,
      summary: toSummary(row),
      queued,
      isStale: !cached || cached.detail.version < server.version,
    };
  };

  const refreshCase = async (id: string, signal?: AbortSignal): Promise<void> => {
    try {
      const detail: CaseDetail = await api.getCase(id, signal);
      if (await applyServerDetail(db, detail)) announce([id]);
    } catch {
      // Offline or cancelled: the cached view stands; the status bar shows the network state.
    }
  };

  /**
   * A page of the queue, filtered and sorted in memory over every row: the rows live in chunks
   * with no per-row index (see case-store.ts), and one read of 100,000 rows is cheaper than the
   * index walk with a filter it replaces.
   */
  const queuePage = async (query: QueueQuery): Promise<QueuePage> => {
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 200;
    const statuses = query.status ? new Set(query.status) : null;
    const assigneeKey = query.assignee === "none" ? "" : query.assignee;
    const matches = (row: CachedCase) =>
      (!statuses || statuses.has(row.status)) &&
      (!query.stage || row.stage === query.stage) &&
      (!query.kind || row.kind === query.kind) &&
      (assigneeKey === undefined || row.assigneeKey === assigneeKey);
    const rows = (await allCases(db)).filter(matches);
    rows.sort(queueOrder(query.sort ?? { by: "escalatedAt", direction: "asc" }));
    return { rows: rows.slice(offset, offset + limit), total: rows.length };
  };

  const conflictViews = async (): Promise<ConflictView[]> => {
    const [conflicts, outbox] = await Promise.all([
      db.conflicts.toArray(),
      db.outbox.orderBy("seq").toArray(),
    ]);
    const bySeq = new Map(outbox.map((e) => [e.seq, e]));
    return conflicts.flatMap((c) => {
      const entry = bySeq.get(c.seq);
      return entry ? [{ ...c, entry, queuedBehind: queuedBehind(outbox, entry) }] : [];
    });
  };

  return {
    userId,
    status,
    db,
    engine,

    async start() {
      if (stopLeading) return;
      await db.open();
      await engine.refreshCounts();
      // Survives reloads: "last sync" is when this cache last reached the server, not this window.
      const lastSyncAt = await readMeta<number>(db, META.lastSyncAt);
      if (typeof lastSyncAt === "number") status.getState().patch({ lastSyncAt });
      stopLeading = leader.run(
        (signal) => engine.run(signal),
        (isLeader) => status.getState().patch({ isLeader }),
      );
      if (typeof window !== "undefined") {
        window.addEventListener("offline", onOffline);
        window.addEventListener("online", onOnline);
      }
    },

    async stop() {
      stopLeading?.();
      stopLeading = null;
      if (typeof window !== "undefined") {
        window.removeEventListener("offline", onOffline);
        window.removeEventListener("online", onOnline);
      }
    },

    syncNow: () => engine.pullNow(),
    resumeAfterSignIn: () => engine.resumeAfterSignIn(),

    allCases: () => allCases(db),
    async firstScreen(limit) {
      const [rows, total] = await Promise.all([
        firstScreen(db, Math.min(limit, HEAD_ROWS)),
        countCases(db),
      ]);
      return { rows, total };
    },
    casesByIds: (ids) => getCases(db, ids),
    onCasesChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    observeQueue: (query, listener) => observe(() => queuePage(query), listener),

    async getCase(id, signal) {
      const view = await caseView(id);
      // Background refresh; the caller has the cached view at once.
      void refreshCase(id, signal);
      return view;
    },

    observeCase(id, listener) {
      const refresh = new AbortController();
      void refreshCase(id, refresh.signal);
      // A change that arrives while the case is open (a deadline job, another desk, the platform)
      // updates its summary; the detail is fetched again once per newer version, so the clocks,
      // timeline and requests on screen follow without a reload.
      let fetchedFor = 0;
      const unsubscribe = observe(
        () => caseView(id),
        (view) => {
          if (view?.detail && view.isStale && view.summary.version > fetchedFor) {
            fetchedFor = view.summary.version;
            void refreshCase(id, refresh.signal);
          }
          listener(view);
        },
      );
      return () => {
        refresh.abort();
        unsubscribe();
      };
    },

    async enqueue(caseId, action) {
      const result = await db.transaction("rw", [db.outbox, ...caseTables(db)], async () => {
        const row = await getCase(db, caseId);
        if (!row) throw new Error(`Case ${caseId} is not in the cache.`);
        const queued = await db.outbox.where("caseId").equals(caseId).sortBy("seq");
        if (isRedundant(queued, action)) return { seq: null, idempotencyKey: null };
        const server = serverSummaryOf(row);
        const entry: OutboxEntry = {
          idempotencyKey: crypto.randomUUID(),
          caseId,
          action,
          baseVersion: server.version,
          baseSummary: server,
          state: "pending",
          actorId: userId,
          createdAt: Date.now(),
          attempts: 0,
          nextAttemptAt: 0,
          lastError: null,
          lastStatus: null,
        };
        const seq = await db.outbox.add(entry);
        await reprojectCase(db, caseId);
        return { seq: seq ?? null, idempotencyKey: entry.idempotencyKey } satisfies EnqueueResult;
      });
      announce([caseId], true);
      await engine.refreshCounts();
      engine.kick();
      return result;
    },

    observeOutbox(listener, caseId) {
      return observe(
        () =>
          caseId
            ? db.outbox.where("caseId").equals(caseId).sortBy("seq")
            : db.outbox.orderBy("seq").toArray(),
        listener,
      );
    },

    async dismissFailed(seq) {
      const entry = await db.outbox.get(seq);
      if (entry?.state !== "failed") return;
      await db.outbox.delete(seq);
      announce([entry.caseId]);
      await engine.refreshCounts();
    },

    observeConflicts: (listener) => observe(conflictViews, listener),

    async resolveConflict(seq, resolution: ConflictResolution) {
      await db.transaction("rw", [db.outbox, db.conflicts, ...caseTables(db)], async () => {
        const entry = await db.outbox.get(seq);
        const conflict = await db.conflicts.get(seq);
        if (!entry || !conflict) return;
        if (resolution.kind === "discard") {
          // The agent's explicit choice; later actions of the case keep their base and will meet
          // their own 412 if they depended on this one.
          await db.outbox.delete(seq);
        } else {
          // The actions taken after this one on the same base were taken on top of it: they follow
          // it onto the current version, so re-applying a claim does not strand the note after it.
          const later = await db.outbox.where("caseId").equals(entry.caseId).toArray();
          for (const e of later) {
            if (
              e.seq !== undefined &&
              e.seq > seq &&
              e.state === "pending" &&
              e.baseVersion === entry.baseVersion
            ) {
              await db.outbox.update(e.seq, { baseVersion: conflict.theirs.version });
            }
          }
          const action: DeskAction = resolution.kind === "edit" ? resolution.action : entry.action;
          await db.outbox.update(seq, {
            action,
            // A changed body under the old key would be a 422: an edit is a new request.
            idempotencyKey: resolution.kind === "edit" ? crypto.randomUUID() : entry.idempotencyKey,
            baseVersion: conflict.theirs.version,
            baseSummary: "complainant" in conflict.theirs ? null : conflict.theirs,
            state: "pending",
            attempts: 0,
            nextAttemptAt: 0,
            lastError: null,
            lastStatus: null,
          });
        }
        await db.conflicts.delete(seq);
        await reprojectCase(db, entry.caseId);
      });
      const entry = await db.outbox.get(seq);
      announce(entry ? [entry.caseId] : [], true);
      await engine.refreshCounts();
      engine.kick();
    },

    async evidenceContent(caseId, item: Evidence, signal) {
      const cached = await evidence.get(item.sha256);
      if (cached) return cached;
      const bytes = await api.evidenceContent(item.id, signal);
      await evidence.put({ sha256: item.sha256, caseId, mimeType: item.mimeType, bytes });
      return new Uint8Array(bytes);
    },

    async pendingForSignOut(): Promise<SignOutRisk> {
      const entries = await db.outbox.orderBy("seq").toArray();
      return {
        pending: entries.filter((e) => e.state === "pending").length,
        conflicts: entries.filter((e) => e.state === "conflict").length,
        failed: entries.filter((e) => e.state === "failed").length,
        entries,
      };
    },

    async wipe() {
      stopLeading?.();
      stopLeading = null;
      emitLocal(["all"]);
      channel?.close();
      // The instance's delete uses the IndexedDB it was opened with (fake-indexeddb in tests).
      await db.delete();
      // The search index's copy of the cases' text goes with the cache.
      await new SearchDatabase(searchDatabaseName(userId), options.dexieOptions).delete();
    },
  };
}
