/**
 * The outbox's rules, pure: which entry goes next, what an acknowledgement changes, how pending
 * actions shape the case the agent sees. The engine and the cache call these inside their Dexie
 * transactions; tests call them directly (including property tests).
 */
import type { CaseDetail, CaseSummary, Message } from "@shared/domain/appeal";
import type { DeskAction } from "@shared/domain/desk-action";
import type { OutboxEntry } from "./outbox-types";
import { pendingTimeline, projectedDeadline } from "./projected-clocks";

type Sequenced = OutboxEntry & { seq: number };

/**
 * The entry to push next: the oldest `pending` entry whose case is not stopped by a conflict.
 *
 * Order is global, not per case: the agent's actions reach the server in the order taken, which is
 * also the order of the audit log. A conflict stops only its own case (everything after it in that
 * case was taken on top of the conflicting action); other cases go on. `failed` entries changed
 * nothing on the server, so they do not hold back what follows them.
 */
export function nextToPush(entries: readonly Sequenced[]): Sequenced | null {
  const stopped = new Set<string>();
  for (const entry of [...entries].sort((a, b) => a.seq - b.seq)) {
    if (entry.state === "conflict") stopped.add(entry.caseId);
    else if (entry.state === "pending" && !stopped.has(entry.caseId)) return entry;
  }
  return null;
}

/**
 * The agent's actions on the same case waiting behind `entry` (a conflict stops its case's queue):
 * every later entry of the case that will still be sent, in order. Failed entries are left out:
 * they wait for nothing.
 */
export function queuedBehind(entries: readonly OutboxEntry[], entry: OutboxEntry): OutboxEntry[] {
  const after = entry.seq ?? Number.POSITIVE_INFINITY;
  return entries
    .filter((e) => e.caseId === entry.caseId && (e.seq ?? 0) > after && e.state !== "failed")
    .sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
}

/** Case ids whose queue is stopped by a conflict. */
export function stoppedCases(entries: readonly OutboxEntry[]): Set<string> {
  return new Set(entries.filter((e) => e.state === "conflict").map((e) => e.caseId));
}

/**
 * Whether a new action adds nothing to what is already queued for its case and can be dropped.
 *
 * Only state-setting actions whose repeat is a no-op coalesce (claiming a case the agent's last
 * queued action already claims; releasing twice). Notes, messages, evidence requests and decisions
 * never do: each is an audited event the agent meant, and two identical notes are two notes.
 * Nothing is merged across other actions either — claim then release is two audit entries.
 */
export function isRedundant(queuedForCase: readonly OutboxEntry[], action: DeskAction): boolean {
  if (action.type !== "claim" && action.type !== "release") return false;
  const live = queuedForCase.filter((e) => e.state !== "failed");
  const last = live[live.length - 1];
  return last !== undefined && last.action.type === action.type;
}

/**
 * After `acked` was accepted with `newVersion`, the later entries of its case that were taken on
 * the same base were taken on top of it: they move to `newVersion`. Entries on any other base
 * (e.g. re-based by the agent after a conflict) keep theirs, so a stale one still gets its 412.
 * Returns the seqs to update.
 */
export function rebaseAfterAck(
  entries: readonly Sequenced[],
  acked: Sequenced,
  newVersion: number,
): Array<{ seq: number; baseVersion: number }> {
  return entries
    .filter(
      (e) =>
        e.caseId === acked.caseId &&
        e.seq > acked.seq &&
        e.state !== "failed" &&
        e.baseVersion === acked.baseVersion,
    )
    .map((e) => ({ seq: e.seq, baseVersion: newVersion }));
}

/**
 * The status a case reaches through an action, as the lifecycle (shared/domain/lifecycle.ts)
 * defines it for the common path. A forecast only: the server's answer replaces it on ack.
 */
function applyToSummary(summary: CaseSummary, action: DeskAction, actorId: string): CaseSummary {
  switch (action.type) {
    case "claim":
      return {
        ...summary,
        assigneeId: actorId,
        status: summary.status === "second_stage" ? "supervisor_review" : "in_review",
      };
    case "release":
      return {
        ...summary,
        assigneeId: null,
        status: summary.status === "supervisor_review" ? "second_stage" : "escalated",
      };
    case "reassign":
      return {
        ...summary,
        assigneeId: action.body.assignee,
        status: summary.status === "escalated" ? "in_review" : summary.status,
      };
    case "evidence-requests":
      return summary.status === "supervisor_review"
        ? summary
        : { ...summary, status: "awaiting_evidence" };
    case "decision":
      return { ...summary, status: "decided" };
    case "escalate":
      return { ...summary, needsSupervisor: true };
    case "verification":
      // Day 1 starts verification; unhappy feedback reopens; confirmation closes.
      return {
        ...summary,
        status:
          action.body.step === "records_checked"
            ? "verifying"
            : action.body.step === "confirmed"
              ? "closed"
              : action.body.satisfied === false
                ? "in_review"
                : summary.status,
      };
    case "review":
      return {
        ...summary,
        status: action.body.verdict === "remand" ? "in_review" : "closed",
        needsSupervisor: false,
      };
    default:
      // Notes, messages, phone contacts…: shown as pending items; the summary is unchanged.
      return summary;
  }
}

/**
 * The case as the agent should see it: the server's summary with the pending (and conflicting)
 * actions applied in order. Failed actions are left out: the server refused them. `version` stays
 * the server's, since that is what the next `If-Match` must carry.
 */
export function projectSummary(server: CaseSummary, queued: readonly OutboxEntry[]): CaseSummary {
  let view = server;
  for (const entry of queued) {
    if (entry.state === "failed") continue;
    // The clocks first: what the action does to them depends on the status it was taken in.
    const events = pendingTimeline(
      entry.action,
      view.status,
      entry.idempotencyKey,
      entry.createdAt,
    );
    view = applyToSummary(view, entry.action, entry.actorId);
    // A row's badge follows the action at once (paused, stopped, restarted), not at the ack.
    if (events.length) view = { ...view, ...projectedDeadline(view, events) };
  }
  return view;
}

/** The timeline events the pending actions will add, so the workspace's clocks follow them. */
function pendingEvents(server: CaseDetail, queued: readonly OutboxEntry[]) {
  let status = server.status;
  const events = [];
  for (const entry of queued) {
    if (entry.state === "failed") continue;
    events.push(...pendingTimeline(entry.action, status, entry.idempotencyKey, entry.createdAt));
    status = applyToSummary({ ...server, status }, entry.action, entry.actorId).status;
  }
  return events;
}

/** The detail with pending actions applied; CS messages appear with a `pending:` id until acked. */
export function projectDetail(server: CaseDetail, queued: readonly OutboxEntry[]): CaseDetail {
  const summary = projectSummary(server, queued);
  const pendingMessages = queued
    .filter((e) => e.state !== "failed" && e.action.type === "messages")
    .map((e): Message => {
      const { to, text } = e.action.type === "messages" ? e.action.body : { to: null, text: "" };
      return {
        id: `pending:${e.idempotencyKey}`,
        author: "agent",
        authorName: "",
        to,
        text,
        language: server.complainant.language,
        at: new Date(e.createdAt).toISOString(),
      };
    });
  const timeline = pendingEvents(server, queued);
  return {
    ...server,
    ...summary,
    messages: pendingMessages.length ? [...server.messages, ...pendingMessages] : server.messages,
    timeline: timeline.length ? [...server.timeline, ...timeline] : server.timeline,
  };
}

/**
 * Whether an incoming server copy should replace the cached one. Responses can arrive out of
 * order (a slow GET of the detail after a faster mutation's answer); an older version never
 * overwrites a newer one. Equal versions replace (same state, fresher fetch).
 */
export function isNewer(incoming: { version: number }, cached: { version: number } | undefined) {
  return cached === undefined || incoming.version >= cached.version;
}
