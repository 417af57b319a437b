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
  private readonly loaded: Promise<void>;
  private markLoaded: () => void = () => undefined;
  lastError: string | null = null;

  constructor(private readonly port: WorkerPort) {
    this.loaded = new Promise((resolve) => {
      this.markLoaded = resolve;
    });
    port.onmessage = (event) => this.receive(event.data);
    // A worker whose script never ran answers nothing: without this, everything waiting for the
    // initial load (the search sync) would wait forever. Search then uses the queue's rows.
    port.onerror = (event) => {
      this.lastError = event.message || "the search worker failed to start";
      this.markLoaded();
    };
  }

  open(database: string): Promise<void> {
    this.port.postMessage({ type: "open", database });
    return this.loaded;
  }

  /** Resolves once the initial load from the database is indexed. */
  whenLoaded(): Promise<void> {
    return this.loaded;
  }

  add(docs: SearchDocument[]): void {
    if (docs.length) this.port.postMessage({ type: "add", docs });
  }

  remove(caseIds: string[]): void {
    if (caseIds.length) this.port.postMessage({ type: "remove", caseIds });
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

  match(terms: readonly string[]): Promise<TextMatch | null> {
    this.pendingMatch?.resolve(null);
    const seq = ++this.seq;
    return new Promise((resolve) => {
      this.pendingMatch = { seq, resolve };
      this.port.postMessage({ type: "match", seq, terms: [...terms] });
    });
  }

  snippets(caseIds: string[], terms: readonly string[]): Promise<[string, SearchSnippet | null][]> {
    const seq = ++this.seq;
    return new Promise((resolve) => {
      this.pendingSnippets.set(seq, resolve);
      this.port.postMessage({ type: "snippets", seq, caseIds, terms: [...terms] });
    });
  }

  close(): void {
    this.pendingMatch?.resolve(null);
    this.pendingMatch = null;
    this.port.terminate?.();
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
