import type { CaseSummary } from "@shared/domain/appeal";
import type { AttentionReason } from "./attention";

/**
 * Which desktop alerts the agent's own cases call for, as a pure function of what was seen before
 * and what the cache holds now. Run on every change of the agent's cases and once a minute, since
 * warnings and breaches arrive with time, not only with data.
 */

export type AlertCase = Pick<
  CaseSummary,
  "id" | "reference" | "assigneeId" | "status" | "warnAt" | "dueAt"
>;

export interface AlertMemory {
  /** False until the first evaluation: cases already mine at sign-in are not news. */
  primed: boolean;
  /** Ids of cases assigned to the agent at the last evaluation. */
  mine: ReadonlySet<string>;
  /** Ids already warned about, with the deadline warned for (a new deadline warns again). */
  warned: ReadonlyMap<string, string>;
}

export type DeskAlert =
  | { kind: "assignment"; caseId: string; reference: string }
  | { kind: "sla-warning"; caseId: string; reference: string; dueAt: string }
  /** From a live `case_attention` (see `attention.ts`), not from the queue's rows. */
  | { kind: "deadline-lapsed"; caseId: string; reference: string; reason: AttentionReason };

export interface AlertEvaluation {
  alerts: DeskAlert[];
  /** My open cases past their deadline: the dock/taskbar badge. */
  breaching: number;
  memory: AlertMemory;
}

export const EMPTY_ALERT_MEMORY: AlertMemory = {
  primed: false,
  mine: new Set(),
  warned: new Map(),
};

const FINISHED = new Set<CaseSummary["status"]>(["closed", "agreed"]);

export function evaluateAlerts(
  userId: string,
  cases: readonly AlertCase[],
  now: number,
  memory: AlertMemory,
): AlertEvaluation {
  const alerts: DeskAlert[] = [];
  const mine = new Set<string>();
  const warned = new Map<string, string>();
  let breaching = 0;

  for (const c of cases) {
    if (c.assigneeId !== userId || FINISHED.has(c.status)) continue;
    mine.add(c.id);
    if (memory.primed && !memory.mine.has(c.id))
      alerts.push({ kind: "assignment", caseId: c.id, reference: c.reference });

    if (!c.dueAt) continue;
    const due = Date.parse(c.dueAt);
    if (due <= now) breaching += 1;
    const warnFrom = c.warnAt ? Date.parse(c.warnAt) : due;
    if (now >= warnFrom) {
      warned.set(c.id, c.dueAt);
      // One warning per deadline: a case warned for this same due instant stays quiet.
      if (memory.primed && memory.warned.get(c.id) !== c.dueAt) {
        alerts.push({ kind: "sla-warning", caseId: c.id, reference: c.reference, dueAt: c.dueAt });
      }
    }
  }
  return { alerts, breaching, memory: { primed: true, mine, warned } };
}
