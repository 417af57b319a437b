/**
 * `GET /api/v1/oversight/stats`: the team at a glance, for supervisors. Every figure is computed by
 * the server at `generatedAt` from the same data the queue shows.
 */
import { z } from "zod";
import { CaseStage, DecisionOutcome, Instant, RegionCalendarId } from "../domain/appeal";
import { Role } from "../domain/user";

export const OversightBucket = z.enum(["day", "week"]);
export type OversightBucket = z.infer<typeof OversightBucket>;

export const OversightQuery = z.object({
  /** Only cases on this region's calendar; periods are then cut in that region's time zone. */
  region: RegionCalendarId.optional(),
  bucket: OversightBucket.default("day"),
  /** How far back the per-period series and the outcomes reach, in days. */
  days: z.coerce.number().int().min(1).max(180).default(28),
});
export type OversightQuery = z.infer<typeof OversightQuery>;

/** Open cases of one assignee (or of nobody, `agentId: null`), split by where they stand. */
export const AgentWorkload = z.object({
  agentId: z.string().nullable(),
  agentName: z.string(),
  role: Role.nullable(),
  open: z.number().int().nonnegative(),
  inReview: z.number().int().nonnegative(),
  awaitingEvidence: z.number().int().nonnegative(),
  secondStage: z.number().int().nonnegative(),
  /** Open cases with a running clock that is warning: a deadline someone can still meet. */
  atRisk: z.number().int().nonnegative(),
  breached: z.number().int().nonnegative(),
  /**
   * Open cases the server's SLA-warning job warned about (the assignee was notified) whose
   * deadline is still ahead: the supervisor's flag of cases to watch.
   */
  warned: z.number().int().nonnegative(),
});
export type AgentWorkload = z.infer<typeof AgentWorkload>;

/** One SLA clock across all open cases: how many run, warn (at risk) or are past due. */
export const ClockRisk = z.object({
  clockId: z.string(),
  label: z.string(),
  running: z.number().int().nonnegative(),
  paused: z.number().int().nonnegative(),
  atRisk: z.number().int().nonnegative(),
  breached: z.number().int().nonnegative(),
});
export type ClockRisk = z.infer<typeof ClockRisk>;

/** Age of open cases since escalation, in calendar days. */
export const AGE_BUCKETS = ["<1d", "1–3d", "3–7d", "7–15d", ">15d"] as const;
export const AgeBucket = z.enum(AGE_BUCKETS);
export type AgeBucket = z.infer<typeof AgeBucket>;

export const OutcomeCount = z.object({
  stage: CaseStage,
  outcome: DecisionOutcome,
  count: z.number().int().nonnegative(),
});
export type OutcomeCount = z.infer<typeof OutcomeCount>;

/**
 * One period (day or ISO week starting Monday) of the cohort of cases escalated in it. Medians are
 * wall-clock minutes from escalation, over the cases of the cohort that have reached that point.
 */
export const PeriodStats = z.object({
  /** First day of the period, `YYYY-MM-DD` in the time zone of `OversightStats.timeZone`. */
  period: z.string(),
  escalated: z.number().int().nonnegative(),
  decided: z.number().int().nonnegative(),
  medianFirstResponseMinutes: z.number().nonnegative().nullable(),
  medianResolutionMinutes: z.number().nonnegative().nullable(),
});
export type PeriodStats = z.infer<typeof PeriodStats>;

export const OversightStats = z.object({
  generatedAt: Instant,
  region: RegionCalendarId.nullable(),
  timeZone: z.string(),
  bucket: OversightBucket,
  openCases: z.number().int().nonnegative(),
  workload: z.array(AgentWorkload),
  clocks: z.array(ClockRisk),
  ageDistribution: z.array(z.object({ bucket: AgeBucket, count: z.number().int().nonnegative() })),
  outcomes: z.array(OutcomeCount),
  series: z.array(PeriodStats),
});
export type OversightStats = z.infer<typeof OversightStats>;
