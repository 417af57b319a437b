/**
 * One sync loop per profile, however many windows are open: two loops would push the same outbox
 * entry twice (the idempotency key would save the server, but not the order of the agent's actions
 * nor the conflict bookkeeping). The loop runs only while this window holds leadership.
 *
 * Web Locks are the primary mechanism: the browser grants an exclusive lock to one holder per
 * origin+profile and hands it to the next waiter when the holder's window closes or crashes,
 * with no timing guesswork. Where `navigator.locks` is missing, a BroadcastChannel heartbeat
 * election stands in (see `broadcastElection`).
 */

/** Runs `lead` while this context is the leader; the signal aborts when leadership must end. */
export interface LeaderElection {
  /** Starts competing; returns a function that stops competing (and leading). */
  run(
    lead: (signal: AbortSignal) => Promise<void>,
    onLeaderChange?: (isLeader: boolean) => void,
  ): () => void;
}

interface LockManagerLike {
  request(
    name: string,
    options: { signal?: AbortSignal },
    callback: () => Promise<void>,
  ): Promise<unknown>;
}

function lockManager(): LockManagerLike | null {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
  return nav?.locks ?? null;
}

/** Picks Web Locks when available, else the BroadcastChannel election, else solo (one context). */
export function createLeaderElection(name: string): LeaderElection {
  const locks = lockManager();
  if (locks) return webLocksElection(name, locks);
  if (typeof BroadcastChannel === "function") return broadcastElection(name);
  return soloElection();
}

export function webLocksElection(name: string, locks: LockManagerLike): LeaderElection {
  return {
    run(lead, onLeaderChange) {
      const stop = new AbortController();
      void locks
        .request(name, { signal: stop.signal }, async () => {
          onLeaderChange?.(true);
          try {
            await lead(stop.signal);
          } finally {
            onLeaderChange?.(false);
          }
        })
        // Aborting a waiting request rejects it: that is how a non-leader stops waiting.
        .catch(() => undefined);
      return () => stop.abort();
    },
  };
}

/** Always the leader: tests, and environments with a single context. */
export function soloElection(): LeaderElection {
  return {
    run(lead, onLeaderChange) {
      const stop = new AbortController();
      onLeaderChange?.(true);
      void lead(stop.signal).finally(() => onLeaderChange?.(false));
      return () => stop.abort();
    },
  };
}

type ElectionMessage =
  | { type: "heartbeat"; id: string }
  | { type: "claim"; id: string }
  | { type: "resign"; id: string };

export interface BroadcastElectionTiming {
  heartbeatMs: number;
  /** No heartbeat for this long: the leader is gone. */
  timeoutMs: number;
  /** How long a claimant listens for a competing claim before taking over. */
  claimMs: number;
}

/**
 * Fallback election over BroadcastChannel. The leader sends a heartbeat; a follower that hears
 * none for `timeoutMs` claims, waits `claimMs`, and leads unless a heartbeat or a claim from a
 * smaller id arrived meanwhile (ties broken by id, so two claimants settle on one). A leader that
 * hears another leader's heartbeat with a smaller id steps down. Weaker than Web Locks (a frozen
 * leader is only detected by timeout), which is why it is the fallback.
 */
export function broadcastElection(
  name: string,
  timing: BroadcastElectionTiming = { heartbeatMs: 1_000, timeoutMs: 3_000, claimMs: 300 },
): LeaderElection {
  return {
    run(lead, onLeaderChange) {
      const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
      const channel = new BroadcastChannel(`leader:${name}`);
      let lastHeartbeat = 0;
      let claimBeatenBy: string | null = null;
      let leading: AbortController | null = null;
      let claiming = false;
      let stopped = false;

      const post = (message: ElectionMessage) => channel.postMessage(message);
      const stepDown = () => {
        leading?.abort();
        leading = null;
      };

      channel.onmessage = (event: MessageEvent<ElectionMessage>) => {
        const message = event.data;
        if (message.id === id) return;
        if (message.type === "heartbeat") {
          lastHeartbeat = Date.now();
          if (leading && message.id < id) stepDown();
          if (claiming) claimBeatenBy = message.id;
        } else if (message.type === "claim") {
          if (claiming && message.id < id) claimBeatenBy = message.id;
          // A live leader answers a claim at once so the claimant backs off.
          if (leading) post({ type: "heartbeat", id });
        } else if (message.type === "resign") {
          lastHeartbeat = 0;
        }
      };

      const tick = async () => {
        if (stopped) return;
        if (leading) {
          post({ type: "heartbeat", id });
          return;
        }
        if (claiming || Date.now() - lastHeartbeat < timing.timeoutMs) return;
        claiming = true;
        claimBeatenBy = null;
        post({ type: "claim", id });
        await new Promise((resolve) => setTimeout(resolve, timing.claimMs));
        claiming = false;
        if (stopped || claimBeatenBy !== null) return;
        const controller = new AbortController();
        leading = controller;
        post({ type: "heartbeat", id });
        onLeaderChange?.(true);
        void lead(controller.signal).finally(() => {
          if (leading === controller) leading = null;
          onLeaderChange?.(false);
        });
      };

      const timer = setInterval(() => void tick(), timing.heartbeatMs);
      void tick();
      return () => {
        stopped = true;
        clearInterval(timer);
        if (leading) post({ type: "resign", id });
        stepDown();
        channel.close();
      };
    },
  };
}
