/**
 * Retry policy of the push loop, pure so it can be property-tested.
 *
 * "Full jitter" (a uniform delay between 0 and the exponential ceiling) rather than a fixed
 * exponential: when the server comes back after an outage, every desk that queued work retries at
 * once, and spreading them over the whole window is what keeps the recovery from being a second
 * outage. A server's `Retry-After` is a floor, never shortened by the jitter.
 */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 500, capMs: 60_000 };

/**
 * Delay before attempt `attempt + 1`, for `attempt` ≥ 1 failed attempts so far.
 * `random` returns [0, 1); `retryAfterMs` is the server's floor when it sent one.
 */
export function retryDelay(
  attempt: number,
  random: () => number,
  retryAfterMs: number | null = null,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
  const jittered = Math.floor(random() * ceiling);
  return Math.max(jittered, retryAfterMs ?? 0);
}

/** Upper bound of Retry-After we honour: a misconfigured header must not park the outbox for a day. */
export const MAX_RETRY_AFTER_MS = 10 * 60_000;

/**
 * Parses `Retry-After` (RFC 9110: delay-seconds or an HTTP-date) into milliseconds from `now`.
 * Returns null when absent or unreadable.
 */
export function parseRetryAfter(header: string | null | undefined, now: number): number | null {
  if (!header) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Math.min(Number(text) * 1000, MAX_RETRY_AFTER_MS);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.min(Math.max(at - now, 0), MAX_RETRY_AFTER_MS);
}

/**
 * What the push loop does with a failed attempt.
 * - `retry`: the request may not have reached the server or the server could not take it now
 *   (network error, 408, 429, 5xx). Retrying is safe because the same Idempotency-Key replays.
 * - `conflict`: 412, the case moved on; stop the case's queue and ask the agent.
 * - `unauthorized`: 401, the token expired; pause pushing until the agent signs in again, keep
 *   the entry (it is not the action's fault).
 * - `failed`: any other 4xx; the server will never accept this body, so retrying is pointless.
 */
export type FailureKind = "retry" | "conflict" | "unauthorized" | "failed";

export function classifyFailure(status: number): FailureKind {
  if (status === 0 || status === 408 || status === 429 || status >= 500) return "retry";
  if (status === 412) return "conflict";
  if (status === 401) return "unauthorized";
  return "failed";
}
