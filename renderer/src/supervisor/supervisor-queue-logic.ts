/**
 * The pure rules of the supervisor work queues: what defines each queue whatever else the
 * supervisor filters on, why an agent asked, and the counts over the rows shown. Kept apart from
 * the screen so they are tested on their own.
 */
import type { CaseDetail, CaseStatus } from "@shared/domain/appeal";
import { OPEN_STATUSES, type QueueFilter } from "../queue/queue-filter";
import type { BreachRisk } from "../queue/queue-sla";

export type SupervisorQueueKind = "asked" | "second-stage";

/** The statuses each queue may ever show: closed (and decided-and-done) cases never. */
const ALLOWED_STATUSES: Record<SupervisorQueueKind, readonly CaseStatus[]> = {
  asked: OPEN_STATUSES,
  "second-stage": ["second_stage", "supervisor_review"],
};

/** What defines each supervisor queue: kept whatever else the supervisor filters on. */
const DEFINING: Record<SupervisorQueueKind, Partial<QueueFilter>> = {
  asked: { needsSupervisor: true },
  "second-stage": { stages: ["second"] },
};

/** What each queue opens on: its defining filter and every status it may show. */
export function initialQueueFilter(kind: SupervisorQueueKind): Partial<QueueFilter> {
  return { ...DEFINING[kind], statuses: [...ALLOWED_STATUSES[kind]] };
}

/**
 * A filter change on a supervisor queue: the defining filter stays, and the statuses chosen are
 * narrowed to those the queue may show (none chosen, or none allowed, means all it may show), so
 * no filter brings a closed case into it.
 */
export function constrainFilter(
  kind: SupervisorQueueKind,
  patch: Partial<QueueFilter>,
): Partial<QueueFilter> {
  const allowed = ALLOWED_STATUSES[kind];
  const next: Partial<QueueFilter> = { ...patch, ...DEFINING[kind] };
  if (patch.statuses !== undefined) {
    const kept = patch.statuses.filter((status) => allowed.includes(status));
    next.statuses = kept.length ? kept : [...allowed];
  }
  return next;
}

/** Why an agent asked a supervisor to look, who asked and when. */
export interface AskedToLook {
  reason: string;
  askedBy: string;
  askedAt: string;
}

/**
 * The latest request to a supervisor in the case's timeline (an agent may ask again after a
 * supervisor answered; the newest is the open one), or null when there is none.
 */
export function askedToLookOf(detail: Pick<CaseDetail, "timeline">): AskedToLook | null {
  const entry = detail.timeline.filter((e) => e.type === "supervisor_requested").at(-1);
  return entry ? { reason: entry.summary, askedBy: entry.actor, askedAt: entry.at } : null;
}

export interface QueueCounts {
  total: number;
  breached: number;
  warning: number;
}

/** How many rows the queue shows, and how many of them are overdue or at risk. */
export function queueCounts(risks: Iterable<BreachRisk>): QueueCounts {
  const counts: QueueCounts = { total: 0, breached: 0, warning: 0 };
  for (const risk of risks) {
    counts.total++;
    if (risk === "breached") counts.breached++;
    else if (risk === "warning") counts.warning++;
  }
  return counts;
}
