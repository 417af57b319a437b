/**
 * Sign-in failure counts kept in the database (table `sign_in_failures`, migration 010b): every
 * server process on one PostgreSQL reads and bumps the same rows, so a flood spread over them is
 * throttled as by one. On PGlite the one process uses the same table.
 */
import type { Database } from "../db/database";
import {
  afterFailure,
  type FailureCounts,
  type FailureEntry,
  forgetFrom,
  type ThrottlePolicy,
} from "./throttle";

interface Row {
  failures: number;
  last_failure_at: string | number;
  locked_until: string | number;
  forget_at: string | number;
}

const toEntry = (row: Row): FailureEntry => ({
  failures: row.failures,
  lastFailureAt: Number(row.last_failure_at),
  lockedUntil: Number(row.locked_until),
});

export class DatabaseFailureCounts implements FailureCounts {
  constructor(
    private readonly db: Database,
    private readonly scope: "account" | "address",
    private readonly policy: ThrottlePolicy,
  ) {}

  async retryAfterMs(key: string, now: number): Promise<number> {
    const [row] = await this.db.query<Row>(
      "select failures, last_failure_at, locked_until, forget_at from sign_in_failures where scope = $1 and key = $2",
      [this.scope, key],
    );
    if (!row || Number(row.forget_at) < now) return 0;
    return Math.max(0, Number(row.locked_until) - now);
  }

  async fail(key: string, now: number): Promise<number> {
    const entry = await this.db.transaction(async (tx) => {
      // The row is locked before it is read, so two processes counting the same key at once
      // add up instead of both writing "one more" over the same old count.
      await tx.query(
        `insert into sign_in_failures (scope, key, failures, last_failure_at, locked_until, forget_at)
           values ($1, $2, 0, 0, 0, 0) on conflict (scope, key) do nothing`,
        [this.scope, key],
      );
      const [row] = await tx.query<Row>(
        "select failures, last_failure_at, locked_until, forget_at from sign_in_failures where scope = $1 and key = $2 for update",
        [this.scope, key],
      );
      const next = afterFailure(
        this.policy,
        row && row.failures > 0 ? toEntry(row) : undefined,
        now,
      );
      await tx.query(
        `update sign_in_failures set failures = $3, last_failure_at = $4, locked_until = $5, forget_at = $6
           where scope = $1 and key = $2`,
        [
          this.scope,
          key,
          next.failures,
          next.lastFailureAt,
          next.lockedUntil,
          forgetFrom(next) + this.policy.windowMs,
        ],
      );
      return next;
    });
    // Quiet entries are deleted as failures come in, so a flood of distinct usernames leaves
    // no more rows behind than one window holds.
    await this.db.query("delete from sign_in_failures where scope = $1 and forget_at < $2", [
      this.scope,
      now,
    ]);
    return Math.max(0, entry.lockedUntil - now);
  }

  async clear(key: string): Promise<void> {
    await this.db.query("delete from sign_in_failures where scope = $1 and key = $2", [
      this.scope,
      key,
    ]);
  }
}
