import { PresenceState, type PresenceViewer } from "@shared/api/presence";
import { CaseId } from "@shared/domain/appeal";
import { Role, UserId } from "@shared/domain/user";
import { z } from "zod";

/** The NOTIFY channel presence notices travel on between server processes. */
export const PRESENCE_CHANNEL = "arbiter_presence";

/** One presence change as it travels between server processes (the NOTIFY payload). */
export const PresenceNotice = z.object({
  caseId: CaseId,
  userId: UserId,
  displayName: z.string().min(1),
  role: Role,
  state: PresenceState,
  /** The database's clock (ms) when the notice was sent: one clock for every process. */
  at: z.number(),
});
export type PresenceNotice = z.infer<typeof PresenceNotice>;

interface Entry {
  displayName: string;
  role: Role;
  /** The `at` of the last notice applied: older notices arriving late are ignored. */
  at: number;
  isOpen: boolean;
}

/**
 * Who has which case open, in memory. Every server process keeps its own board and applies every
 * notice from every process (through LISTEN/NOTIFY), so all boards agree without shared storage;
 * a process started late knows a viewer at their next heartbeat. Nothing is persisted: presence
 * that outlived a restart would be wrong anyway.
 */
export class PresenceBoard {
  private readonly cases = new Map<string, Map<string, Entry>>();

  constructor(private readonly ttlMs: number) {}

  /**
   * Applies a notice; true when the case's list of viewers changed (someone came or left), not
   * when a heartbeat merely extended an entry. Notices may arrive twice (applied locally, then
   * through NOTIFY) or out of order across processes: the newest `at` wins.
   */
  apply(notice: PresenceNotice): boolean {
    let users = this.cases.get(notice.caseId);
    const before = users?.get(notice.userId);
    if (before && before.at >= notice.at) return false;
    if (!users) {
      users = new Map();
      this.cases.set(notice.caseId, users);
    }
    const isOpen = notice.state === "open";
    // A closed entry is kept until it would have expired, so a late "open" from before it is
    // recognised as older and ignored.
    users.set(notice.userId, {
      displayName: notice.displayName,
      role: notice.role,
      at: notice.at,
      isOpen,
    });
    return (before?.isOpen ?? false) !== isOpen;
  }

  /** Drops entries older than the time to live; returns the cases whose viewers changed. */
  sweep(now: number): string[] {
    const changed: string[] = [];
    for (const [caseId, users] of this.cases) {
      let isChanged = false;
      for (const [userId, entry] of users) {
        if (entry.at + this.ttlMs > now) continue;
        users.delete(userId);
        if (entry.isOpen) isChanged = true;
      }
      if (users.size === 0) this.cases.delete(caseId);
      if (isChanged) changed.push(caseId);
    }
    return changed;
  }

  viewers(caseId: string): PresenceViewer[] {
    const viewers: PresenceViewer[] = [];
    for (const [userId, entry] of this.cases.get(caseId) ?? []) {
      if (!entry.isOpen) continue;
      viewers.push({
        userId,
        displayName: entry.displayName,
        role: entry.role,
        expiresAt: new Date(entry.at + this.ttlMs).toISOString(),
      });
    }
    return viewers.sort((a, b) => a.displayName.localeCompare(b.displayName));
  }

  /** Cases someone has open: what a newly connected stream is told first. */
  openCases(): string[] {
    return [...this.cases.keys()].filter((caseId) => this.viewers(caseId).length > 0);
  }
}
