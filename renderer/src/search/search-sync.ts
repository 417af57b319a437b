import type { SearchDocument } from "@shared/search/document";
import { type CachedCase, type DeskData, serverSummaryOf } from "../desk-data";
import type { SearchClient } from "./search-client";
import type { SearchDatabase } from "./search-db";

/** Ids per `POST /search/documents` (the contract's maximum). */
const BATCH = 200;
const RETRY_MS = 30_000;

export interface SearchSyncDeps {
  data: Pick<DeskData, "allCases" | "casesByIds" | "onCasesChanged">;
  fetchDocuments(ids: string[]): Promise<SearchDocument[]>;
  db: SearchDatabase;
  client: SearchClient;
  retryMs?: number;
}

/**
 * Keeps the search index as new as the cached queue: whenever cached cases change (a pull, a
 * live event, another window's write), the cases whose server version is newer than their indexed
 * document get their documents fetched, stored in the search database and indexed. Another
 * window may have stored a document already: the database is read before the network. Offline,
 * the wanted ids wait and are asked for again later; search meanwhile uses what is indexed.
 */
export function startSearchSync({
  data,
  fetchDocuments,
  db,
  client,
  retryMs = RETRY_MS,
}: SearchSyncDeps) {
  /** Case id → the version its document must reach. */
  const wanted = new Map<string, number>();
  let draining: Promise<void> | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
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
      if ((client.versionOf(row.id) ?? 0) < version) wanted.set(row.id, version);
    });
    if (gone.length) {
      client.remove(gone);
      void db.documents.bulkDelete(gone);
    }
    drain();
  };

  const step = async () => {
    while (wanted.size && !isStopped) {
      const batch = [...wanted.keys()].slice(0, BATCH);
      const stored = await db.documents.bulkGet(batch);
      const fresh: SearchDocument[] = [];
      const missing: string[] = [];
      batch.forEach((id, i) => {
        const doc = stored[i];
        if (doc && doc.version >= (wanted.get(id) ?? 0)) fresh.push(doc);
        else missing.push(id);
      });
      const fetched = missing.length ? await fetchDocuments(missing) : [];
      if (fetched.length) await db.documents.bulkPut(fetched);
      client.add([...fresh, ...fetched]);
      const got = new Set([...fresh, ...fetched].map((doc) => doc.caseId));
      // A case the server no longer has is not asked for again.
      for (const id of batch) if (got.has(id) || missing.includes(id)) wanted.delete(id);
    }
  };

  function drain() {
    if (draining || isStopped) return;
    draining = step()
      .catch(() => {
        // Offline or the server said no: keep what is wanted and try again later.
        if (!retry && !isStopped) {
          retry = setTimeout(() => {
            retry = null;
            drain();
          }, retryMs);
        }
      })
      .finally(() => {
        draining = null;
        // Cases wanted after the loop's last check (the initial fill announces them while a pass
        // that found nothing is still settling) would otherwise wait for the next change.
        if (wanted.size && !isStopped && !retry) drain();
      });
  }

  const unsubscribe = data.onCasesChanged((ids) => {
    void (async () => {
      await client.whenLoaded();
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
      while (draining) await draining;
    },
    pending: () => wanted.size,
    stop() {
      isStopped = true;
      unsubscribe();
      if (retry) clearTimeout(retry);
    },
  };
}
