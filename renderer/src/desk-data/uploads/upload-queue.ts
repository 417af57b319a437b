import type { MutationResponse } from "@shared/api/mutations";
import { toApiError } from "../../api/api-error";
import { problemCode } from "../../api/problem-message";
import { parseRetryAfter } from "../sync/backoff";
import type { SyncApi } from "../sync/sync-api";
import { prepareFile } from "./prepare";
import type { UploadDatabase } from "./upload-db";
import { afterFailure, nextUpload } from "./upload-logic";
import type { AttachResult, QueuedUpload, UploadView } from "./upload-types";

export interface UploadQueueOptions {
  db: UploadDatabase;
  api: Pick<SyncApi, "uploadEvidence">;
  actorId: string;
  /** Whether the case still has outbox entries to push (uploads wait behind them). */
  isCaseBusy: (caseId: string) => Promise<boolean>;
  /** The server filed it: store its answer in the cache (evidence list, version). */
  onUploaded: (upload: QueuedUpload, answer: MutationResponse) => Promise<void>;
  /** Anything changed (queued, progress, sent, failed): readers read again. */
  onChange: (caseIds: readonly string[]) => void;
  /** Reachability as the attempts found it (the status bar's offline flag). */
  onReachability?: (isOnline: boolean) => void;
  now?: () => number;
  random?: () => number;
}

/**
 * The desk's attachments on their way to the server. `attach` checks, hashes and stores the file
 * first (IndexedDB, Blob and all), so online and offline take the same path; `run` (in the sync
 * leader only, so one window sends) sends each once, oldest first, with its own Idempotency-Key:
 * a retry after a lost answer replays the server's first answer instead of filing a second copy.
 */
export class UploadQueue {
  private readonly progress = new Map<string, { sent: number; total: number }>();
  private wake = new AbortController();
  private isPaused = false;
  private readonly now: () => number;
  private readonly random: () => number;

  constructor(private readonly options: UploadQueueOptions) {
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
  }

  /** Checks the file against the server's limits, hashes it and queues it. */
  async attach(
    caseId: string,
    file: Blob,
    fileName: string,
    description: string,
    baseVersion: number,
  ): Promise<AttachResult> {
    const prepared = await prepareFile(file);
    if (!prepared.ok) return prepared;
    const upload: QueuedUpload = {
      id: crypto.randomUUID(),
      caseId,
      // A Blob of its own: a File from a picker may be a live view of a file on disk.
      file: new Blob([file], { type: prepared.mimeType }),
      fileName: fileName || "attachment",
      mimeType: prepared.mimeType,
      size: prepared.size,
      sha256: prepared.sha256,
      description: description.trim(),
      baseVersion,
      state: "pending",
      actorId: this.options.actorId,
      createdAt: this.now(),
      attempts: 0,
      nextAttemptAt: 0,
      lastError: null,
      lastErrorCode: null,
      lastStatus: null,
    };
    await this.options.db.uploads.add(upload);
    this.options.onChange([caseId]);
    this.kick();
    return { ok: true, id: upload.id };
  }

  /** The queued uploads (one case's or all), oldest first, with the progress of the one on the wire. */
  async views(caseId?: string): Promise<UploadView[]> {
    const table = this.options.db.uploads;
    const rows = caseId
      ? await table.where("caseId").equals(caseId).toArray()
      : await table.toArray();
    return rows
      .sort((a, b) => a.createdAt - b.createdAt)
      .map(({ file: _file, ...rest }) => ({
        ...rest,
        progress: this.progress.get(rest.id) ?? null,
      }));
  }

  /** How many are waiting (not failed), for the status bar. */
  async pendingCount(): Promise<number> {
    return this.options.db.uploads.filter((u) => u.state === "pending").count();
  }

  /** Removes a failed upload once the agent has read why. */
  async dismiss(id: string): Promise<void> {
    const row = await this.options.db.uploads.get(id);
    if (row?.state !== "failed") return;
    await this.options.db.uploads.delete(id);
    this.options.onChange([row.caseId]);
  }

  /** Wakes the loop: a new upload, the network back, the outbox emptied, signed in again. */
  kick(): void {
    this.wake.abort();
  }

  resume(): void {
    this.isPaused = false;
    this.kick();
  }

  /** Sends until stopped; sleeps until the next upload is due or `kick`. */
  async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      this.wake = new AbortController();
      const waitMs = this.isPaused ? Number.POSITIVE_INFINITY : await this.sendDue(signal);
      if (waitMs === 0) continue;
      // Uploads held behind a case's outbox are looked at again shortly (its ack does not kick us).
      await sleep(Math.min(waitMs, 2_000), [signal, this.wake.signal]);
    }
  }

  /** Sends one due upload; returns 0 to go on at once, else ms until something may be due. */
  private async sendDue(signal: AbortSignal): Promise<number> {
    const rows = await this.options.db.uploads.toArray();
    const busy = new Set<string>();
    for (const caseId of new Set(rows.filter((r) => r.state === "pending").map((r) => r.caseId))) {
      if (await this.options.isCaseBusy(caseId)) busy.add(caseId);
    }
    const { due, waitMs } = nextUpload(rows, this.now(), (id) => busy.has(id));
    if (!due) return waitMs;
    await this.send(due, signal);
    return 0;
  }

  private async send(upload: QueuedUpload, signal: AbortSignal): Promise<void> {
    const { caseId } = upload;
    this.progress.set(upload.id, { sent: 0, total: upload.size });
    this.options.onChange([caseId]);
    try {
      const answer = await this.options.api.uploadEvidence(
        caseId,
        {
          file: upload.file,
          fileName: upload.fileName,
          sha256: upload.sha256,
          description: upload.description,
        },
        {
          idempotencyKey: upload.id,
          ifMatch: upload.baseVersion,
          signal,
          onProgress: (sent, total) => {
            this.progress.set(upload.id, { sent, total });
            this.options.onChange([caseId]);
          },
        },
      );
      // Cache first, then forget the file: a crash between the two re-sends it, and the same
      // key replays the answer instead of filing it twice.
      await this.options.onUploaded(upload, answer);
      await this.options.db.uploads.delete(upload.id);
      this.options.onReachability?.(true);
    } catch (raw) {
      if (signal.aborted) return;
      const error = toApiError(raw);
      const outcome = afterFailure(
        upload,
        {
          status: error.status,
          message: error.message,
          code: problemCode(error),
          body: error.body,
          retryAfterMs: parseRetryAfter(error.retryAfter, this.now()),
        },
        this.now(),
        this.random,
      );
      if (outcome.kind === "pause") this.isPaused = true;
      await this.options.db.uploads.update(upload.id, outcome.changes);
      this.options.onReachability?.(!error.isNetworkError);
    } finally {
      this.progress.delete(upload.id);
      this.options.onChange([caseId]);
    }
  }
}

function sleep(ms: number, signals: readonly AbortSignal[]): Promise<void> {
  return new Promise((resolve) => {
    if (signals.some((s) => s.aborted)) return resolve();
    const done = () => {
      clearTimeout(timer);
      for (const s of signals) s.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    for (const s of signals) s.addEventListener("abort", done, { once: true });
  });
}
