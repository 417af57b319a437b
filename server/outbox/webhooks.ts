import { WEBHOOK_HEADERS } from "@shared/api/platform-events";
import type { Database } from "../db/database";
import { startPoller } from "../timers/poller";
import { readOutboxEvent } from "./outbox";
import { signWebhook } from "./signature";

export interface WebhookConfig {
  url: string;
  secret: string;
  /** An attempt with no answer after this long counts as failed (and is retried). */
  timeoutMs?: number;
  /** First retry delay; each further retry doubles it, up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Attempts before the delivery is dead-lettered. */
  maxAttempts?: number;
  /** How often to look for due deliveries. */
  intervalMs?: number;
}

const DEFAULTS = {
  timeoutMs: 10_000,
  baseDelayMs: 5_000,
  maxDelayMs: 60 * 60 * 1000,
  maxAttempts: 10,
  intervalMs: 1_000,
};

interface Leased {
  event_id: string;
  attempts: number;
}

/** Delay before attempt `attempts + 1`: base, 2×base, 4×base… capped. */
export function backoffMs(attempts: number, base: number, max: number): number {
  return Math.min(max, base * 2 ** Math.max(0, attempts - 1));
}

/**
 * One round of delivery: leases the due deliveries that head their case's line (an event waits
 * until every earlier event of its case was delivered or dead-lettered, so a receiver sees a
 * case's events in order), posts them, records the outcome. At-least-once: an answer lost after
 * the receiver processed it means a retry with the same `webhook-id`, which the receiver skips.
 * Leases (not held transactions) make it safe for several processes, and a process that dies
 * mid-attempt leaves a lease that simply expires.
 */
export async function deliverDue(
  db: Database,
  config: WebhookConfig,
  now = new Date(),
  batch = 20,
): Promise<number> {
  const c = { ...DEFAULTS, ...config };
  const leaseUntil = new Date(now.getTime() + c.timeoutMs + 5_000);
  const leased = await db.query<Leased>(
    `with picked as (
       select d.event_id from webhook_deliveries d
        where d.state = 'pending' and d.next_attempt_at <= $1
          and (d.leased_until is null or d.leased_until <= $1)
          and not exists (select 1 from webhook_deliveries e
                           where e.case_id = d.case_id and e.state = 'pending' and e.seq < d.seq)
        order by d.seq limit $2
        for update skip locked)
     update webhook_deliveries w set leased_until = $3, attempts = w.attempts + 1
       from picked where w.event_id = picked.event_id
     returning w.event_id, w.attempts`,
    [now, batch, leaseUntil],
  );
  // Different cases in parallel: each case has at most one event in this round.
  await Promise.all(leased.map((delivery) => attempt(db, c, delivery)));
  return leased.length;
}

async function attempt(db: Database, c: Required<WebhookConfig>, delivery: Leased) {
  const event = await readOutboxEvent(db, delivery.event_id);
  if (!event) return;
  const body = JSON.stringify(event);
  const timestamp = Math.floor(Date.now() / 1000);
  let error: string | null = null;
  try {
    const response = await fetch(c.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        [WEBHOOK_HEADERS.id]: event.id,
        [WEBHOOK_HEADERS.timestamp]: String(timestamp),
        [WEBHOOK_HEADERS.signature]: signWebhook(c.secret, timestamp, body),
      },
      body,
      signal: AbortSignal.timeout(c.timeoutMs),
    });
    // The body is not needed; reading it frees the connection.
    await response.arrayBuffer().catch(() => undefined);
    if (!response.ok) error = `HTTP ${response.status}`;
  } catch (failure) {
    error =
      failure instanceof Error && failure.name === "TimeoutError"
        ? `no answer within ${c.timeoutMs} ms`
        : failure instanceof Error
          ? failure.message
          : String(failure);
  }
  const at = new Date();
  if (error === null) {
    await db.query(
      `update webhook_deliveries set state = 'delivered', delivered_at = $2, leased_until = null,
         last_error = null where event_id = $1`,
      [delivery.event_id, at],
    );
  } else if (delivery.attempts >= c.maxAttempts) {
    await db.query(
      `update webhook_deliveries set state = 'dead', dead_at = $2, leased_until = null,
         last_error = $3 where event_id = $1`,
      [delivery.event_id, at, error],
    );
  } else {
    const next = new Date(at.getTime() + backoffMs(delivery.attempts, c.baseDelayMs, c.maxDelayMs));
    await db.query(
      `update webhook_deliveries set next_attempt_at = $2, leased_until = null, last_error = $3
        where event_id = $1`,
      [delivery.event_id, next, error],
    );
  }
}

/** Delivers until stopped; a round starts when the previous one ended and `intervalMs` passed. */
export function startWebhookDelivery(db: Database, config: WebhookConfig): () => Promise<void> {
  const intervalMs = config.intervalMs ?? DEFAULTS.intervalMs;
  return startPoller(async () => {
    // Keep going while rounds are full, so a backlog drains without waiting for the timer.
    let delivered = await deliverDue(db, config);
    while (delivered > 0) delivered = await deliverDue(db, config);
  }, intervalMs);
}

/** A dead letter back in line: attempted again at once, with a fresh count of attempts. */
export async function replayDeadLetter(db: Database, eventId: string): Promise<boolean> {
  const rows = await db.query(
    `update webhook_deliveries set state = 'pending', attempts = 0, next_attempt_at = $2,
       leased_until = null, dead_at = null where event_id = $1 and state = 'dead'
     returning event_id`,
    [eventId, new Date()],
  );
  return rows.length > 0;
}
