import type { User } from "@shared/domain/user";
import type { Database } from "../db/database";

/** NOTIFY channel carrying the hash of a revoked session token to every server process. */
export const SESSIONS_CHANNEL = "arbiter_sessions";

/**
 * Recently verified sessions, so a request costs no database round trip to authenticate.
 *
 * Why it stays correct: a sign-out NOTIFYs every process, which drops the token at once; the short
 * lifetime bounds what a lost notification (a dropped LISTEN connection) could allow; an entry never
 * outlives the session's own expiry. Until the subscription is live nothing is cached.
 */
export class SessionCache {
  private readonly entries = new Map<string, { user: User; until: number }>();
  private listening = false;
  private unlisten: (() => Promise<void>) | null = null;

  constructor(private readonly lifetimeMs = 5_000) {}

  async start(db: Database): Promise<void> {
    this.unlisten = await db.listen(SESSIONS_CHANNEL, (tokenHash) => this.forget(tokenHash));
    this.listening = true;
  }

  async stop(): Promise<void> {
    this.listening = false;
    this.entries.clear();
    await this.unlisten?.();
    this.unlisten = null;
  }

  get(tokenHash: string, now: number): User | null {
    const entry = this.entries.get(tokenHash);
    if (!entry) return null;
    if (entry.until > now) return entry.user;
    this.entries.delete(tokenHash);
    return null;
  }

  remember(tokenHash: string, user: User, sessionExpiresAt: number, now: number): void {
    if (!this.listening) return;
    // Bounded by the number of signed-in users; stale entries go on the next read or sweep.
    if (this.entries.size > 10_000) this.sweep(now);
    this.entries.set(tokenHash, { user, until: Math.min(now + this.lifetimeMs, sessionExpiresAt) });
  }

  forget(tokenHash: string): void {
    this.entries.delete(tokenHash);
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.entries) if (entry.until <= now) this.entries.delete(key);
  }
}
