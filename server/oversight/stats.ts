/**
 * The figures of the supervisors' oversight dashboard, computed from the case tables at `now`.
 * Open cases are evaluated with the same SLA code as the queue's due/warn columns, so "at risk"
 * here means what it means in the queue.
 */

import type { CaseSummary } from "@shared/domain/appeal";
import { DESK_STATUSES } from "@shared/domain/lifecycle";
import type { Role } from "@shared/domain/user";
import {
  AGE_BUCKETS,
  type AgeBucket,
  type AgentWorkload,
  type ClockRisk,
  type OversightQuery,
  type OversightStats,
  type PeriodStats,
} from "@shared/oversight/contract";
import { builtinCalendar } from "@shared/sla";
import { FIRST_RESPONSE_EVENTS } from "@shared/sla/case-clocks";
import { computeSla } from "../cases/sla";
import { timelinesOf } from "../cases/timelines";
import type { Queryable } from "../db/database";

interface OpenCaseRow {
  id: string;
  kind: CaseSummary["kind"];
  reason: CaseSummary["reason"];
  priority: CaseSummary["priority"];
  region: CaseSummary["region"];
  status: CaseSummary["status"];
  assignee_id: string | null;
  escalated_at: Date | null;
  warned: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** CS's first response, as the clocks read it; constants from shared/, so no parameter is needed. */
const FIRST_RESPONSE_SQL = FIRST_RESPONSE_EVENTS.map((type) => `'${type}'`).join(", ");

function ageBucket(days: number): AgeBucket {
  if (days < 1) return "<1d";
  if (days < 3) return "1–3d";
  if (days < 7) return "3–7d";
  if (days < 15) return "7–15d";
  return ">15d";
}

/** Numeric columns arrive as strings from PostgreSQL and numbers from PGlite. */
const num = (value: string | number | null): number | null =>
  value === null ? null : Math.round(Number(value) * 10) / 10;

export async function oversightStats(
  db: Queryable,
  query: OversightQuery,
  now = new Date(),
): Promise<OversightStats> {
  const timeZone = query.region ? builtinCalendar(query.region).timeZone : "UTC";
  const from = new Date(now.getTime() - query.days * DAY_MS);
  const regionClause = (column: string, index: number) =>
    query.region ? `and ${column} = $${index}` : "";
  const regionParam = query.region ? [query.region] : [];

  const open = await db.query<OpenCaseRow>(
    `select id, kind, reason, priority, region, status, assignee_id, escalated_at,
       coalesce(sla_warned_due = due_at and due_at > $${regionParam.length + 2}, false) as warned
     from cases
     where status = any($1::text[]) ${regionClause("region", 2)}`,
    [DESK_STATUSES, ...regionParam, now],
  );
  const timeline = await timelinesOf(
    db,
    open.map((row) => row.id),
  );

  const users = await db.query<{ id: string; display_name: string; role: Role }>(
    "select id, display_name, role from users",
  );
  const userById = new Map(users.map((u) => [u.id, u]));
  const workload = new Map<string | null, AgentWorkload>();
  const clocks = new Map<string, ClockRisk>();
  const ages = new Map<AgeBucket, number>(AGE_BUCKETS.map((bucket) => [bucket, 0]));

  for (const row of open) {
    const user = row.assignee_id ? userById.get(row.assignee_id) : undefined;
    const load = workload.get(row.assignee_id) ?? {
      agentId: row.assignee_id,
      agentName: row.assignee_id ? (user?.display_name ?? row.assignee_id) : "Unassigned",
      role: user?.role ?? null,
      open: 0,
      inReview: 0,
      awaitingEvidence: 0,
      secondStage: 0,
      atRisk: 0,
      breached: 0,
      warned: 0,
    };
    load.open += 1;
    if (row.warned) load.warned += 1;
    if (row.status === "in_review" || row.status === "escalated") load.inReview += 1;
    if (row.status === "awaiting_evidence") load.awaitingEvidence += 1;
    if (row.status === "second_stage" || row.status === "supervisor_review") load.secondStage += 1;

    const sla = computeSla(
      {
        kind: row.kind,
        reason: row.reason,
        priority: row.priority,
        region: row.region,
        timeline: timeline.get(row.id) ?? [],
      },
      now,
    );
    let isCaseBreached = false;
    let isCaseAtRisk = false;
    for (const clock of sla.clocks) {
      const risk = clocks.get(clock.clockId) ?? {
        clockId: clock.clockId,
        label: clock.label,
        running: 0,
        paused: 0,
        atRisk: 0,
        breached: 0,
      };
      if (clock.status === "running") risk.running += 1;
      if (clock.status === "paused") risk.paused += 1;
      if (clock.status === "breached" && clock.stoppedAt === null) {
        risk.breached += 1;
        isCaseBreached = true;
      } else if (clock.isWarning && clock.status === "running") {
        // Breach risk is a clock someone can still meet: a paused or stopped one is not.
        risk.atRisk += 1;
        isCaseAtRisk = true;
      }
      clocks.set(clock.clockId, risk);
    }
    if (isCaseBreached) load.breached += 1;
    else if (isCaseAtRisk) load.atRisk += 1;
    workload.set(row.assignee_id, load);

    if (row.escalated_at) {
      const bucket = ageBucket((now.getTime() - row.escalated_at.getTime()) / DAY_MS);
      ages.set(bucket, (ages.get(bucket) ?? 0) + 1);
    }
  }

  const outcomes = await db.query<{ stage: "first" | "second"; outcome: string; count: number }>(
    `select d.stage, d.outcome, count(*)::int as count from decisions d
     join cases c on c.id = d.case_id
     where d.decided_at >= $1 ${regionClause("c.region", 2)}
     group by d.stage, d.outcome order by d.stage, count desc`,
    [from, ...regionParam],
  );

  // Cohorts by escalation period: of the cases escalated then, how fast CS first answered and
  // decided. Cases that have not reached a point yet are left out of that median, not counted 0.
  const bucketParam = regionParam.length + 3;
  const series = await db.query<{
    period: string;
    escalated: number;
    decided: number;
    median_first: string | number | null;
    median_resolution: string | number | null;
  }>(
    `with cohort as (
       select c.escalated_at,
         (select min(t.at) from timeline_events t where t.case_id = c.id
            and t.type in (${FIRST_RESPONSE_SQL}) and t.at >= c.escalated_at) as first_at,
         (select min(d.decided_at) from decisions d where d.case_id = c.id) as decided_at
       from cases c where c.escalated_at >= $1 ${regionClause("c.region", 3)}
     )
     select to_char(date_trunc($${bucketParam}, escalated_at at time zone $2), 'YYYY-MM-DD') as period,
       count(*)::int as escalated,
       count(decided_at)::int as decided,
       percentile_cont(0.5) within group (order by extract(epoch from first_at - escalated_at) / 60)
         as median_first,
       percentile_cont(0.5) within group (order by extract(epoch from decided_at - escalated_at) / 60)
         as median_resolution
     from cohort group by 1 order by 1`,
    [from, timeZone, ...regionParam, query.bucket],
  );

  return {
    generatedAt: now.toISOString(),
    region: query.region ?? null,
    timeZone,
    bucket: query.bucket,
    openCases: open.length,
    workload: [...workload.values()].sort((a, b) => b.open - a.open),
    clocks: [...clocks.values()],
    ageDistribution: AGE_BUCKETS.map((bucket) => ({ bucket, count: ages.get(bucket) ?? 0 })),
    outcomes: outcomes.map((row) => ({
      stage: row.stage,
      outcome: row.outcome as OversightStats["outcomes"][number]["outcome"],
      count: row.count,
    })),
    series: series.map(
      (row): PeriodStats => ({
        period: row.period,
        escalated: row.escalated,
        decided: row.decided,
        medianFirstResponseMinutes: num(row.median_first),
        medianResolutionMinutes: num(row.median_resolution),
      }),
    ),
  };
}
