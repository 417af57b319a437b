import type { CaseDetail, CaseSummary } from "@shared/domain/appeal";
import type { DeskAction } from "@shared/domain/desk-action";
import type { ProblemCode } from "../../api/problem-message";

/**
 * Where an outbox entry stands.
 * - `pending`: waiting to be pushed (possibly backing off after a network error or 5xx).
 * - `conflict`: the server answered 412; the entry is kept, its case's queue is stopped, and the
 *   agent must re-apply, edit or discard it in the conflict view.
 * - `failed`: the server refused it for good (a 4xx other than 408/412/429) with a message; it
 *   changed nothing on the server and stays until the agent dismisses it.
 * Acknowledged entries are deleted in the same transaction that stores the server's answer.
 */
export type OutboxState = "pending" | "conflict" | "failed";

export interface OutboxEntry {
  /** Auto-incremented on insert: the global order of the agent's actions. */
  seq?: number;
  /** Client-generated (UUID v4); sent as `Idempotency-Key` on every attempt of this entry. */
  idempotencyKey: string;
  caseId: string;
  action: DeskAction;
  /**
   * The server version the action was taken on, sent as `If-Match`. When an earlier entry of the
   * same case is acknowledged, later entries taken on the same base move to the version it
   * returned: the agent took them on top of it (see `rebaseAfterAck`).
   */
  baseVersion: number;
  /** The server's summary the agent saw when acting, for the conflict view's "before". */
  baseSummary: CaseSummary | null;
  state: OutboxState;
  /** Who acted: the signed-in user when enqueued. */
  actorId: string;
  createdAt: number;
  attempts: number;
  /** Epoch ms before which the entry is not retried (backoff / Retry-After). */
  nextAttemptAt: number;
  /** The last error, for the status bar and the failed list; the server's message when it sent one. */
  lastError: string | null;
  /** HTTP status of the last failure, 0 for a network error. */
  lastStatus: number | null;
  /**
   * The last failure's problem type as a catalog code (see `problemCode`), so the desk shows it in
   * the agent's language rather than the server's English `lastError`. Absent on entries stored
   * before it existed.
   */
  lastProblem?: ProblemCode | null;
}

/** A 412: the agent's action and the case as the server holds it now. */
export interface ConflictRecord {
  /** The outbox entry's seq: one conflict per entry. */
  seq: number;
  caseId: string;
  /** The case as the server returned it with the 412 (detail when the body carried it). */
  theirs: CaseDetail | CaseSummary;
  detectedAt: number;
}

/** A new entry before it gets its seq. */
export type NewOutboxEntry = Omit<OutboxEntry, "seq">;
