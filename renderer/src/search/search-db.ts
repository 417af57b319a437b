import type { SearchDocument } from "@shared/search/document";
import Dexie, { type DexieOptions, type EntityTable } from "dexie";

/**
 * The searchable text of cached cases (`POST /search/documents`), one database per user beside
 * the desk cache (`arbiter-search:<userId>`), deleted with it at sign-out. Its own database, read
 * by the search worker directly: the worker never needs the desk cache's schema, and the main
 * thread never reads these (large) rows.
 *
 * Schema history: v1 documents by case id.
 */
export class SearchDatabase extends Dexie {
  documents!: EntityTable<SearchDocument, "caseId">;

  constructor(name: string, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({ documents: "caseId" });
  }
}

export function searchDatabaseName(userId: string): string {
  return `arbiter-search:${userId}`;
}
