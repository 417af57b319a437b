import type { AppealReason, CaseKind, CaseStage, CaseStatus } from "@shared/domain/appeal";
import type { Currency } from "@shared/domain/money";

/** The risk buckets an agent filters on; "due_today" also holds every breached case. */
export type RiskFilter = "breached" | "warning" | "due_today" | "on_track" | "paused";

/**
 * What the queue shows. Empty lists mean "any". Plain data: saved views store it as JSON.
 * Dates are local calendar days (`YYYY-MM-DD`) on the filing date; amounts are decimal strings.
 */
export interface QueueFilter {
  statuses: CaseStatus[];
  stages: CaseStage[];
  kinds: CaseKind[];
  reasons: AppealReason[];
  assignee: "any" | "mine" | "unassigned";
  risks: RiskFilter[];
  currencies: Currency[];
  amountMin: string;
  amountMax: string;
  filedFrom: string;
  filedTo: string;
  text: string;
  /**
   * Only cases an agent asked a supervisor to look at (the supervisors' "Asked to look" queue).
   * Optional so saved views stored before it keep loading.
   */
  needsSupervisor?: boolean;
}

export type SortKey =
  | "sla"
  | "reference"
  | "kind"
  | "reason"
  | "amount"
  | "parties"
  | "status"
  | "assignee"
  | "escalatedAt";

export interface QueueSort {
  key: SortKey;
  isDescending: boolean;
}

/** Most urgent SLA first: the order an agent should work in. */
export const DEFAULT_SORT: QueueSort = { key: "sla", isDescending: false };

/** Work still on CS's desk: what the queue opens on. */
export const OPEN_STATUSES: CaseStatus[] = [
  "escalated",
  "in_review",
  "awaiting_evidence",
  "second_stage",
  "supervisor_review",
];

export const EMPTY_FILTER: QueueFilter = {
  statuses: [],
  stages: [],
  kinds: [],
  reasons: [],
  assignee: "any",
  risks: [],
  currencies: [],
  amountMin: "",
  amountMax: "",
  filedFrom: "",
  filedTo: "",
  text: "",
};

export interface SavedView {
  id: string;
  /** Built-in views carry a catalogue key; the agent's own views carry the name they typed. */
  name: string;
  isBuiltIn: boolean;
  filter: QueueFilter;
  sort: QueueSort;
}

export const BUILT_IN_VIEWS: readonly SavedView[] = [
  { id: "all", name: "views.all", isBuiltIn: true, filter: EMPTY_FILTER, sort: DEFAULT_SORT },
  {
    id: "mine",
    name: "views.mine",
    isBuiltIn: true,
    filter: { ...EMPTY_FILTER, assignee: "mine", statuses: OPEN_STATUSES },
    sort: DEFAULT_SORT,
  },
  {
    id: "unassigned",
    name: "views.unassigned",
    isBuiltIn: true,
    filter: { ...EMPTY_FILTER, assignee: "unassigned", statuses: OPEN_STATUSES },
    sort: DEFAULT_SORT,
  },
  {
    id: "breaching-today",
    name: "views.breachingToday",
    isBuiltIn: true,
    filter: { ...EMPTY_FILTER, risks: ["due_today"], statuses: OPEN_STATUSES },
    sort: DEFAULT_SORT,
  },
  {
    id: "second-stage",
    name: "views.secondStage",
    isBuiltIn: true,
    filter: { ...EMPTY_FILTER, stages: ["second"] },
    sort: DEFAULT_SORT,
  },
];

/** How many filters differ from "any", for the toolbar's badge. */
export function activeFilterCount(filter: QueueFilter): number {
  let count = 0;
  for (const key of ["statuses", "stages", "kinds", "reasons", "risks", "currencies"] as const) {
    if (filter[key].length) count++;
  }
  if (filter.assignee !== "any") count++;
  if (filter.amountMin || filter.amountMax) count++;
  if (filter.filedFrom || filter.filedTo) count++;
  if (filter.needsSupervisor) count++;
  return count;
}
