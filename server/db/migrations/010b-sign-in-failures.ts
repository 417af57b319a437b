import type { Migration } from "../migrate";

/**
 * Sign-in failure counts in the database instead of each server process's memory, so a flood
 * spread over several processes on one PostgreSQL meets one throttle (`server/auth/throttle.ts`).
 * Times are epoch milliseconds from the server's clock, the unit of the throttle's pure logic.
 * `forget_at` is when a quiet entry may be deleted, indexed for that sweep.
 */
export const signInFailures: Migration = {
  id: "010b-sign-in-failures",
  sql: `
create table sign_in_failures (
  scope text not null check (scope in ('account', 'address')),
  key text not null,
  failures integer not null,
  last_failure_at bigint not null,
  locked_until bigint not null,
  forget_at bigint not null,
  primary key (scope, key)
);
create index sign_in_failures_forget_idx on sign_in_failures (forget_at);
`,
};
