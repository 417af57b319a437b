import type { CaseDetail } from "@shared/domain/appeal";
import { caseClocks } from "@shared/sla/case-clocks";
import {
  type ClockState,
  DEFAULT_SLA_POLICY,
  nextChangeOf,
  type SlaPolicy,
} from "@shared/sla/index";

export interface LiveClocks {
  clocks: ClockState[];
  /** Epoch ms of the next instant a clock's state or warning flag changes, or null. */
  nextChangeAt: number | null;
}

/**
 * Every clock of the case at `now`, on its region's calendar (works offline: pure). The timeline is
 * read by `shared/sla/case-clocks.ts`, as the server reads it: CS's first response is the first
 * message sent or call that reached a party; a call nobody answered is no response.
 */
export function clocksAt(
  detail: CaseDetail,
  now: number,
  policy: SlaPolicy = DEFAULT_SLA_POLICY,
): LiveClocks {
  const clocks = caseClocks(detail, now, policy);
  return { clocks, nextChangeAt: nextChangeOf(clocks) };
}
