import type { SearchDocument } from "@shared/search/document";
import { snippetFor } from "@shared/search/snippet";
import type { DexieOptions } from "dexie";
import { SearchDatabase } from "./search-db";
import { TextIndex } from "./text-index";
import type { SearchReply, SearchRequest } from "./worker-protocol";

/** The queue shows a snippet in a narrow cell: little text before the match, so it shows. */
const SNIPPET_CONTEXT = 8;
/** Documents read from IndexedDB per step of the initial load; each step posts its progress. */
const LOAD_CHUNK = 2_000;

/**
 * The search worker's logic, without the worker: one TextIndex, fed from the user's search
 * database at open and by the page afterwards, answering matches and snippets. `post` sends a
 * reply (transferring a match's bitmap). Kept apart from the worker entry so unit tests drive it
 * in-process with fake-indexeddb.
 */
export function createSearchWorker(
  post: (reply: SearchReply, transfer?: Transferable[]) => void,
  dexieOptions?: DexieOptions,
) {
  const index = new TextIndex();
  let db: SearchDatabase | null = null;

  const indexed = (
    numbers: [string, number, number][],
    removed: string[],
    loading: boolean,
    total: number,
  ) => post({ type: "indexed", entries: numbers, removed, loading, total });

  async function open(name: string) {
    db = new SearchDatabase(name, dexieOptions);
    const total = await db.documents.count();
    let last: string | null = null;
    // Keyset pages in primary-key order: each step is one short read, and a match asked for
    // meanwhile is answered between steps over what is indexed so far.
    for (;;) {
      const page: SearchDocument[] = await (last === null
        ? db.documents.orderBy("caseId")
        : db.documents.where("caseId").above(last)
      )
        .limit(LOAD_CHUNK)
        .toArray();
      const entries: [string, number, number][] = [];
      for (const doc of page) {
        const number = index.upsert(doc);
        if (number !== null) entries.push([doc.caseId, number, doc.version]);
      }
      const isLast = page.length < LOAD_CHUNK;
      indexed(entries, [], !isLast, total);
      if (isLast) return;
      last = (page.at(-1) as SearchDocument).caseId;
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }

  async function handle(request: SearchRequest): Promise<void> {
    switch (request.type) {
      case "open":
        return open(request.database);
      case "add": {
        const entries: [string, number, number][] = [];
        for (const doc of request.docs) {
          const number = index.upsert(doc);
          if (number !== null) entries.push([doc.caseId, number, doc.version]);
        }
        indexed(entries, [], false, index.size);
        return;
      }
      case "remove":
        for (const id of request.caseIds) index.remove(id);
        indexed([], request.caseIds, false, index.size);
        return;
      case "match": {
        const hits = index.match(request.terms) ?? new Uint8Array(0);
        post({ type: "matched", seq: request.seq, terms: request.terms, hits }, [hits.buffer]);
        return;
      }
      case "snippets": {
        const docs = db ? await db.documents.bulkGet(request.caseIds) : [];
        post({
          type: "snippets",
          seq: request.seq,
          snippets: request.caseIds.map((id, i) => [
            id,
            snippetFor(docs[i]?.pieces ?? [], request.terms, SNIPPET_CONTEXT),
          ]),
        });
        return;
      }
    }
  }

  const fail = (error: unknown) =>
    post({ type: "error", message: error instanceof Error ? error.message : String(error) });
  // One request at a time, in arrival order: a match never sees half an added batch.
  let tail: Promise<void> = Promise.resolve();
  return {
    index,
    receive(request: SearchRequest): Promise<void> {
      // Snippets read stored documents, never the index: in the queue they would hold the next
      // keystroke's match behind an IndexedDB read (the rows wait for the match, not for them).
      if (request.type === "snippets") return handle(request).catch(fail);
      tail = tail.then(() => handle(request)).catch(fail);
      return tail;
    },
  };
}
