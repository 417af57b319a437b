import type { SearchDocument, SearchSnippet } from "@shared/search/document";
import type { SearchReply, SearchRequest } from "./worker-protocol";

/** The slice of a Worker the client uses, so tests can put the worker core in-process. */
export interface WorkerPort {
  postMessage(message: SearchRequest): void;
  onmessage: ((event: MessageEvent<SearchReply>) => void) | null;
  /** A worker that fails to load or throws outside a request (never a reply). */
  onerror?: ((event: ErrorEvent) => void) | null;
  terminate?(): void;
}

/** A match over the documents as numbered when it was answered. */
export interface TextMatch {
  terms: readonly string[];
  hits: Uint8Array;
}

export interface IndexProgress {
  indexed: number;
  total: number;
  isLoading: boolean;
}

/**
 * The page's side of the search worker: posts requests, keeps the case → document number map and
 * the indexed versions (what the search sync compares against), and resolves matches and
 * snippets. Only the latest match is answered: an older one still in flight resolves null, so a
 * fast typist never sees an earlier keystroke's rows after a later one's.
 *
 * Restartable: `close()` ends the worker and forgets its numbering, and the next `open()` starts
 * a fresh worker from `startWorker`. The workstation stops and starts its parts on every sign-in
 * and under React StrictMode's double effects; a client that stayed dead after its first
 * `close()` silently left the desk without search. The `numbers` map keeps its identity across
 * restarts, because the queue index holds it.
 */
export class SearchClient {
  /** Case id → its document's number in the worker's index; shared with the queue index. */
  readonly numbers = new Map<string, number>();
  private readonly versions = new Map<string, number>();
  private progress: IndexProgress = { indexed: 0, total: 0, isLoading: true };
  private seq = 0;
  private pendingMatch: { seq: number; resolve: (match: TextMatch | null) => void } | null = null;
  private readonly pendingSnippets = new Map<
    number,
    (snippets: [string, SearchSnippet | null][]) => void
  >();
  private readonly listeners = new Set<(entries: [string, number][]) => void>();
  private port: WorkerPort | null = null;
  private loaded: Promise<void> = Promise.resolve();
  private markLoaded: () => void = () => undefined;
  lastError: string | null = null;

  /** `startWorker` is called once per `open()` after a `close()` (and for the first). */
  constructor(private readonly startWorker: () => WorkerPort) {
    this.reset();
  }

  /** Starts the worker (a new one after `close()`) and indexes the user's database in it. */
  open(database: string): Promise<void> {
    this.ensurePort().postMessage({ type: "open", database });
    return this.loaded;
  }

  /** Resolves once the initial load from the database is indexed. */
  whenLoaded(): Promise<void> {
    return this.loaded;
  }

  // Between `close()` and the next `open()` there is no worker: what would be sent is dropped,
  // and the search sync of the next start asks again for whatever is not indexed.
  add(docs: SearchDocument[]): void {
    if (docs.length) this.port?.postMessage({ type: "add", docs });
  }

  remove(caseIds: string[]): void {
    if (caseIds.length) this.port?.postMessage({ type: "remove", caseIds });
  }

  versionOf(caseId: string): number | undefined {
    return this.versions.get(caseId);
  }

  status(): IndexProgress {
    return this.progress;
  }

  /** Called with each batch of newly numbered documents (the queue re-runs its search). */
  onIndexed(listener: (entries: [string, number][]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Null when a later match replaced it, or when there is no worker (closed). */
  match(terms: readonly string[]): Promise<TextMatch | null> {
    this.pendingMatch?.resolve(null);
    this.pendingMatch = null;
    const port = this.port;
    if (!port) return Promise.resolve(null);
    const seq = ++this.seq;
    return new Promise((resolve) => {
      this.pendingMatch = { seq, resolve };
      port.postMessage({ type: "match", seq, terms: [...terms] });
    });
  }

  snippets(caseIds: string[], terms: readonly string[]): Promise<[string, SearchSnippet | null][]> {
    const port = this.port;
    if (!port) return Promise.resolve(caseIds.map((id) => [id, null]));
    const seq = ++this.seq;
    return new Promise((resolve) => {
      this.pendingSnippets.set(seq, resolve);
      port.postMessage({ type: "snippets", seq, caseIds, terms: [...terms] });
    });
  }

  /**
   * Ends the worker. Whatever waited on it is answered now (no match, no snippets, the load
   * over), and its document numbers are forgotten: a new worker numbers its documents anew.
   */
  close(): void {
    const port = this.port;
    if (!port) return;
    this.port = null;
    port.onmessage = null;
    if (port.onerror !== undefined) port.onerror = null;
    port.terminate?.();
    this.pendingMatch?.resolve(null);
    this.pendingMatch = null;
    for (const [seq, resolve] of this.pendingSnippets) {
      this.pendingSnippets.delete(seq);
      resolve([]);
    }
    this.markLoaded();
    this.numbers.clear();
    this.versions.clear();
    this.reset();
  }

  /** A new worker's state: nothing indexed, the initial load still to come. */
  private reset() {
    this.progress = { indexed: 0, total: 0, isLoading: true };
    this.lastError = null;
    this.loaded = new Promise((resolve) => {
      this.markLoaded = resolve;
    });
  }

  private ensurePort(): WorkerPort {
    if (this.port) return this.port;
    const port = this.startWorker();
    this.port = port;
    port.onmessage = (event) => {
      // A reply the closed worker sent before it was ended is not about the new one's numbers.
      if (this.port === port) this.receive(event.data);
    };
    // A worker whose script never ran answers nothing: without this, everything waiting for the
    // initial load (the search sync) would wait forever. Search then uses the queue's rows.
    port.onerror = (event) => {
      if (this.port !== port) return;
      this.lastError = event.message || "the search worker failed to start";
      this.markLoaded();
    };
    return port;
  }

  private receive(reply: SearchReply) {
    switch (reply.type) {
      case "indexed": {
        const entries: [string, number][] = [];
        for (const [caseId, number, version] of reply.entries) {
          this.numbers.set(caseId, number);
          this.versions.set(caseId, version);
          entries.push([caseId, number]);
        }
        for (const caseId of reply.removed) {
          this.numbers.delete(caseId);
          this.versions.delete(caseId);
        }
        this.progress = {
          indexed: this.numbers.size,
          total: Math.max(reply.total, this.numbers.size),
          isLoading: reply.loading,
        };
        if (!reply.loading) this.markLoaded();
        for (const listener of this.listeners) listener(entries);
        return;
      }
      case "matched":
        if (this.pendingMatch?.seq === reply.seq) {
          this.pendingMatch.resolve({ terms: reply.terms, hits: reply.hits });
          this.pendingMatch = null;
        }
        return;
      case "snippets":
        this.pendingSnippets.get(reply.seq)?.(reply.snippets);
        this.pendingSnippets.delete(reply.seq);
        return;
      case "error":
        this.lastError = reply.message;
        // A failed load still ends the load: search falls back to what the queue rows hold.
        this.markLoaded();
        return;
    }
  }
}

/** The worker the app runs: bundled by Vite from this origin. */
export function startSearchWorker(): WorkerPort {
  return new Worker(new URL("./search.worker.ts", import.meta.url), {
    type: "module",
    name: "search",
  }) as unknown as WorkerPort;
}
