/**
 * Runs inside Chromium for the sync benches (bundled by ../sync-cache.ts with esbuild): the desk's
 * real cache and engine code, timed with performance.now().
 */
import { MAX_CHANGES_PAGE_SIZE } from "@shared/api/cases";
import type { CaseSummary } from "@shared/domain/appeal";
import Dexie from "dexie";
import { createApiClient } from "../../../../renderer/src/api/api-client";
import { applyServerBatch } from "../../../../renderer/src/desk-data/cases/case-cache";
import {
  allCases,
  countCases,
  firstScreen,
  putCases,
} from "../../../../renderer/src/desk-data/cases/case-store";
import {
  deskDatabaseName,
  META,
  openDeskDatabase,
  SCHEMA_V3,
  toCachedCase,
} from "../../../../renderer/src/desk-data/cases/desk-db";
import { createDeskData } from "../../../../renderer/src/desk-data/create-desk-data";
import { soloElection } from "../../../../renderer/src/desk-data/session/leader";
import { syncApiOf } from "../../../../renderer/src/desk-data/sync/sync-api";

function syntheticCase(i: number): CaseSummary {
  const t = new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString();
  return {
    id: `bench-${i}`,
    reference: `AP-${String(i + 1).padStart(6, "0")}`,
    kind: i % 3 ? "p2p_trade" : "payment",
    reason: "paid_not_released",
    status:
      (["escalated", "in_review", "awaiting_evidence", "decided"] as const)[i % 4] ?? "escalated",
    stage: "first",
    region: i % 2 ? "VN" : "CN",
    amount: String(1000 + (i % 9973) * 17),
    currency: i % 2 ? "VND" : "CNY",
    complainantName: `Nguyễn Văn ${i}`,
    respondentName: `王芳 ${i}`,
    assigneeId: i % 5 ? null : "u-agent1",
    filedAt: t,
    escalatedAt: t,
    updatedAt: t,
    version: 1,
    priority: "normal",
    dueAt: t,
    warnAt: t,
    needsSupervisor: false,
  };
}

const CHUNK = 5_000;

/**
 * Dexie bulkPut of cache rows, one record per row into v3's `cases` store (its indexes too), in
 * chunks of one transaction each: rows/s. The layout the desk used before chunks, kept to show
 * what the library costs beside raw IndexedDB.
 */
async function dexieBulkPut(count: number): Promise<number> {
  const db = new Dexie(`bench-dexie-${Date.now()}`);
  db.version(1).stores({ cases: SCHEMA_V3.cases });
  await db.open();
  const started = performance.now();
  for (let i = 0; i < count; i += CHUNK) {
    const rows = Array.from({ length: Math.min(CHUNK, count - i) }, (_, k) =>
      toCachedCase(syntheticCase(i + k)),
    );
    await db.table("cases").bulkPut(rows);
  }
  const ms = performance.now() - started;
  await db.delete();
  return (count / ms) * 1000;
}

/** The desk's chunked case store (Dexie, 500 rows per record + directory), 5,000 rows per tx. */
async function chunkedPut(count: number): Promise<number> {
  const db = openDeskDatabase(`bench-chunks-${Date.now()}`);
  await db.open();
  const started = performance.now();
  for (let i = 0; i < count; i += CHUNK) {
    const rows = Array.from({ length: Math.min(CHUNK, count - i) }, (_, k) =>
      toCachedCase(syntheticCase(i + k)),
    );
    await putCases(db, rows);
  }
  const ms = performance.now() - started;
  await db.delete();
  return (count / ms) * 1000;
}

/** The engine's real batch path (version check, outbox projection, cursor in the same transaction). */
async function engineBatches(count: number): Promise<number> {
  const db = openDeskDatabase(`bench-batch-${Date.now()}`);
  await db.open();
  const started = performance.now();
  for (let i = 0; i < count; i += MAX_CHANGES_PAGE_SIZE) {
    const changes = Array.from({ length: Math.min(MAX_CHANGES_PAGE_SIZE, count - i) }, (_, k) => ({
      type: "upsert" as const,
      case: syntheticCase(i + k),
    }));
    await applyServerBatch(db, changes, [{ key: META.changesCursor, value: String(i) }]);
  }
  const ms = performance.now() - started;
  await db.delete();
  return (count / ms) * 1000;
}

/** Raw IndexedDB baseline: v3's store and indexes, one put per row, one transaction per chunk. */
async function rawBulkPut(count: number): Promise<number> {
  const name = `bench-raw-${Date.now()}`;
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => {
      const store = open.result.createObjectStore("cases", { keyPath: "id" });
      // The same indexes as the Dexie schema, so the comparison is about the library, not the schema.
      for (const spec of SCHEMA_V3.cases.split(",").slice(1)) {
        const key = spec.trim();
        const path = key.startsWith("[") ? key.slice(1, -1).split("+") : key;
        store.createIndex(key, path);
      }
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const started = performance.now();
  for (let i = 0; i < count; i += CHUNK) {
    const rows = Array.from({ length: Math.min(CHUNK, count - i) }, (_, k) =>
      toCachedCase(syntheticCase(i + k)),
    );
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction("cases", "readwrite");
      const store = tx.objectStore("cases");
      for (const row of rows) store.put(row);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  }
  const ms = performance.now() - started;
  db.close();
  indexedDB.deleteDatabase(name);
  return (count / ms) * 1000;
}

/** Initial fill from the real server through the real engine: ms until the feed's head. */
async function fillFromServer(
  apiBase: string,
  token: string,
  userId: string,
): Promise<{ ms: number; rows: number; pageSize: number }> {
  const api = createApiClient({ baseUrl: apiBase, getToken: () => token, timeoutMs: 60_000 });
  const data = createDeskData({
    userId,
    api: syncApiOf(api),
    leader: soloElection(),
    engine: { useLiveEvents: false },
  });
  const started = performance.now();
  await data.start();
  await data.syncNow();
  const ms = performance.now() - started;
  const rows = await countCases(data.db);
  await data.stop();
  data.db.close();
  return { ms, rows, pageSize: MAX_CHANGES_PAGE_SIZE };
}

/**
 * The feed alone: every page fetched and validated by the API client, nothing stored. The floor
 * under the fill: what remains of the fill's time above it is IndexedDB's share.
 */
async function readFeedOnly(apiBase: string, token: string): Promise<{ ms: number; rows: number }> {
  const api = createApiClient({ baseUrl: apiBase, getToken: () => token, timeoutMs: 60_000 });
  const started = performance.now();
  let cursor: string | null = null;
  let rows = 0;
  for (;;) {
    const page = await api.changes(cursor, MAX_CHANGES_PAGE_SIZE);
    rows += page.changes.length;
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  return { ms: performance.now() - started, rows };
}

/**
 * Warm-cache first paint: open the user's cache, read the first screen of the queue in its default
 * order (most urgent escalation first, from the chunk heads) and paint it. Measured from
 * navigation start. Then what the in-memory queue index needs next: every row, timed on its own.
 */
async function warmFirstPaint(
  userId: string,
): Promise<{ firstPaintMs: number; allRowsMs: number; rows: number }> {
  const db = openDeskDatabase(userId);
  const rows = await firstScreen(db, 60);
  const table = document.createElement("table");
  table.setAttribute("aria-label", "Appeal queue");
  table.innerHTML = rows
    .map(
      (r) =>
        `<tr><td>${r.reference}</td><td>${r.status}</td><td>${r.amount} ${r.currency}</td><td>${r.complainantName}</td></tr>`,
    )
    .join("");
  document.body.append(table);
  await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const firstPaintMs = performance.now();
  const started = performance.now();
  const all = await allCases(db);
  const allRowsMs = performance.now() - started;
  db.close();
  return { firstPaintMs, allRowsMs, rows: all.length };
}

/** Fills a user's cache locally (when the server cannot), for the warm-paint measurement. */
async function seedLocal(userId: string, count: number): Promise<void> {
  const db = openDeskDatabase(userId);
  for (let i = 0; i < count; i += CHUNK) {
    const rows = Array.from({ length: Math.min(CHUNK, count - i) }, (_, k) =>
      toCachedCase(syntheticCase(i + k)),
    );
    await putCases(db, rows);
  }
  db.close();
}

const bench = {
  seedLocal,
  dexieBulkPut,
  chunkedPut,
  readFeedOnly,
  engineBatches,
  rawBulkPut,
  fillFromServer,
  warmFirstPaint,
  deskDatabaseName,
};
declare global {
  interface Window {
    syncBench: typeof bench;
  }
}
window.syncBench = bench;
