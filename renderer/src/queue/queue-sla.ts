import type { CaseSummary } from "@shared/domain/appeal";

/**
 * The one clock a queue row shows and sorts by. The row knows the instants at which its risk
 * changes, so "breached"/"warning" is a comparison with `now`, never a recomputation: the full
 * `clockState` runs only in the case workspace, for one case.
 */
export interface HeadlineClock {
  /** Epoch ms; NaN while paused (the due instant depends on when the party answers). */
  dueAt: number;
  /** Epoch ms at which the clock starts warning. */
  warnAt: number;
  isPaused: boolean;
}

export type BreachRisk = "breached" | "warning" | "on_track" | "paused" | "none";

/**
 * The row's clock from the server's summary: `dueAt`/`warnAt` are the earliest running deadline
 * and its warning instant, computed with the SLA engine when the case last changed (they stay
 * right until the next change, which brings a new summary). No running clock while awaiting a
 * party's evidence means paused; otherwise there is nothing to count down.
 */
/**
 * Statuses whose running clock no one at the desk can meet: the respondent's 10-minute window and
 * the complainant's agreement confirmation are the parties' to meet, and a closed case has none.
 * Breach risk counts only clocks someone can still act on.
 */
const NOT_THE_DESKS: ReadonlySet<CaseSummary["status"]> = new Set([
  "awaiting_respondent",
  "agreed",
  "closed",
]);

export function headlineClock(
  summary: Pick<CaseSummary, "dueAt" | "warnAt" | "status">,
): HeadlineClock | null {
  if (NOT_THE_DESKS.has(summary.status)) return null;
  if (summary.dueAt) {
    const dueAt = Date.parse(summary.dueAt);
    return { dueAt, warnAt: summary.warnAt ? Date.parse(summary.warnAt) : dueAt, isPaused: false };
  }
  if (summary.status === "awaiting_evidence") {
    return { dueAt: Number.NaN, warnAt: Number.NaN, isPaused: true };
  }
  return null;
}

export function riskAt(clock: HeadlineClock | null, now: number): BreachRisk {
  if (!clock) return "none";
  if (clock.isPaused) return "paused";
  if (now > clock.dueAt) return "breached";
  if (now >= clock.warnAt) return "warning";
  return "on_track";
}
