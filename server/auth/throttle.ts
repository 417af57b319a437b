/**
 * Sign-in throttling: failed attempts counted per account and per client address, each with a
 * free allowance, then an exponentially growing lockout (capped). A success clears the account's
 * count (not the address's: one right password must not unlock a guessing spree from there).
 *
 * Pure logic over a clock, kept per server process: the lockout a client sees is the one of the
 * process it reached; with N processes an attacker gets at most N times the allowance, still a
 * handful of guesses a quarter hour.
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

interface Entry {
  failures: number;
  lastFailureAt: number;
  lockedUntil: number;
}

export class FailureCounter {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly policy: ThrottlePolicy,
    private readonly maxEntries = 100_000,
  ) {}

  /** Milliseconds until `key` may try again; 0 when it may now. */
  retryAfterMs(key: string, now: number): number {
    const entry = this.live(key, now);
    return entry ? Math.max(0, entry.lockedUntil - now) : 0;
  }

  /** Records a failure; returns the lockout it starts (0 while within the allowance). */
  fail(key: string, now: number): number {
    const entry = this.live(key, now) ?? { failures: 0, lastFailureAt: now, lockedUntil: 0 };
    entry.failures += 1;
    entry.lastFailureAt = now;
    const over = entry.failures - this.policy.freeFailures;
    if (over > 0) {
      const lock = Math.min(this.policy.maxLockMs, this.policy.baseLockMs * 2 ** (over - 1));
      entry.lockedUntil = now + lock;
    }
    if (!this.entries.has(key) && this.entries.size >= this.maxEntries) this.sweep(now);
    this.entries.set(key, entry);
    return Math.max(0, entry.lockedUntil - now);
  }

  clear(key: string): void {
    this.entries.delete(key);
  }

  private live(key: string, now: number): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const quietSince = Math.max(entry.lastFailureAt, entry.lockedUntil);
    if (now - quietSince > this.policy.windowMs) {
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
  readonly accounts: FailureCounter;
  readonly addresses: FailureCounter;

  constructor(account = ACCOUNT_POLICY, address = ADDRESS_POLICY) {
    this.accounts = new FailureCounter(account);
    this.addresses = new FailureCounter(address);
  }

  /** Milliseconds to wait before this sign-in may be tried; 0 to go ahead. */
  retryAfterMs(username: string, address: string, now: number): number {
    return Math.max(
      this.accounts.retryAfterMs(username.toLowerCase(), now),
      this.addresses.retryAfterMs(address, now),
    );
  }

  /** A wrong password (or unknown user); returns the lockout now in force, 0 when none. */
  failed(username: string, address: string, now: number): number {
    return Math.max(
      this.accounts.fail(username.toLowerCase(), now),
      this.addresses.fail(address, now),
    );
  }

  succeeded(username: string): void {
    this.accounts.clear(username.toLowerCase());
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
