/**
 * The records the desk's cache holds (see desk-db.ts for the database): a queue row, a fetched
 * detail, evidence bytes, the chunks the rows are stored in, and small state.
 */
import type { CaseDetail, CaseSummary } from "@shared/domain/appeal";

/**
 * One row of the queue as the cache holds it: the case as the agent should see it (the server's
 * summary with the agent's pending actions applied on top), plus sort keys.
 *
 * The nullable columns the queue sorts on get a key twin that is never null (they were IndexedDB
 * index keys up to v3, which skips `null`; the queue still sorts on them): `assigneeKey` is "" for
 * unassigned, `escalatedKey` sorts cases that were never escalated last. `amountValue` is the
 * amount as a number for range filters and sorting only; the exact decimal string stays in
 * `amount` and is what the desk displays.
 */
export interface CachedCase extends CaseSummary {
  assigneeKey: string;
  escalatedKey: string;
  amountValue: number;
  /** Outbox entries not yet acknowledged for this case (pending, blocked or in conflict). */
  pendingCount: number;
  /** The server's own summary when pending actions changed the projected one; absent otherwise. */
  server?: CaseSummary;
}

/** The server's full detail of a case, as last fetched: never with local edits applied. */
export interface CachedDetail {
  id: string;
  detail: CaseDetail;
  fetchedAt: number;
  /** Set when the changes feed moved the case past this detail's version: refetch on next open. */
  isStale: boolean;
}

/** Evidence bytes of recently opened cases, evicted least-recently-used first (see EvidenceCache). */
export interface CachedEvidence {
  sha256: string;
  caseId: string;
  mimeType: string;
  size: number;
  lastUsedAt: number;
  bytes: ArrayBuffer;
}

/** Up to CHUNK_ROWS queue rows in one IndexedDB record (see case-store.ts for why). */
export interface CaseChunk {
  chunk: number;
  rows: CachedCase[];
}

/** Which chunk holds each case of one directory shard: `chunks[i]` holds `ids[i]`. */
export interface DirectoryShard {
  shard: number;
  ids: string[];
  chunks: number[];
}

/** Small key/value state of the sync engine: the changes cursor, fill progress, last sync time. */
export interface MetaRow {
  key: string;
  value: unknown;
}

export interface CachedCalendar {
  id: string;
  calendar: unknown;
}

/** Sorts never-escalated cases after every ISO instant. */
export const NEVER_ESCALATED_KEY = "~";

/** Adds the index keys to a summary; `pendingCount`/`server` come from the outbox projection. */
export function toCachedCase(
  summary: CaseSummary,
  pendingCount = 0,
  server?: CaseSummary,
): CachedCase {
  const row: CachedCase = {
    ...summary,
    assigneeKey: summary.assigneeId ?? "",
    escalatedKey: summary.escalatedAt ?? NEVER_ESCALATED_KEY,
    amountValue: Number(summary.amount),
    pendingCount,
  };
  if (server) row.server = server;
  return row;
}

/** Strips the cache's own columns, giving back the wire shape. */
export function toSummary(row: CachedCase): CaseSummary {
  const {
    assigneeKey: _a,
    escalatedKey: _e,
    amountValue: _v,
    pendingCount: _p,
    server: _s,
    ...summary
  } = row;
  return summary;
}
