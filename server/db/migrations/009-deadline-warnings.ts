import { backfillDeadlineJobs } from "../../deadlines/sla-warning";
import type { Migration } from "../migrate";

/**
 * The respondent window and SLA warnings become deadline jobs (the window was a poll of the
 * `cases` table; warnings were only a per-process scan for live clients, lost when no one was
 * connected). `sla_warned_due` is the deadline a case was last warned for: once per deadline, and
 * the supervisor's flag of a warned case still running towards it. Open cases get their jobs here.
 */
export const deadlineWarnings: Migration = {
  id: "009-deadline-warnings",
  sql: `
alter table cases add column sla_warned_due timestamptz;
create index deadline_jobs_case_kind_idx on deadline_jobs (case_id, kind) where state = 'pending';
`,
  run: (tx) => backfillDeadlineJobs(tx, new Date()),
};
