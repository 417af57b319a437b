import { randomUUID } from "node:crypto";
import type { Database, Queryable } from "../db/database";
import { HttpProblem } from "../http/problem";
import { startPoller } from "../timers/poller";

/**
 * Durable deadlines. A deadline is a row in `deadline_jobs`, written in the transaction of the act
 * that set it (an evidence request, an agreement, a decision). Any server process runs due jobs:
 * each takes one row with `FOR UPDATE SKIP LOCKED` (two processes never hold the same row) and runs
 * the job's effect and marks the row done in one transaction, so a job takes effect exactly once,
 * and a job due while every process was down runs when one comes back.
 */

export const JOB_KINDS = [
  "respondent_window",
  "evidence_deadline",
  "evidence_reminder",
  "agreement_confirmation",
  "verification_due",
  "sla_warning",
] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export interface DeadlineJob {
  id: string;
  case_id: string;
  kind: JobKind;
  due_at: Date;
  payload: Record<string, unknown>;
  attempts: number;
}

/**
 * A job's effect, inside the job's transaction. A handler that finds the deadline moot (the party
 * answered, the case moved on) just returns: the job is done. A 4xx `HttpProblem` means the same.
 */
export type JobHandler = (tx: Queryable, job: DeadlineJob, now: Date) => Promise<void>;

export async function scheduleJob(
  tx: Queryable,
  caseId: string,
  kind: JobKind,
  dueAt: Date,
  payload: Record<string, unknown> = {},
): Promise<void> {
  await tx.query(
    "insert into deadline_jobs (id, case_id, kind, due_at, payload) values ($1, $2, $3, $4, $5)",
    [randomUUID(), caseId, kind, dueAt, JSON.stringify(payload)],
  );
}

/** A job that failed unexpectedly is retried later (1, 2, 4… minutes), then left as `failed`. */
const MAX_ATTEMPTS = 5;
const retryDelayMs = (attempts: number) => 60_000 * 2 ** Math.max(0, attempts - 1);

/**
 * Runs the jobs due at `now`, one transaction each, until none is left or `max` ran. Returns how
 * many ran. Safe to call from every process at once.
 */
export async function runDueJobs(
  db: Database,
  handlers: Record<JobKind, JobHandler>,
  now = new Date(),
  max = 200,
): Promise<number> {
  let ran = 0;
  while (ran < max) {
    const took = await db.transaction(async (tx) => {
      const [job] = await tx.query<DeadlineJob>(
        `select id, case_id, kind, due_at, payload, attempts from deadline_jobs
          where state = 'pending' and due_at <= $1
          order by due_at, id limit 1 for update skip locked`,
        [now],
      );
      if (!job) return false;
      // The effect runs under a savepoint: a failure rolls it back but keeps the row locked, so
      // the row's own update (done, or retry later) commits and no other process re-takes it now.
      await tx.query("savepoint job");
      try {
        await handlers[job.kind](tx, job, now);
        await tx.query("release savepoint job");
        await tx.query("update deadline_jobs set state = 'done', done_at = $2 where id = $1", [
          job.id,
          now,
        ]);
      } catch (error) {
        await tx.query("rollback to savepoint job");
        const message = error instanceof Error ? error.message : String(error);
        if (error instanceof HttpProblem && error.status < 500) {
          await tx.query(
            "update deadline_jobs set state = 'done', done_at = $2, last_error = $3 where id = $1",
            [job.id, now, message],
          );
        } else {
          const attempts = job.attempts + 1;
          await tx.query(
            `update deadline_jobs set attempts = $2, last_error = $3, due_at = $4,
               state = case when $2 >= $5 then 'failed' else 'pending' end
             where id = $1`,
            [
              job.id,
              attempts,
              message,
              new Date(now.getTime() + retryDelayMs(attempts)),
              MAX_ATTEMPTS,
            ],
          );
        }
      }
      return true;
    });
    if (!took) break;
    ran += 1;
  }
  return ran;
}

/** Polls for due jobs every `intervalMs` until stopped; the database, not the timer, holds them. */
export function startDeadlineWorker(
  db: Database,
  handlers: Record<JobKind, JobHandler>,
  intervalMs = 1_000,
): () => Promise<void> {
  return startPoller(() => runDueJobs(db, handlers), intervalMs);
}
