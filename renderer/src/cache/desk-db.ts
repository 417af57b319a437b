import type { CaseDetail, CaseSummary } from "@shared/domain/appeal";
import type { User } from "@shared/domain/user";
import Dexie, { type DexieOptions, type EntityTable } from "dexie";
import type { ConflictRecord, OutboxEntry } from "../sync/outbox-types";
import { layoutCases } from "./case-store";

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

/**
 * The desk's IndexedDB, one database per signed-in user (`arbiter-desk:<userId>`), so agents sharing
 * a machine never see each other's cache and signing out deletes exactly one database.
 *
 * Schema history — never edit a released version, add one:
 * - v1: cases, details, outbox, conflicts, evidence, meta, users, calendars.
 * - v2: queue sort/filter keys (`escalatedKey`, `assigneeKey`, `amountValue`) with compound indexes,
 *   so "mine/unassigned, most urgent first" is an index range instead of a scan; the upgrade
 *   computes the keys for rows a v1 cache already holds.
 * - v3: only the indexes a read path uses (the default queue order, and the sorts of
 *   `observeQueue`). Each index is one more B-tree write per row: with ten, filling 100,000 rows
 *   ran at a third of the speed, and the queue filters in memory anyway (`allCases`).
 * - v4: the queue rows move from one record per case (`cases`) to chunks of CHUNK_ROWS rows with
 *   a directory and per-chunk heads for the first screen (`caseChunks`, `caseDirectory`,
 *   `caseHeads`; see case-store.ts). Chromium's IndexedDB pays per request, not per byte: storing
 *   100,000 rows went from ~25 s of one-row puts to ~4 s, and the fill now waits on the server's
 *   feed rather than on IndexedDB. The upgrade moves every v3 row (projection and all) into
 *   chunks, so an offline agent keeps the whole queue.
 */
export class DeskDatabase extends Dexie {
  caseChunks!: EntityTable<CaseChunk, "chunk">;
  caseDirectory!: EntityTable<DirectoryShard, "shard">;
  caseHeads!: EntityTable<CaseChunk, "chunk">;
  details!: EntityTable<CachedDetail, "id">;
  outbox!: EntityTable<OutboxEntry, "seq">;
  conflicts!: EntityTable<ConflictRecord, "seq">;
  evidence!: EntityTable<CachedEvidence, "sha256">;
  meta!: EntityTable<MetaRow, "key">;
  users!: EntityTable<User, "id">;
  calendars!: EntityTable<CachedCalendar, "id">;

  constructor(name: string, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade(async (tx) => {
        await tx
          .table<CachedCase>("cases")
          .toCollection()
          .modify((row) => {
            row.assigneeKey = row.assigneeId ?? "";
            row.escalatedKey = row.escalatedAt ?? NEVER_ESCALATED_KEY;
            row.amountValue = Number(row.amount);
            row.pendingCount ??= 0;
          });
      });
    this.version(3).stores(SCHEMA_V3);
    this.version(4)
      .stores(SCHEMA_V4)
      .upgrade(async (tx) => {
        // Dexie keeps a table dropped by this version readable until the upgrade returns.
        const rows = await tx.table<CachedCase>("cases").toArray();
        const { chunks, heads, shards } = layoutCases(rows);
        await tx.table<CaseChunk>("caseChunks").bulkPut(chunks);
        await tx.table<CaseChunk>("caseHeads").bulkPut(heads);
        await tx.table<DirectoryShard>("caseDirectory").bulkPut(shards);
      });
  }
}

/** v1, kept verbatim so a v1 database on disk upgrades through v2's function. */
export const SCHEMA_V1 = {
  cases: "id, status, assigneeId, updatedAt, escalatedAt",
  details: "id",
  outbox: "++seq, &idempotencyKey, caseId, state",
  conflicts: "seq, caseId",
  evidence: "sha256, lastUsedAt, caseId",
  meta: "key",
  users: "id",
  calendars: "id",
} as const;

export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  cases:
    "id, status, stage, kind, assigneeKey, escalatedKey, updatedAt, amountValue, pendingCount, [status+escalatedKey], [assigneeKey+escalatedKey]",
} as const;

export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  cases: "id, escalatedKey, updatedAt, amountValue",
} as const;

export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  cases: null,
  caseChunks: "chunk",
  caseDirectory: "shard",
  caseHeads: "chunk",
} as const;

export const DB_VERSION = 4;

/** The name of a user's cache database. */
export function deskDatabaseName(userId: string): string {
  return `arbiter-desk:${userId}`;
}

/**
 * Opens the user's cache. `options` lets Node tests pass fake-indexeddb's `indexedDB`/`IDBKeyRange`.
 */
export function openDeskDatabase(userId: string, options?: DexieOptions): DeskDatabase {
  return new DeskDatabase(deskDatabaseName(userId), options);
}

/** Meta keys in one place, so a typo cannot make a second cursor. */
export const META = {
  changesCursor: "changesCursor",
  fillCursor: "fillCursor",
  fillComplete: "fillComplete",
  lastSyncAt: "lastSyncAt",
  evidenceBytes: "evidenceBytes",
} as const;

export async function readMeta<T>(db: DeskDatabase, key: string): Promise<T | undefined> {
  const row = await db.meta.get(key);
  return row?.value as T | undefined;
}
