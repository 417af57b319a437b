/**
 * The queue's case rows, stored in chunks: a few hundred rows per IndexedDB record.
 *
 * Why chunks: Chromium's IndexedDB costs about the same per *request* whatever the value's size
 * (measured here: ~2.5-4.5k one-row puts/s, with or without indexes, Dexie or raw), while one put
 * of a 500-row array costs little more than one of a single row. So 100,000 rows are ~200 records,
 * stored 5-10× faster and read back (`allCases`, which feeds the in-memory queue index) in one
 * request. Nothing queries rows by index any more: the queue filters and sorts in memory.
 *
 * Layout (three object stores, always written together in one transaction):
 * - `caseChunks`: `{ chunk, rows }`. New cases are appended to the highest-numbered chunk until it
 *   holds CHUNK_ROWS, then a new chunk starts; a case stays in its chunk for life, so an update
 *   rewrites one chunk. Chunks emptied by deletions are removed.
 * - `caseDirectory`: where each case lives, as `{ shard, ids, chunks }` with the shard a fixed
 *   hash of the id. A point read is two small gets (shard, then chunk); a batch reads the shards
 *   it touches, never a row per id (per-id probes cost as much as per-row puts).
 * - `caseHeads`: `{ chunk, rows }`, the first HEAD_ROWS rows of each chunk in the queue screen's
 *   default order (most urgent SLA first), rewritten with its chunk. The first screen of the queue is among them whatever chunks
 *   its rows sit in, so a warm start paints from 1/5 of the rows (`firstScreen`) while the rest
 *   loads.
 *
 * The directory, heads and chunks can never disagree: every write goes through `mutateCases`, one
 * Dexie transaction over the three stores (nested into the caller's transaction when there is one).
 */
import { firstScreenOrder } from "../queue-rows/queue-order";
import type { CachedCase, CaseChunk, DirectoryShard } from "./cached-case";
import { CHUNK_ROWS, DIRECTORY_SHARDS, HEAD_ROWS, headOf, shardOf } from "./case-layout";
import type { DeskDatabase } from "./desk-db";

export {
  CHUNK_ROWS,
  DIRECTORY_SHARDS,
  HEAD_ROWS,
  headOf,
  layoutCases,
  shardOf,
} from "./case-layout";

/** The stores a transaction must include to read or write cases. */
export function caseTables(db: DeskDatabase) {
  return [db.caseChunks, db.caseDirectory, db.caseHeads] as const;
}

/**
 * What to do with a case, given its current row: a row to store, `null` to delete it, `undefined`
 * to leave it as it is.
 */
export type CaseDecision = (
  id: string,
  current: CachedCase | undefined,
) => CachedCase | null | undefined;

/** One shard as a map, plus the shard record to write back when it changed. */
class ShardView {
  readonly where = new Map<string, number>();
  isDirty = false;
  constructor(
    readonly shard: number,
    record: DirectoryShard | undefined,
  ) {
    if (!record) return;
    for (let i = 0; i < record.ids.length; i++) {
      this.where.set(record.ids[i] as string, record.chunks[i] ?? -1);
    }
  }
  toRecord(): DirectoryShard {
    return { shard: this.shard, ids: [...this.where.keys()], chunks: [...this.where.values()] };
  }
}

/** Chunks read in a transaction, with a per-chunk id → position map built on first use. */
class ChunkView {
  private readonly positions = new Map<number, Map<string, number>>();
  readonly dirty = new Set<number>();
  constructor(readonly chunks: Map<number, CachedCase[]>) {}

  private positionsOf(chunk: number): Map<string, number> {
    let map = this.positions.get(chunk);
    if (!map) {
      map = new Map((this.chunks.get(chunk) ?? []).map((row, i) => [row.id, i]));
      this.positions.set(chunk, map);
    }
    return map;
  }
  get(chunk: number, id: string): CachedCase | undefined {
    const at = this.positionsOf(chunk).get(id);
    return at === undefined ? undefined : this.chunks.get(chunk)?.[at];
  }
  replace(chunk: number, row: CachedCase): void {
    const at = this.positionsOf(chunk).get(row.id);
    const rows = this.chunks.get(chunk);
    if (at === undefined || !rows) return;
    rows[at] = row;
    this.dirty.add(chunk);
  }
  remove(chunk: number, ids: ReadonlySet<string>): void {
    const rows = this.chunks.get(chunk);
    if (!rows) return;
    this.chunks.set(
      chunk,
      rows.filter((r) => !ids.has(r.id)),
    );
    this.positions.delete(chunk);
    this.dirty.add(chunk);
  }
  append(chunk: number, rows: readonly CachedCase[]): void {
    const existing = this.chunks.get(chunk) ?? [];
    this.chunks.set(chunk, existing.concat(rows));
    this.positions.delete(chunk);
    this.dirty.add(chunk);
  }
}

async function readShards(
  db: DeskDatabase,
  shards: ReadonlySet<number>,
): Promise<Map<number, ShardView>> {
  const keys = [...shards];
  // A big batch touches every shard: one getAll beats 64 gets.
  const records =
    keys.length > DIRECTORY_SHARDS / 4
      ? await db.caseDirectory.toArray()
      : ((await db.caseDirectory.bulkGet(keys)).filter(Boolean) as DirectoryShard[]);
  const byShard = new Map(records.map((r) => [r.shard, r]));
  return new Map(keys.map((k) => [k, new ShardView(k, byShard.get(k))]));
}

async function readChunks(
  db: DeskDatabase,
  keys: ReadonlySet<number>,
): Promise<Map<number, CachedCase[]>> {
  const list = [...keys];
  const records = await db.caseChunks.bulkGet(list);
  return new Map(list.map((k, i) => [k, records[i]?.rows ?? []]));
}

/** Where each id lives (undefined: not cached), from the shards that hold them. */
function locate(ids: readonly string[], shards: Map<number, ShardView>): Array<number | undefined> {
  return ids.map((id) => shards.get(shardOf(id))?.where.get(id));
}

/** Rows by id, in the order asked (undefined for cases not cached). */
export async function getCases(
  db: DeskDatabase,
  ids: readonly string[],
): Promise<Array<CachedCase | undefined>> {
  if (ids.length === 0) return [];
  return db.transaction("r", caseTables(db), async () => {
    const shards = await readShards(db, new Set(ids.map(shardOf)));
    const where = locate(ids, shards);
    const view = new ChunkView(
      await readChunks(db, new Set(where.filter((c): c is number => c !== undefined))),
    );
    return ids.map((id, i) => {
      const chunk = where[i];
      return chunk === undefined ? undefined : view.get(chunk, id);
    });
  });
}

export async function getCase(db: DeskDatabase, id: string): Promise<CachedCase | undefined> {
  const [row] = await getCases(db, [id]);
  return row;
}

/** Every cached row, in no particular order: one read of the chunk store. */
export async function allCases(db: DeskDatabase): Promise<CachedCase[]> {
  const chunks = await db.caseChunks.toArray();
  return chunks.flatMap((c) => c.rows);
}

/**
 * The first `limit` rows of the queue in its default order, from the chunk heads alone (exact for
 * `limit` ≤ HEAD_ROWS: each of those rows is within the first HEAD_ROWS of its own chunk).
 */
export async function firstScreen(db: DeskDatabase, limit: number): Promise<CachedCase[]> {
  if (limit > HEAD_ROWS) throw new RangeError(`firstScreen answers at most ${HEAD_ROWS} rows.`);
  const heads = await db.caseHeads.toArray();
  return heads
    .flatMap((h) => h.rows)
    .sort(firstScreenOrder)
    .slice(0, limit);
}

/** How many cases are cached (from the directory: no row is read). */
export async function countCases(db: DeskDatabase): Promise<number> {
  const shards = await db.caseDirectory.toArray();
  return shards.reduce((sum, s) => sum + s.ids.length, 0);
}

/**
 * Reads the rows of `ids`, asks `decide` what to do with each, and writes the outcome: all in one
 * transaction over the chunks and the directory. Returns the ids whose row was stored or deleted.
 * Each id must appear once.
 */
export async function mutateCases(
  db: DeskDatabase,
  ids: readonly string[],
  decide: CaseDecision,
): Promise<string[]> {
  if (ids.length === 0) return [];
  return db.transaction("rw", caseTables(db), async () => {
    const shards = await readShards(db, new Set(ids.map(shardOf)));
    const where = locate(ids, shards);
    const view = new ChunkView(
      await readChunks(db, new Set(where.filter((c): c is number => c !== undefined))),
    );

    const changed: string[] = [];
    const added: CachedCase[] = [];
    const removals = new Map<number, Set<string>>();
    ids.forEach((id, i) => {
      const chunk = where[i];
      const current = chunk === undefined ? undefined : view.get(chunk, id);
      const next = decide(id, current);
      if (next === undefined || (next === null && !current)) return;
      changed.push(id);
      const shard = shards.get(shardOf(id));
      if (next === null) {
        if (chunk === undefined || !shard) return;
        shard.where.delete(id);
        shard.isDirty = true;
        const set = removals.get(chunk) ?? new Set<string>();
        set.add(id);
        removals.set(chunk, set);
      } else if (chunk !== undefined && current) {
        view.replace(chunk, next);
      } else {
        added.push(next);
      }
    });
    for (const [chunk, gone] of removals) view.remove(chunk, gone);

    // New rows fill the tail chunk, then start new ones. Only then is the tail read: an update of
    // cached cases never needs it.
    const tailKey = added.length
      ? ((await db.caseChunks.orderBy(":id").lastKey()) as number | undefined)
      : undefined;
    if (tailKey !== undefined && !view.chunks.has(tailKey)) {
      view.chunks.set(tailKey, (await db.caseChunks.get(tailKey))?.rows ?? []);
    }
    let tail = tailKey ?? 0;
    let room = CHUNK_ROWS - (view.chunks.get(tail)?.length ?? 0);
    for (let at = 0; at < added.length; ) {
      if (room <= 0) {
        tail += 1;
        room = CHUNK_ROWS;
      }
      const part = added.slice(at, at + room);
      view.append(tail, part);
      for (const row of part) {
        const shard = shards.get(shardOf(row.id));
        if (!shard) continue;
        shard.where.set(row.id, tail);
        shard.isDirty = true;
      }
      at += part.length;
      room -= part.length;
    }

    const puts: CaseChunk[] = [];
    const emptied: number[] = [];
    for (const chunk of view.dirty) {
      const rows = view.chunks.get(chunk) ?? [];
      if (rows.length) puts.push({ chunk, rows });
      else emptied.push(chunk);
    }
    if (puts.length) {
      await db.caseChunks.bulkPut(puts);
      await db.caseHeads.bulkPut(puts.map(headOf));
    }
    if (emptied.length) {
      await db.caseChunks.bulkDelete(emptied);
      await db.caseHeads.bulkDelete(emptied);
    }
    const shardPuts = [...shards.values()].filter((s) => s.isDirty).map((s) => s.toRecord());
    if (shardPuts.length) await db.caseDirectory.bulkPut(shardPuts);
    return changed;
  });
}

/** Stores rows as they are (insert or replace by id). */
export async function putCases(db: DeskDatabase, rows: readonly CachedCase[]): Promise<void> {
  const byId = new Map(rows.map((r) => [r.id, r]));
  await mutateCases(db, [...byId.keys()], (id) => byId.get(id));
}

export async function deleteCases(db: DeskDatabase, ids: readonly string[]): Promise<void> {
  await mutateCases(db, [...new Set(ids)], (_id, current) => (current ? null : undefined));
}
