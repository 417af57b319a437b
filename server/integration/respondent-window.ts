import { performAction } from "../cases/engine";
import type { Database } from "../db/database";
import { HttpProblem } from "../http/problem";
import { KEY_RETENTION_MS, purgeExpiredKeys } from "../idempotency/store";
import { respondentTimeoutAction } from "./actions";

const SYSTEM = { role: "system", id: "system", name: "system" } as const;

/**
 * Escalates appeals whose respondent let the 10-minute window run out. Every server process runs
 * one; they may race for the same case, which is harmless: the loser finds it already escalated
 * (409) and moves on. Returns how many it escalated.
 */
export async function escalateExpired(db: Database, now = new Date()): Promise<number> {
  const due = await db.query<{ id: string }>(
    `select id from cases where status = 'awaiting_respondent' and respondent_deadline <= $1
      order by respondent_deadline limit 100`,
    [now],
  );
  let escalated = 0;
  for (const { id } of due) {
    try {
      await db.transaction((tx) =>
        performAction(tx, id, null, SYSTEM, respondentTimeoutAction(now), {
          requestId: null,
          idempotencyKey: null,
          now,
        }),
      );
      escalated += 1;
    } catch (error) {
      if (!(error instanceof HttpProblem)) throw error;
    }
  }
  return escalated;
}

/** Runs {@link escalateExpired} (and the idempotency-key purge) every `intervalMs` until stopped. */
export function startRespondentWindowTimer(
  db: Database,
  intervalMs = 5_000,
  keyRetentionMs = KEY_RETENTION_MS,
): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    escalateExpired(db)
      .then(() => purgeExpiredKeys(db, new Date(), keyRetentionMs))
      .catch(() => undefined)
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
