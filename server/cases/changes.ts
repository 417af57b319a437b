import type { ChangesPage, ChangesQuery } from "@shared/api/cases";
import { z } from "zod";
import type { Queryable } from "../db/database";
import { HttpProblem } from "../http/problem";
import type { ChangeRecord } from "../journal/journal";
import { type CaseSummaryRow, summaryColumns, toCaseSummary } from "./repository";

/** The feed cursor: the last change sequence the reader has. Opaque (base64url JSON) to clients. */
const FeedCursor = z.object({ s: z.number().int().nonnegative() });

export function encodeFeedCursor(seq: number): string {
  return Buffer.from(JSON.stringify({ s: seq })).toString("base64url");
}

export function decodeFeedCursor(text: string, field = "query/since"): number {
  try {
    return FeedCursor.parse(JSON.parse(Buffer.from(text, "base64url").toString("utf8"))).s;
  } catch {
    throw new HttpProblem(400, "Invalid request", "The cursor is not one this server issued.", [
      { field, message: "unknown cursor" },
    ]);
  }
}

export interface ChangeRow extends Partial<CaseSummaryRow> {
  seq: string | number;
  case_id: string;
  change_kind: "upsert" | "tombstone";
  event: NonNullable<ChangeRecord["event"]> | null;
  change_reason: string | null;
}

/**
 * Changes after `since`, oldest first. The summary is the case as it is now (the row is locked
 * and updated in the transaction that wrote the change, so it is never older than the change).
 */
export async function readChangeRows(
  db: Queryable,
  since: number,
  limit: number,
): Promise<ChangeRow[]> {
  // The page comes back as one JSON text built by the database: decoding thousands of rows column by
  // column in the driver cost three times as much (PGlite, 10,000 rows: 0.9 s against 0.3 s).
  const [page] = await db.query<{ rows: string }>(
    `select coalesce(json_agg(page order by page.seq), '[]')::text as rows from (
       select ch.seq, ch.case_id, ch.kind as change_kind, ch.event, ch.reason as change_reason,
         ${summaryColumns("k")}
         from case_changes ch left join cases k on k.id = ch.case_id
        where ch.seq > $1 order by ch.seq limit $2
     ) page`,
    [since, limit],
  );
  return page ? (JSON.parse(page.rows) as ChangeRow[]) : [];
}

export function toChange(row: ChangeRow): ChangesPage["changes"][number] {
  // A change whose case has gone since is reported as what it now is: gone.
  if (row.change_kind === "tombstone" || row.id == null) {
    return { type: "tombstone", id: row.case_id, reason: row.change_reason ?? "deleted" };
  }
  return { type: "upsert", case: toCaseSummary(row as ChangeRow & CaseSummaryRow) };
}

export async function readChanges(db: Queryable, query: ChangesQuery): Promise<ChangesPage> {
  const since = query.since ? decodeFeedCursor(query.since) : 0;
  const rows = await readChangeRows(db, since, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    changes: page.map(toChange),
    cursor: encodeFeedCursor(last ? Number(last.seq) : since),
    hasMore: rows.length > query.limit,
  };
}
