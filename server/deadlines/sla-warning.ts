import type { Queryable } from "../db/database";
import { scheduleJob } from "./jobs";

/**
 * SLA warnings as deadline jobs. Every change of a case recomputes its earliest running clock
 * (`due_at`, and `warn_at`, the instant it starts warning); the engine then calls
 * {@link rescheduleSlaWarning}, so a case has at most one pending `sla_warning` job, due when its
 * nearest deadline that someone can still meet starts warning. Clocks that are paused or stopped
 * have no `due_at`; a deadline already passed is a breach, not a warning, and gets no job.
 *
 * `cases.sla_warned_due` holds the deadline the last warning was for: a case is warned once per
 * deadline (a retried job, or a change that leaves the deadline where it was, warns no one twice),
 * and a supervisor sees which cases were warned and are still running towards that deadline.
 */
export interface SlaInstants {
  dueAt: Date | null;
  warnAt: Date | null;
  dueClockId: string | null;
}

export async function rescheduleSlaWarning(
  tx: Queryable,
  caseId: string,
  sla: SlaInstants,
  warnedDue: Date | null,
  now: Date,
): Promise<void> {
  await tx.query(
    "delete from deadline_jobs where case_id = $1 and kind = 'sla_warning' and state = 'pending'",
    [caseId],
  );
  if (!needsWarningJob(sla, warnedDue, now) || !sla.warnAt || !sla.dueAt) return;
  await scheduleJob(tx, caseId, "sla_warning", sla.warnAt, {
    dueAt: sla.dueAt.toISOString(),
    clockId: sla.dueClockId,
  });
}

/** Whether the case's nearest deadline still needs a warning: one someone can meet, not yet warned. */
export function needsWarningJob(sla: SlaInstants, warnedDue: Date | null, now: Date): boolean {
  if (!sla.dueAt || !sla.warnAt) return false;
  if (sla.dueAt.getTime() <= now.getTime()) return false;
  return warnedDue === null || warnedDue.getTime() !== sla.dueAt.getTime();
}

/**
 * Jobs for cases written without the engine (the demo seed, cases that predate migration 009):
 * the respondent window of each appeal still awaiting its respondent, and the SLA warning of each
 * open case whose nearest deadline is still ahead. A clock already warning when the jobs are laid
 * down is taken as warned: the warning point passed before the server watched it.
 */
export const BACKFILL_DEADLINE_JOBS_SQL = `
insert into deadline_jobs (id, case_id, kind, due_at, payload)
select 'rw-' || c.id, c.id, 'respondent_window', c.respondent_deadline, '{}'::jsonb
  from cases c
 where c.status = 'awaiting_respondent' and c.respondent_deadline is not null
   and not exists (select 1 from deadline_jobs j where j.case_id = c.id and j.kind = 'respondent_window')
on conflict (id) do nothing;
update cases set sla_warned_due = due_at
 where status <> 'closed' and due_at is not null and warn_at is not null
   and warn_at <= $1::timestamptz and sla_warned_due is null;
insert into deadline_jobs (id, case_id, kind, due_at, payload)
select 'sw-' || c.id || '-' || to_char(c.due_at at time zone 'UTC', 'YYYYMMDDHH24MISSMS'), c.id,
       'sla_warning', c.warn_at, jsonb_build_object('dueAt', c.due_at)
  from cases c
 where c.status <> 'closed' and c.due_at > $1::timestamptz and c.warn_at is not null
   and c.sla_warned_due is distinct from c.due_at
   and not exists (select 1 from deadline_jobs j
                    where j.case_id = c.id and j.kind = 'sla_warning' and j.state = 'pending')
on conflict (id) do nothing;
`;

export async function backfillDeadlineJobs(tx: Queryable, now: Date): Promise<void> {
  for (const statement of BACKFILL_DEADLINE_JOBS_SQL.split(";")) {
    if (statement.trim()) await tx.query(statement, statement.includes("$1") ? [now] : []);
  }
}
