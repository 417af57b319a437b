/**
 * The desk's routing heartbeat: while signed in it tells the server every `intervalMs` whether
 * the agent is available (`online`) or stepped away, and at once when they switch, so routing
 * reacts in the same second. Failures are left to the next beat: the server counts the agent
 * offline after three missed beats, which is the truth when the network is gone.
 */
import type { DeskPresenceState } from "@shared/api/routing";

export interface HeartbeatOptions {
  send(state: DeskPresenceState): Promise<unknown>;
  initial: DeskPresenceState;
  intervalMs: number;
  /** Injectable for tests. */
  timers?: {
    setInterval(fn: () => void, ms: number): unknown;
    clearInterval(handle: unknown): void;
  };
}

export interface Heartbeat {
  state(): DeskPresenceState;
  /** Switches and tells the server now. */
  set(state: DeskPresenceState): Promise<void>;
  stop(): void;
}

export function startHeartbeat(options: HeartbeatOptions): Heartbeat {
  const timers = options.timers ?? {
    setInterval: (fn: () => void, ms: number) => globalThis.setInterval(fn, ms),
    clearInterval: (handle: unknown) =>
      globalThis.clearInterval(handle as ReturnType<typeof globalThis.setInterval>),
  };
  let state = options.initial;
  let isStopped = false;
  const beat = async () => {
    if (isStopped) return;
    await options.send(state).catch(() => undefined);
  };
  const handle = timers.setInterval(() => void beat(), options.intervalMs);
  void beat();
  return {
    state: () => state,
    async set(next) {
      state = next;
      await beat();
    },
    stop() {
      isStopped = true;
      timers.clearInterval(handle);
    },
  };
}

/** The agent's last choice on this computer; a new sign-in starts away until they say otherwise. */
export function rememberedState(
  storage: Pick<Storage, "getItem">,
  userId: string,
): DeskPresenceState {
  return storage.getItem(storageKey(userId)) === "online" ? "online" : "away";
}

export function storageKey(userId: string): string {
  return `arbiter.routing.${userId}`;
}
