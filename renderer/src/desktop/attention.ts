import type { LiveEvent } from "@shared/api/events";
import { createStore, type StoreApi } from "zustand/vanilla";

/**
 * Cases a deadline job found needing their assignee (`case_attention` on the live stream): a party
 * let an evidence deadline pass, or a verification day ended with its step not done. The SLA
 * warning reason is left to `desk-alerts.ts`, which already warns from the queue's own clocks.
 */
export type AttentionReason = "evidence_deadline_passed" | "verification_overdue";

export interface AttentionFlag {
  reason: AttentionReason;
  /** When the server found it (the event's instant). */
  at: string;
}

/** An attention alert the OS (or the browser) did not show: the desk shows it itself. */
export interface AttentionNotice {
  caseId: string;
  reference: string;
  reason: AttentionReason;
  title: string;
  body: string;
}

export interface AttentionState {
  /** By case id: flagged in the queue until the agent opens the case. */
  flags: Readonly<Record<string, AttentionFlag>>;
  /** Newest last; one per case (a newer alert of a case replaces the older). */
  notices: readonly AttentionNotice[];
  flag(caseId: string, flag: AttentionFlag): void;
  notice(notice: AttentionNotice): void;
  /** The agent opened the case: its flag and notice have done their job. */
  seen(caseId: string): void;
  dismiss(caseId: string): void;
}

export type AttentionStore = StoreApi<AttentionState>;

export function createAttentionStore(): AttentionStore {
  return createStore<AttentionState>()((set) => ({
    flags: {},
    notices: [],
    flag: (caseId, flag) => set((s) => ({ flags: { ...s.flags, [caseId]: flag } })),
    notice: (notice) =>
      set((s) => ({ notices: [...s.notices.filter((n) => n.caseId !== notice.caseId), notice] })),
    seen: (caseId) =>
      set((s) => {
        if (!(caseId in s.flags) && !s.notices.some((n) => n.caseId === caseId)) return s;
        const { [caseId]: _seen, ...flags } = s.flags;
        return { flags, notices: s.notices.filter((n) => n.caseId !== caseId) };
      }),
    dismiss: (caseId) => set((s) => ({ notices: s.notices.filter((n) => n.caseId !== caseId) })),
  }));
}

/**
 * The attention a live event asks of this user, or null: only `case_attention` about a case
 * assigned to them, for a reason this module handles.
 */
export function attentionOf(
  event: LiveEvent,
  userId: string,
): { caseId: string; flag: AttentionFlag } | null {
  if (event.type !== "case_attention" || event.assigneeId !== userId) return null;
  if (event.reason !== "evidence_deadline_passed" && event.reason !== "verification_overdue")
    return null;
  return { caseId: event.caseId, flag: { reason: event.reason, at: event.at } };
}

/** For screens given no store: nothing is ever flagged. */
export const NO_ATTENTION: AttentionStore = createAttentionStore();
