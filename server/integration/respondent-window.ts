import type { Database } from "../db/database";
import { KEY_RETENTION_MS, purgeExpiredKeys } from "../idempotency/store";

/**
 * Purges expired idempotency keys every `intervalMs` until stopped. (It also escalated appeals
 * whose respondent window ran out; since migration 009 that is a `respondent_window` deadline job,
 * written with the filing, so it runs once across processes and survives restarts.)
 */
export function startRespondentWindowTimer(
  db: Database,
  intervalMs = 5_000,
  keyRetentionMs = KEY_RETENTION_MS,
): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    purgeExpiredKeys(db, new Date(), keyRetentionMs)
      .catch(() => undefined)
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
