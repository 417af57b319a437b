import { describe, expect, it } from "vitest";
import {
  ACTIVE_WITHIN_MS,
  isRefreshDue,
  REFRESH_LEAD_MS,
} from "../../../../renderer/src/auth/session-refresh";

describe("token refresh timing", () => {
  const now = 1_000_000_000;
  it("refreshes an active agent's token in its last half hour, never an idle one's", () => {
    const active = now - 60_000;
    expect(
      isRefreshDue({ expiresAt: now + REFRESH_LEAD_MS + 1, now, lastActivityAt: active }),
    ).toBe(false);
    expect(isRefreshDue({ expiresAt: now + REFRESH_LEAD_MS, now, lastActivityAt: active })).toBe(
      true,
    );
    expect(isRefreshDue({ expiresAt: now + 1, now, lastActivityAt: active })).toBe(true);
    // Expired already: only signing in again helps.
    expect(isRefreshDue({ expiresAt: now, now, lastActivityAt: active })).toBe(false);
    const idle = now - ACTIVE_WITHIN_MS - 1;
    expect(isRefreshDue({ expiresAt: now + 60_000, now, lastActivityAt: idle })).toBe(false);
    // Unknown expiry (restored at start-up): the first activity makes it known.
    expect(isRefreshDue({ expiresAt: null, now, lastActivityAt: active })).toBe(true);
    expect(isRefreshDue({ expiresAt: null, now, lastActivityAt: idle })).toBe(false);
  });
});
