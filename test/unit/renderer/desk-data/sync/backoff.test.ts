import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  classifyFailure,
  DEFAULT_BACKOFF,
  MAX_RETRY_AFTER_MS,
  parseRetryAfter,
  retryDelay,
} from "../../../../../renderer/src/desk-data/sync/backoff";

describe("retryDelay", () => {
  test("stays within [0, min(cap, base·2^(n-1))) and never under Retry-After", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0, max: 0.999_999, noNaN: true }),
        fc.option(fc.integer({ min: 0, max: MAX_RETRY_AFTER_MS })),
        (attempt, r, retryAfter) => {
          const delay = retryDelay(attempt, () => r, retryAfter);
          const ceiling = Math.min(
            DEFAULT_BACKOFF.capMs,
            DEFAULT_BACKOFF.baseMs * 2 ** (attempt - 1),
          );
          expect(delay).toBeGreaterThanOrEqual(retryAfter ?? 0);
          expect(delay).toBeLessThanOrEqual(Math.max(ceiling, retryAfter ?? 0));
          expect(Number.isFinite(delay)).toBe(true);
        },
      ),
    );
  });

  test("the ceiling doubles per attempt up to the cap", () => {
    const top = (n: number) => retryDelay(n, () => 0.999_999_9);
    expect(top(1)).toBe(499);
    expect(top(2)).toBe(999);
    expect(top(3)).toBe(1999);
    expect(top(20)).toBe(59_999);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2025-03-01T10:00:00Z");
  test("delay-seconds and HTTP-date", () => {
    expect(parseRetryAfter("3", now)).toBe(3000);
    expect(parseRetryAfter("Sat, 01 Mar 2025 10:00:05 GMT", now)).toBe(5000);
    expect(parseRetryAfter("Sat, 01 Mar 2025 09:00:00 GMT", now)).toBe(0);
  });
  test("absent or garbage is null; huge values are capped", () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter("999999", now)).toBe(MAX_RETRY_AFTER_MS);
  });
});

describe("classifyFailure", () => {
  test.each([
    [0, "retry"],
    [408, "retry"],
    [429, "retry"],
    [500, "retry"],
    [503, "retry"],
    [412, "conflict"],
    [401, "unauthorized"],
    [400, "failed"],
    [403, "failed"],
    [404, "failed"],
    [409, "failed"],
    [422, "failed"],
    [428, "failed"],
  ] as const)("HTTP %i → %s", (status, kind) => {
    expect(classifyFailure(status)).toBe(kind);
  });
});
