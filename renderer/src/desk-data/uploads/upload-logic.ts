/**
 * The upload queue's decisions, pure so they are tested without IndexedDB or a network.
 */
import { PreconditionFailedProblem } from "@shared/api/mutations";
import { classifyFailure, DEFAULT_BACKOFF, retryDelay } from "../sync/backoff";
import type { QueuedUpload } from "./upload-types";

/**
 * The next upload to send: the oldest pending one that is due and whose case has no outbox
 * entries left to push. The agent's actions reach the server in the order taken; an attachment,
 * which changes nothing an action depends on, waits behind them rather than making their
 * If-Match stale (it would turn each into a conflict the agent must resolve).
 */
export function nextUpload(
  uploads: readonly QueuedUpload[],
  now: number,
  isCaseBusy: (caseId: string) => boolean,
): { due: QueuedUpload | null; waitMs: number } {
  let waitMs = Number.POSITIVE_INFINITY;
  const pending = uploads
    .filter((u) => u.state === "pending")
    .sort((a, b) => a.createdAt - b.createdAt);
  for (const upload of pending) {
    if (isCaseBusy(upload.caseId)) continue;
    const dueIn = upload.nextAttemptAt - now;
    if (dueIn <= 0) return { due: upload, waitMs: 0 };
    waitMs = Math.min(waitMs, dueIn);
  }
  return { due: null, waitMs };
}

export interface UploadFailure {
  status: number;
  message: string;
  code: string | null;
  body: unknown;
  retryAfterMs: number | null;
}

/** What a failed attempt changes in the entry; `pause` stops sending until the agent signs in. */
export type UploadOutcome =
  | { kind: "update"; changes: Partial<QueuedUpload> }
  | { kind: "pause"; changes: Partial<QueuedUpload> };

/**
 * - network error, 408, 429, 5xx: retry with backoff, same key (a lost answer replays);
 * - 412: the case moved on (the agent's own actions, a party's message). An attachment adds a
 *   file and contradicts nothing, so it is sent again at once on the version the 412 carries,
 *   under the same key (a 412 stored nothing, so the key is unspent);
 * - 401: keep it, pause until the agent signs in again;
 * - any other 4xx: refused for good (the message says why); kept until dismissed.
 */
export function afterFailure(
  upload: QueuedUpload,
  failure: UploadFailure,
  now: number,
  random: () => number,
): UploadOutcome {
  const attempts = upload.attempts + 1;
  const noted = {
    attempts,
    lastError: failure.message,
    lastErrorCode: failure.code,
    lastStatus: failure.status,
  };
  switch (classifyFailure(failure.status)) {
    case "retry":
      return {
        kind: "update",
        changes: {
          ...noted,
          nextAttemptAt: now + retryDelay(attempts, random, failure.retryAfterMs, DEFAULT_BACKOFF),
        },
      };
    case "conflict": {
      const problem = PreconditionFailedProblem.safeParse(failure.body);
      if (!problem.success) {
        // No current version to move to: back off and let the next pull bring it.
        return {
          kind: "update",
          changes: { ...noted, nextAttemptAt: now + retryDelay(attempts, random) },
        };
      }
      // Bounded: a case that moves on between every attempt is retried with backoff.
      const delay = attempts > 3 ? retryDelay(attempts - 3, random) : 0;
      return {
        kind: "update",
        changes: {
          ...noted,
          baseVersion: problem.data.current.version,
          nextAttemptAt: now + delay,
        },
      };
    }
    case "unauthorized":
      return { kind: "pause", changes: noted };
    case "failed":
      return { kind: "update", changes: { ...noted, state: "failed" } };
  }
}
