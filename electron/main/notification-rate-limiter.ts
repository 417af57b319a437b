/**
 * Keeps desktop notifications useful: a burst of escalations (a simulator, a backlog after a
 * network outage) must not bury the agent's screen. Two limits apply:
 * - at most `maxPerWindow` notifications in any sliding `windowMs`;
 * - the same key (e.g. one case's SLA warning) at most once per `sameKeyIntervalMs`.
 * A notification refused here is not queued: the queue itself shows the case.
 */
export interface RateLimits {
  maxPerWindow: number;
  windowMs: number;
  sameKeyIntervalMs: number;
}

export const DEFAULT_NOTIFICATION_LIMITS: RateLimits = {
  maxPerWindow: 5,
  windowMs: 60_000,
  sameKeyIntervalMs: 5 * 60_000,
};

export interface NotificationRateLimiter {
  /** True and counted when the notification may be shown now; false otherwise. */
  tryAcquire(key: string): boolean;
}

export function createNotificationRateLimiter(
  limits: RateLimits = DEFAULT_NOTIFICATION_LIMITS,
  now: () => number = Date.now,
): NotificationRateLimiter {
  const shownAt: number[] = [];
  const lastByKey = new Map<string, number>();
  return {
    tryAcquire(key) {
      const t = now();
      while (shownAt.length > 0 && t - (shownAt[0] ?? t) >= limits.windowMs) shownAt.shift();
      for (const [k, at] of lastByKey) if (t - at >= limits.sameKeyIntervalMs) lastByKey.delete(k);
      if (shownAt.length >= limits.maxPerWindow) return false;
      if (lastByKey.has(key)) return false;
      shownAt.push(t);
      lastByKey.set(key, t);
      return true;
    },
  };
}
