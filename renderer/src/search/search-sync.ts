import type { SearchDocument } from "@shared/search/document";
import { type CachedCase, type DeskData, serverSummaryOf } from "../desk-data";
import type { SearchClient } from "./search-client";

/** Ids per `POST /search/documents` (the contract's maximum). */
const BATCH = 200;
/** The first retry after a failed fetch; each further failure doubles it, up to `MAX_RETRY_MS`. */
const RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;

/** What the sync uses of the search database's table (a `SearchDatabase`'s `documents`). */
export interface DocumentStore {
  bulkGet(ids: string[]): PromiseLike<(SearchDocument | undefined)[]>;
  bulkPut(docs: readonly SearchDocument[]): PromiseLike<unknown>;
  bulkDelete(ids: readonly string[]): PromiseLike<unknown>;
}

export interface SearchSyncDeps {
  data: Pick<DeskData, "allCases" | "casesByIds" | "onCasesChanged">;
  fetchDocuments(ids: string[]): Promise<SearchDocument[]>;
  db: { documents: DocumentStore };
  client: Pick<SearchClient, "versionOf" | "add" | "remove" | "whenLoaded">;
  /** The first retry's delay after a failed fetch (doubled per further failure). */
  retryMs?: number;
}

/**
 * Keeps the search index as new as the cached queue: whenever cached cases change (a pull, a
 * live event, another window's write), the cases whose server version is newer than their indexed
 * document get their documents fetched, stored in the search database and indexed. Another
 * window may have stored a document already: the database is read before the network. Offline,
 * the wanted ids wait and are asked for again later; search meanwhile uses what is indexed.
 *
 * One serial loop drains a dirty map (case id → the version its document must reach) until it
 * is empty. The loop's "is anything left?" test and its "not running" mark happen in the same
 * synchronous step, so a case announced at any moment either is seen by the running loop or
 * starts a new one: nothing waits for the next change. An entry leaves the map only if the
 * version it asked for is the one the pass fetched (compare-and-delete): a newer version wanted
 * while a batch was in flight stays wanted and is fetched in the next pass.
 */
export function startSearchSync({
  data,
  fetchDocuments,
  db,
  client,
  retryMs = RETRY_MS,
}: SearchSyncDeps) {
  const wanted = new Map<string, number>();
  /** Set before the loop starts and cleared in its last synchronous step (see above). */
  let isRunning = false;
  let current: Promise<void> = Promise.resolve();
  let retry: ReturnType<typeof setTimeout> | null = null;
  let failures = 0;
  let isStopped = false;

  const want = (rows: ReadonlyArray<CachedCase | undefined>, ids?: readonly string[]) => {
    const gone: string[] = [];
    rows.forEach((row, i) => {
      if (!row) {
        const id = ids?.[i];
        if (id) gone.push(id);
        return;
      }
      const version = serverSummaryOf(row).version;
      const known = Math.max(client.versionOf(row.id) ?? 0, wanted.get(row.id) ?? 0);
      if (known < version) wanted.set(row.id, version);
    });
    if (gone.length) {
      for (const id of gone) wanted.delete(id);
      client.remove(gone);
      void db.documents.bulkDelete(gone);
    }
    drain();
  };

  /** One batch: from the database when it holds the version asked for, else from the server. */
  const pass = async (batch: ReadonlyArray<readonly [string, number]>) => {
    const ids = batch.map(([id]) => id);
    const stored = await db.documents.bulkGet(ids);
    const fresh: SearchDocument[] = [];
    const missing: string[] = [];
    batch.forEach(([id, version], i) => {
      const doc = stored[i];
      if (doc && doc.version >= version) fresh.push(doc);
      else missing.push(id);
    });
    const fetched = missing.length ? await fetchDocuments(missing) : [];
    if (fetched.length) await db.documents.bulkPut(fetched);
    client.add([...fresh, ...fetched]);
    // A case the server no longer has is not asked for again either; a case wanted at a newer
    // version meanwhile is.
    for (const [id, version] of batch) if (wanted.get(id) === version) wanted.delete(id);
  };

  const loop = async () => {
    try {
      while (wanted.size && !isStopped) await pass([...wanted].slice(0, BATCH));
      failures = 0;
    } catch {
      // Offline or the server said no: keep what is wanted, try again soon, then less often.
      failures++;
      if (!isStopped && !retry) {
        retry = setTimeout(
          () => {
            retry = null;
            drain();
          },
          Math.min(MAX_RETRY_MS, retryMs * 2 ** (failures - 1)),
        );
      }
    } finally {
      isRunning = false;
    }
  };

  function drain() {
    if (isRunning || isStopped) return;
    // A new change is a reason to try at once, whatever the back-off said.
    if (retry) {
      clearTimeout(retry);
      retry = null;
    }
    isRunning = true;
    current = loop();
  }

  const unsubscribe = data.onCasesChanged((ids) => {
    void (async () => {
      await client.whenLoaded();
      if (isStopped) return;
      if (ids.includes("all")) want(await data.allCases());
      else want(await data.casesByIds(ids), ids);
    })();
  });
  void (async () => {
    await client.whenLoaded();
    if (!isStopped) want(await data.allCases());
  })();

  return {
    /** Resolves when nothing is wanted or being fetched (tests). */
    async idle(): Promise<void> {
      while (isRunning) await current;
    },
    pending: () => wanted.size,
    stop() {
      isStopped = true;
      unsubscribe();
      if (retry) clearTimeout(retry);
      retry = null;
    },
  };
}
