import type { User } from "@shared/domain/user";
import Dexie, { type DexieOptions, type EntityTable } from "dexie";
import type { ConflictRecord, OutboxEntry } from "../outbox/outbox-types";
import {
  type CachedCalendar,
  type CachedCase,
  type CachedDetail,
  type CachedEvidence,
  type CaseChunk,
  type DirectoryShard,
  type MetaRow,
  NEVER_ESCALATED_KEY,
} from "./cached-case";
import { layoutCases } from "./case-layout";

export {
  type CachedCalendar,
  type CachedCase,
  type CachedDetail,
  type CachedEvidence,
  type CaseChunk,
  type DirectoryShard,
  type MetaRow,
  NEVER_ESCALATED_KEY,
  toCachedCase,
  toSummary,
} from "./cached-case";

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
