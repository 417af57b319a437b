import type { Database } from "../db/database";
import type { ServerHandlers } from "../http/handlers";
import { loadSearchDocuments } from "./documents";
import { searchCases } from "./search";

export function searchHandlers(db: Database) {
  return {
    search: async ({ query }) => ({ items: await searchCases(db, query.q, query.limit) }),
    // A POST because up to 200 ids do not fit a URL comfortably; it reads, it changes nothing.
    searchDocuments: async ({ body }) => ({ items: await loadSearchDocuments(db, body.ids) }),
  } satisfies Pick<ServerHandlers, "search" | "searchDocuments">;
}
