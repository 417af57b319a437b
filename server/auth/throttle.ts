/**
 * Sign-in throttling: failed attempts counted per account and per client address, each with a
 * free allowance, then an exponentially growing lockout (capped). A success clears the account's
 * count (not the address's: one right password must not unlock a guessing spree from there).
 *
 * The policy is pure logic over a clock; the counts live in a `FailureCounts` store. The server
 * keeps them in the database (`failure-counts.ts`), so several server processes on one PostgreSQL
 * throttle a flood spread over them exactly as one process would.
 */

export interface ThrottlePolicy {
  /** Failures allowed before the first lockout. */
  freeFailures: number;
  /** The first lockout; each further failure doubles it. */
  baseLockMs: number;
  maxLockMs: number;
  /** Failures older than this are forgotten. */
  windowMs: number;
}

/** Per account: five tries, then 30 s, 1 min, 2 min … up to 15 min. */
export const ACCOUNT_POLICY: ThrottlePolicy = {
  freeFailures: 5,
  baseLockMs: 30_000,
  maxLockMs: 15 * 60_000,
  windowMs: 15 * 60_000,
};

/** Per client address: room for a shared office NAT, not for a spray over many accounts. */
export const ADDRESS_POLICY: ThrottlePolicy = {
  freeFailures: 20,
  baseLockMs: 30_000,
  maxLockMs: 15 * 60_000,
  windowMs: 15 * 60_000,
};

/** What is kept per key: the failures in the current window and the lockout they caused. */
export interface FailureEntry {
  failures: number;
  lastFailureAt: number;
  lockedUntil: number;
}

/** Whether `entry` has been quiet (no failure, no lockout) for longer than the window. */
export function isForgotten(policy: ThrottlePolicy, entry: FailureEntry, now: number): boolean {
  return now - forgetFrom(entry) > policy.windowMs;
}

/** From when on a quiet entry's window runs. */
export function forgetFrom(entry: FailureEntry): number {
  return Math.max(entry.lastFailureAt, entry.lockedUntil);
}

/** The entry after one more failure at `now` (a forgotten or missing entry starts afresh). */
export function afterFailure(
  policy: ThrottlePolicy,
  entry: FailureEntry | undefined,
  now: number,
): FailureEntry {
  const live = entry && !isForgotten(policy, entry, now) ? entry : undefined;
  const failures = (live?.failures ?? 0) + 1;
  const over = failures - policy.freeFailures;
  const lockedUntil =
    over > 0
      ? now + Math.min(policy.maxLockMs, policy.baseLockMs * 2 ** (over - 1))
      : (live?.lockedUntil ?? 0);
  return { failures, lastFailureAt: now, lockedUntil };
}

/** One kind of counter (accounts or addresses): where entries are kept is the store's business. */
export interface FailureCounts {
  /** Milliseconds until `key` may try again; 0 when it may now. */
  retryAfterMs(key: string, now: number): Promise<number> | number;
  /** Records a failure; returns the lockout it starts (0 while within the allowance). */
  fail(key: string, now: number): Promise<number> | number;
  clear(key: string): Promise<void> | void;
}

/** In this process's memory, bounded: for tests of the policy and tools without a database. */
export class FailureCounter implements FailureCounts {
  private readonly entries = new Map<string, FailureEntry>();

  constructor(
    private readonly policy: ThrottlePolicy,
    private readonly maxEntries = 100_000,
  ) {}

  retryAfterMs(key: string, now: number): number {
    const entry = this.live(key, now);
    return entry ? Math.max(0, entry.lockedUntil - now) : 0;
  }

  fail(key: string, now: number): number {
    const entry = afterFailure(this.policy, this.live(key, now), now);
    if (!this.entries.has(key) && this.entries.size >= this.maxEntries) this.sweep(now);
    this.entries.set(key, entry);
    return Math.max(0, entry.lockedUntil - now);
  }

  clear(key: string): void {
    this.entries.delete(key);
  }

  private live(key: string, now: number): FailureEntry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (isForgotten(this.policy, entry, now)) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private sweep(now: number): void {
    for (const key of [...this.entries.keys()]) this.live(key, now);
    // Still full (a flood of distinct keys): drop the oldest half rather than grow without bound.
    if (this.entries.size >= this.maxEntries) {
      const keys = [...this.entries.keys()];
      for (const key of keys.slice(0, keys.length / 2)) this.entries.delete(key);
    }
  }
}

/** Both counters of the sign-in route. */
export class LoginThrottle {
  constructor(
    readonly accounts: FailureCounts = new FailureCounter(ACCOUNT_POLICY),
    readonly addresses: FailureCounts = new FailureCounter(ADDRESS_POLICY),
  ) {}

  /** Milliseconds to wait before this sign-in may be tried; 0 to go ahead. */
  async retryAfterMs(username: string, address: string, now: number): Promise<number> {
    const [account, from] = await Promise.all([
      this.accounts.retryAfterMs(username.toLowerCase(), now),
      this.addresses.retryAfterMs(address, now),
    ]);
    return Math.max(account, from);
  }

  /** A wrong password (or unknown user); returns the lockout now in force, 0 when none. */
  async failed(username: string, address: string, now: number): Promise<number> {
    const [account, from] = await Promise.all([
      this.accounts.fail(username.toLowerCase(), now),
      this.addresses.fail(address, now),
    ]);
    return Math.max(account, from);
  }

  async succeeded(username: string): Promise<void> {
    await this.accounts.clear(username.toLowerCase());
  }
}

/**
 * At most `limit` password hashes at once, `queue` more waiting; beyond that a sign-in is turned
 * away at once. scrypt runs on libuv's small thread pool, which file reads and DNS share: a login
 * flood left unbounded would starve every other request of the server.
 */
export class HashGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly limit = 2,
    readonly queue = 32,
  ) {}

  /** Runs `work` when a slot is free; null (without running it) when the queue is full. */
  async run<T>(work: () => Promise<T>): Promise<T | null> {
    if (this.running >= this.limit) {
      if (this.waiting.length >= this.queue) return null;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next in line, so `running` stays at the limit.
      if (next) next();
      else this.running -= 1;
    }
  }

  get inFlight(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }
}
