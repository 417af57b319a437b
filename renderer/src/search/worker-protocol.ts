import type { SearchDocument, SearchSnippet } from "@shared/search/document";

/** What the page asks of the search worker. */
export type SearchRequest =
  /** Opens the user's search database and indexes every document in it, in chunks. */
  | { type: "open"; database: string }
  /** Documents just stored by the page (the worker indexes them; they are in the database). */
  | { type: "add"; docs: SearchDocument[] }
  | { type: "remove"; caseIds: string[] }
  /** The live documents holding every term. */
  | { type: "match"; seq: number; terms: string[] }
  /** Why each of these cases matched, read from the database. */
  | { type: "snippets"; seq: number; caseIds: string[]; terms: string[] };

/** What the worker answers. */
export type SearchReply =
  /**
   * Documents indexed: their numbers and versions. `loading` while the initial load runs;
   * `total` is how many documents the database held when it started.
   */
  | {
      type: "indexed";
      entries: [caseId: string, number: number, version: number][];
      removed: string[];
      loading: boolean;
      total: number;
    }
  /** `hits[n]` is 1 when document number n holds every term. */
  | { type: "matched"; seq: number; terms: string[]; hits: Uint8Array }
  | { type: "snippets"; seq: number; snippets: [caseId: string, snippet: SearchSnippet | null][] }
  | { type: "error"; message: string };
