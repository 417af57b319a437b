import type { AuthStore } from "./auth-store";

/** Refresh once the token has less than this left... */
export const REFRESH_LEAD_MS = 30 * 60_000;
/** ...and only if the agent used the desk this recently: an idle desk lets its session lapse. */
export const ACTIVE_WITHIN_MS = 15 * 60_000;

/**
 * Whether to swap the token now. An unknown expiry (a session restored at start-up) is refreshed
 * at the first activity, which makes it known.
 */
export function isRefreshDue({
  expiresAt,
  now,
  lastActivityAt,
}: {
  expiresAt: number | null;
  now: number;
  lastActivityAt: number;
}): boolean {
  if (now - lastActivityAt > ACTIVE_WITHIN_MS) return false;
  if (expiresAt === null) return true;
  return expiresAt > now && expiresAt - now <= REFRESH_LEAD_MS;
}

const ACTIVITY_EVENTS = ["pointerdown", "keydown", "wheel"] as const;

/** Watches the agent's activity and refreshes the token before it expires; returns a stop. */
export function startSessionRefresh(
  auth: AuthStore,
  host: Pick<Window, "addEventListener" | "removeEventListener" | "setInterval" | "clearInterval">,
  { checkEveryMs = 60_000, now = Date.now }: { checkEveryMs?: number; now?: () => number } = {},
): () => void {
  let lastActivityAt = now();
  const onActivity = () => {
    lastActivityAt = now();
  };
  for (const type of ACTIVITY_EVENTS) host.addEventListener(type, onActivity, { passive: true });
  const timer = host.setInterval(() => {
    const state = auth.getState();
    if (state.status !== "signed-in" || state.isSessionExpired) return;
    if (isRefreshDue({ expiresAt: state.expiresAt, now: now(), lastActivityAt })) {
      void state.refresh();
    }
  }, checkEveryMs);
  return () => {
    host.clearInterval(timer);
    for (const type of ACTIVITY_EVENTS) host.removeEventListener(type, onActivity);
  };
}
