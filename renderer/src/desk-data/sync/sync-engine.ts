/**
 * The sync loop: pulls server changes into the cache and pushes the outbox to the server.
 * Plain TypeScript over Dexie and a `SyncApi`; it runs only in the profile's leader window.
 *
 * Guarantees, and what they rest on:
 * - Exactly once: every attempt of an entry carries its idempotency key, so a retry after a lost
 *   answer replays the server's first answer; the entry is deleted only in the transaction that
 *   stores that answer, so a crash in between means one more (replayed) attempt, never a loss.
 * - In order: one entry in flight at a time, the oldest first (`nextToPush`).
 * - No half batches: each page or changes batch is applied with its cursor in one transaction, so
 *   an interrupted pull resumes from the last applied cursor.
 */
import { type ChangesPage, MAX_CHANGES_PAGE_SIZE } from "@shared/api/cases";
import { LiveEvent } from "@shared/api/events";
import { type MutationResponse, PreconditionFailedProblem } from "@shared/api/mutations";
import { CaseDetail, CaseSummary } from "@shared/domain/appeal";
import { toApiError } from "../../api/api-error";
import { problemCode } from "../../api/problem-message";
import { applyServerBatch, applyServerDetail, dropCase, reprojectCase } from "../cases/case-cache";
import { caseTables, countCases, getCase } from "../cases/case-store";
import { type DeskDatabase, META, readMeta } from "../cases/desk-db";
import { nextToPush, rebaseAfterAck } from "../outbox/outbox-logic";
import type { OutboxEntry } from "../outbox/outbox-types";
import {
  type BackoffPolicy,
  classifyFailure,
  DEFAULT_BACKOFF,
  parseRetryAfter,
  retryDelay,
} from "./backoff";
import { openEventStream, sleep } from "./sse";
import type { SyncStatusStore } from "./status-store";
import type { SyncApi } from "./sync-api";

type Sequenced = OutboxEntry & { seq: number };

export interface SyncEngineOptions {
  db: DeskDatabase;
  api: SyncApi;
  status: SyncStatusStore;
  /** Called with the ids of cases whose cached rows changed. */
  onCasesChanged?: (ids: readonly string[]) => void;
  /**
   * Each live event, parsed, after it woke the loop: for what is news in itself (a party let a
   * deadline pass) rather than data to pull. Malformed events are dropped here.
   */
  onLiveEvent?: (event: LiveEvent) => void;
  /** Page size asked of the changes feed (the server caps it at MAX_CHANGES_PAGE_SIZE). */
  pageSize?: number;
  /** Pull at least this often even without live events (they can be missed behind proxies). */
  pollIntervalMs?: number;
  /** Open the live event stream (off in tests that drive pulls themselves). */
  useLiveEvents?: boolean;
  /** Retry policy of the push loop (tests shrink it). */
  backoff?: BackoffPolicy;
  now?: () => number;
  random?: () => number;
}

export class SyncEngine {
  private readonly db: DeskDatabase;
  private readonly api: SyncApi;
  private readonly status: SyncStatusStore;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly pageSize: number;
  private readonly pollIntervalMs: number;
  private wake: AbortController = new AbortController();
  private isPullRequested = true;
  private isAuthPaused = false;
  private pullWaiters: Array<() => void> = [];

  constructor(private readonly options: SyncEngineOptions) {
    this.db = options.db;
    this.api = options.api;
    this.status = options.status;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.pageSize = options.pageSize ?? MAX_CHANGES_PAGE_SIZE;
    this.pollIntervalMs = options.pollIntervalMs ?? 60_000;
  }

  /** Wakes the loop: new outbox entry, live event, token refreshed, network back. */
  kick(pull = false): void {
    if (pull) this.isPullRequested = true;
    this.wake.abort();
  }

  /** Resumes pushing after a 401 once the agent has a fresh token. */
  resumeAfterSignIn(): void {
    this.isAuthPaused = false;
    this.kick(true);
  }

  /** Requests a pull and resolves once a pull round has completed (or failed). */
  pullNow(): Promise<void> {
    return new Promise((resolve) => {
      this.pullWaiters.push(resolve);
      this.kick(true);
    });
  }

  /** The loop; returns when `signal` aborts (leadership lost or sign-out). */
  async run(signal: AbortSignal): Promise<void> {
    const onAbort = () => this.wake.abort();
    signal.addEventListener("abort", onAbort);
    const events = this.options.useLiveEvents === false ? null : this.openLiveEvents();
    try {
      await this.refreshCounts();
      while (!signal.aborted) {
        this.wake = new AbortController();
        if (this.isPullRequested) {
          this.isPullRequested = false;
          await this.pullRound(signal);
          const waiters = this.pullWaiters;
          this.pullWaiters = [];
          for (const resolve of waiters) resolve();
        }
        const waitMs = await this.pushRound(signal);
        if (signal.aborted) break;
        if (this.wake.signal.aborted) continue;
        await sleep(Math.min(waitMs, this.pollIntervalMs), this.wake.signal);
        if (!this.wake.signal.aborted) this.isPullRequested = true;
      }
    } finally {
      signal.removeEventListener("abort", onAbort);
      events?.stop();
      for (const resolve of this.pullWaiters) resolve();
      this.pullWaiters = [];
    }
  }

  // Pull

  /**
   * Follows the changes feed from the stored cursor to its head. A new cache starts with no cursor:
   * the feed then begins at the start of history, so the initial fill *is* the feed read page by
   * page — no gap between a list snapshot and the first delta, and the fill resumes from the last
   * page applied after any interruption (each page is stored with its cursor in one transaction).
   *
   * The next page is fetched while the current one is written: the request depends only on the
   * page's cursor, not on the write, so network and IndexedDB overlap instead of taking turns. At
   * most one page is ahead, and it is stored only after the one before it committed, so the
   * stored cursor always matches the stored rows.
   */
  async pullRound(signal?: AbortSignal): Promise<void> {
    const isFilling = !(await readMeta<boolean>(this.db, META.fillComplete));
    this.status.getState().patch({ phase: isFilling ? "filling" : "pulling" });
    try {
      const cursor = (await readMeta<string>(this.db, META.changesCursor)) ?? null;
      let rows = isFilling ? await countCases(this.db) : 0;
      let next: Promise<ChangesPage> | null = this.fetchAhead(cursor, signal);
      while (next) {
        if (signal?.aborted) return;
        const batch: ChangesPage = await next;
        next = batch.hasMore ? this.fetchAhead(batch.cursor, signal) : null;
        const isHead = next === null;
        const ids = await applyServerBatch(this.db, batch.changes, [
          { key: META.changesCursor, value: batch.cursor },
          { key: META.lastSyncAt, value: this.now() },
          ...(isFilling && isHead ? [{ key: META.fillComplete, value: true }] : []),
        ]);
        if (isFilling) {
          rows += ids.length;
          this.status.getState().patch({ fillRows: isHead ? null : rows });
        }
        if (ids.length) this.options.onCasesChanged?.(ids);
      }
      this.markOnline();
    } catch (error) {
      this.markError(error);
    } finally {
      this.status.getState().patch({ phase: "idle" });
    }
  }

  /**
   * Requests a page to be awaited later. It may fail while the previous page is still being
   * written: marked handled now so that is no "unhandled rejection"; awaiting it still throws.
   * A page fetched ahead of a failed write is simply dropped.
   */
  private fetchAhead(cursor: string | null, signal?: AbortSignal): Promise<ChangesPage> {
    const page = this.api.changes(cursor, this.pageSize, signal);
    page.catch(() => undefined);
    return page;
  }

  // Push

  /** Pushes until nothing is due; returns ms until the next entry is due (Infinity: none). */
  async pushRound(signal?: AbortSignal): Promise<number> {
    while (!signal?.aborted) {
      if (this.isAuthPaused) return Number.POSITIVE_INFINITY;
      const entries = (await this.db.outbox.toArray()) as Sequenced[];
      const next = nextToPush(entries);
      if (!next) {
        await this.refreshCounts(entries);
        return Number.POSITIVE_INFINITY;
      }
      const dueIn = next.nextAttemptAt - this.now();
      if (dueIn > 0) return dueIn;
      this.status.getState().patch({ phase: "pushing" });
      await this.pushOne(next, signal);
      this.status.getState().patch({ phase: "idle" });
    }
    return Number.POSITIVE_INFINITY;
  }

  private async pushOne(entry: Sequenced, signal?: AbortSignal): Promise<void> {
    try {
      const answer = await this.api.mutate(entry.caseId, entry.action, {
        idempotencyKey: entry.idempotencyKey,
        ifMatch: entry.baseVersion,
        signal,
      });
      await this.acknowledge(entry, answer);
      this.markOnline();
    } catch (raw) {
      if (signal?.aborted) return;
      const error = toApiError(raw);
      const kind = classifyFailure(error.status);
      if (kind === "retry") {
        const attempts = entry.attempts + 1;
        const retryAfter = parseRetryAfter(error.retryAfter, this.now());
        await this.db.outbox.update(entry.seq, {
          attempts,
          nextAttemptAt:
            this.now() +
            retryDelay(attempts, this.random, retryAfter, this.options.backoff ?? DEFAULT_BACKOFF),
          lastError: error.message,
          lastStatus: error.status,
          lastProblem: problemCode(error),
        });
        this.markError(error);
        this.options.onCasesChanged?.([entry.caseId]);
      } else if (kind === "conflict") {
        await this.recordConflict(entry, error.body);
      } else if (kind === "unauthorized") {
        this.isAuthPaused = true;
        this.status.getState().patch({
          error: "Signed out by the server: sign in again to sync.",
          errorCode: "unauthorized",
        });
      } else {
        await this.db.transaction("rw", [this.db.outbox, ...caseTables(this.db)], async () => {
          await this.db.outbox.update(entry.seq, {
            state: "failed",
            lastError: error.message,
            lastStatus: error.status,
            lastProblem: problemCode(error),
          });
          await reprojectCase(this.db, entry.caseId);
        });
        this.options.onCasesChanged?.([entry.caseId]);
      }
      await this.refreshCounts();
    }
  }

  /** Deletes the entry, re-bases the case's later entries and stores the answer: one transaction. */
  private async acknowledge(entry: Sequenced, answer: MutationResponse): Promise<void> {
    const tables = [this.db.outbox, ...caseTables(this.db), this.db.details];
    await this.db.transaction("rw", tables, async () => {
      const sameCase = (await this.db.outbox
        .where("caseId")
        .equals(entry.caseId)
        .toArray()) as Sequenced[];
      for (const change of rebaseAfterAck(sameCase, entry, answer.version)) {
        await this.db.outbox.update(change.seq, { baseVersion: change.baseVersion });
      }
      await this.db.outbox.delete(entry.seq);
      if (answer.case) {
        await applyServerDetail(this.db, answer.case);
        await reprojectCase(this.db, entry.caseId);
      } else {
        // Redacted: the case is gone from the server; drop it here too.
        await dropCase(this.db, entry.caseId);
      }
    });
    this.options.onCasesChanged?.([entry.caseId]);
  }

  private async recordConflict(entry: Sequenced, body: unknown): Promise<void> {
    const problem = PreconditionFailedProblem.safeParse(body);
    const asDetail = problem.success
      ? { success: true as const, data: problem.data.current }
      : CaseDetail.safeParse(body);
    const asSummary = asDetail.success ? null : CaseSummary.safeParse(body);
    const theirs = asDetail.success ? asDetail.data : asSummary?.success ? asSummary.data : null;
    await this.db.transaction(
      "rw",
      [this.db.outbox, this.db.conflicts, ...caseTables(this.db), this.db.details],
      async () => {
        await this.db.outbox.update(entry.seq, {
          state: "conflict",
          lastError: "Someone else changed this case first.",
          lastStatus: 412,
          lastProblem: "precondition-failed",
        });
        await this.db.conflicts.put({
          seq: entry.seq,
          caseId: entry.caseId,
          theirs: theirs ?? entry.baseSummary ?? (await getCase(this.db, entry.caseId))!,
          detectedAt: this.now(),
        });
        if (asDetail.success) await applyServerDetail(this.db, asDetail.data);
        await reprojectCase(this.db, entry.caseId);
      },
    );
    // The 412 body may be only a problem document: fetch the case so "theirs" is complete.
    if (!asDetail.success) {
      try {
        const fresh = await this.api.getCase(entry.caseId);
        await applyServerDetail(this.db, fresh);
        await this.db.conflicts.update(entry.seq, { theirs: fresh });
      } catch {
        // Offline again: the view shows the summary until the next pull.
      }
    }
    this.options.onCasesChanged?.([entry.caseId]);
  }

  // Live events

  private openLiveEvents() {
    const { url, headers } = this.api.eventStream();
    return openEventStream({
      url,
      headers,
      // Every event (case changed, assigned, new escalation) means "there is something to pull";
      // the feed, not the event payload, is the source of truth, so a lost event costs a delay only.
      onEvent: (event) => {
        this.kick(true);
        this.emitLive(event.data);
      },
      onOpen: () => this.kick(true),
      reconnectDelay: (attempt, serverRetry) =>
        retryDelay(attempt, this.random, serverRetry, this.options.backoff ?? DEFAULT_BACKOFF),
    });
  }

  private emitLive(data: string): void {
    const listener = this.options.onLiveEvent;
    if (!listener) return;
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      return;
    }
    const parsed = LiveEvent.safeParse(json);
    if (parsed.success) listener(parsed.data);
  }

  // Status

  async refreshCounts(entries?: readonly OutboxEntry[]): Promise<void> {
    const all = entries ?? (await this.db.outbox.toArray());
    this.status.getState().patch({
      pendingCount: all.filter((e) => e.state !== "failed").length,
      conflictCount: all.filter((e) => e.state === "conflict").length,
      failedCount: all.filter((e) => e.state === "failed").length,
    });
  }

  private markOnline(): void {
    this.status
      .getState()
      .patch({ isOnline: true, error: null, errorCode: null, lastSyncAt: this.now() });
  }

  private markError(raw: unknown): void {
    const error = toApiError(raw);
    if (error.status === 401) this.isAuthPaused = true;
    this.status.getState().patch({
      isOnline: error.isNetworkError ? false : this.status.getState().isOnline,
      error: error.message,
      errorCode: problemCode(error),
    });
  }
}
