import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { createNotificationRateLimiter } from "../../../../electron/main/notification-rate-limiter";

const limits = { maxPerWindow: 3, windowMs: 60_000, sameKeyIntervalMs: 300_000 };

describe("notification rate limiter", () => {
  test("a burst of escalations shows the first few and drops the rest", () => {
    let now = 0;
    const limiter = createNotificationRateLimiter(limits, () => now);
    const shown = Array.from({ length: 10 }, (_, i) => limiter.tryAcquire(`case-${i}`));
    expect(shown).toEqual([true, true, true, false, false, false, false, false, false, false]);
    now = 60_000;
    expect(limiter.tryAcquire("case-10")).toBe(true);
  });

  test("a refused notification does not use up the budget", () => {
    let now = 0;
    const limiter = createNotificationRateLimiter(limits, () => now);
    expect(limiter.tryAcquire("a")).toBe(true);
    expect(limiter.tryAcquire("a")).toBe(false);
    expect(limiter.tryAcquire("a")).toBe(false);
    expect(limiter.tryAcquire("b")).toBe(true);
    expect(limiter.tryAcquire("c")).toBe(true);
    now = 1;
    expect(limiter.tryAcquire("d")).toBe(false);
  });

  test("property: never more than maxPerWindow in any window, never a key twice within its interval", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 20_000 }), fc.constantFrom("a", "b", "c", "d", "e")),
          { maxLength: 200 },
        ),
        (steps) => {
          let now = 0;
          const limiter = createNotificationRateLimiter(limits, () => now);
          const accepted: { at: number; key: string }[] = [];
          for (const [gap, key] of steps) {
            now += gap;
            if (limiter.tryAcquire(key)) accepted.push({ at: now, key });
          }
          for (const { at } of accepted)
            expect(
              accepted.filter((a) => a.at > at - limits.windowMs && a.at <= at).length,
            ).toBeLessThanOrEqual(limits.maxPerWindow);
          for (const [i, a] of accepted.entries())
            for (const b of accepted.slice(i + 1))
              if (a.key === b.key)
                expect(b.at - a.at).toBeGreaterThanOrEqual(limits.sameKeyIntervalMs);
        },
      ),
    );
  });
});
