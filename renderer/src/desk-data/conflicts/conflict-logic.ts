/**
 * What the conflict view shows, computed purely: which fields of the case someone else changed
 * since the agent acted (before → theirs), what the agent's action would have made of them
 * (mine), and who did what in the meantime (timeline events after the agent's base).
 */
import type { CaseDetail, CaseSummary, TimelineEvent } from "@shared/domain/appeal";
import { projectSummary } from "../outbox/outbox-logic";
import type { OutboxEntry } from "../outbox/outbox-types";

/** The summary fields a conflict can be about, in the order the view lists them. */
export const CONFLICT_FIELDS = [
  "status",
  "assigneeId",
  "stage",
  "needsSupervisor",
  "priority",
  "dueAt",
] as const satisfies ReadonlyArray<keyof CaseSummary>;
export type ConflictField = (typeof CONFLICT_FIELDS)[number];

export interface FieldChange {
  field: ConflictField;
  /** As the agent saw it when acting; null when the base is unknown. */
  before: string | null;
  /** As the server holds it now. */
  theirs: string | null;
  /** What the agent's action would make of it on top of theirs. */
  mine: string | null;
}

export interface ConflictSummary {
  changes: FieldChange[];
  /** Events recorded after the agent's base: who changed what, oldest first. */
  theirEvents: TimelineEvent[];
  fromVersion: number;
  toVersion: number;
}

const show = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);

function isDetail(c: CaseDetail | CaseSummary): c is CaseDetail {
  return "timeline" in c;
}

export function describeConflict(
  entry: OutboxEntry,
  theirs: CaseDetail | CaseSummary,
): ConflictSummary {
  const base = entry.baseSummary;
  const mine = projectSummary(theirs, [{ ...entry, state: "pending" }]);
  const changes = CONFLICT_FIELDS.flatMap((field): FieldChange[] => {
    const before = base ? show(base[field]) : null;
    const now = show(theirs[field]);
    const after = show(mine[field]);
    return before !== now || now !== after ? [{ field, before, theirs: now, mine: after }] : [];
  });
  const since = base?.updatedAt ?? null;
  const theirEvents = isDetail(theirs)
    ? theirs.timeline.filter((e) => since === null || e.at > since)
    : [];
  return { changes, theirEvents, fromVersion: entry.baseVersion, toVersion: theirs.version };
}
