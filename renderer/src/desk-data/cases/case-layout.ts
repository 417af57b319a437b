/**
 * Where a case row is stored: the chunk sizes, the directory's shard of an id and a chunk's head
 * (see case-store.ts for the layout and why). Pure, so the schema upgrade in desk-db.ts lays out
 * rows without the store.
 */
import { firstScreenOrder } from "../queue-rows/queue-order";
import type { CachedCase, CaseChunk, DirectoryShard } from "./cached-case";

/** Rows per chunk: big enough that a fill is a few hundred puts, small enough that a point update
 * rewrites ~0.3 MB. */
export const CHUNK_ROWS = 500;
/**
 * Directory shards. Part of the stored format (the shard of an id must not change between
 * versions): changing it needs a schema version that rebuilds the directory.
 */
export const DIRECTORY_SHARDS = 64;

/** Rows of each chunk kept in its head: the longest first screen `firstScreen` answers exactly. */
export const HEAD_ROWS = 100;

/** FNV-1a over the id's UTF-16 code units: stable across sessions and browsers. */
export function shardOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % DIRECTORY_SHARDS;
}

/** A chunk's head: its first HEAD_ROWS rows in the default queue order. */
export function headOf(chunk: CaseChunk): CaseChunk {
  return {
    chunk: chunk.chunk,
    rows: [...chunk.rows].sort(firstScreenOrder).slice(0, HEAD_ROWS),
  };
}

/**
 * The stored layout of a set of rows (all new): their chunks and directory shards. For the schema
 * upgrade, which must write through its upgrade transaction's tables rather than `mutateCases`.
 */
export function layoutCases(rows: readonly CachedCase[]): {
  chunks: CaseChunk[];
  heads: CaseChunk[];
  shards: DirectoryShard[];
} {
  const chunks: CaseChunk[] = [];
  const shards = new Map<number, DirectoryShard>();
  for (let at = 0; at < rows.length; at += CHUNK_ROWS) {
    const chunk = chunks.length;
    const part = rows.slice(at, at + CHUNK_ROWS);
    chunks.push({ chunk, rows: part });
    for (const row of part) {
      const key = shardOf(row.id);
      const shard = shards.get(key) ?? { shard: key, ids: [], chunks: [] };
      shard.ids.push(row.id);
      shard.chunks.push(chunk);
      shards.set(key, shard);
    }
  }
  return { chunks, heads: chunks.map(headOf), shards: [...shards.values()] };
}
