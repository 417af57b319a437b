import type { TimelineEventType } from "@shared/domain/appeal";
import type { Queryable } from "../db/database";

export type TimelineEntry = { type: TimelineEventType; at: string };

/** The timelines of many cases in one query, oldest event first, keyed by case id. */
export async function timelinesOf(
  db: Queryable,
  caseIds: readonly string[],
): Promise<Map<string, TimelineEntry[]>> {
  const byCase = new Map<string, TimelineEntry[]>();
  if (caseIds.length === 0) return byCase;
  const rows = await db.query<{ case_id: string; type: TimelineEventType; at: Date }>(
    `select case_id, type, at from timeline_events where case_id = any($1::text[])
     order by case_id, at`,
    [caseIds],
  );
  for (const row of rows) {
    const list = byCase.get(row.case_id) ?? [];
    list.push({ type: row.type, at: new Date(row.at).toISOString() });
    byCase.set(row.case_id, list);
  }
  return byCase;
}
