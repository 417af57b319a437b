import { API_BASE } from "@shared/api/paths";
import { SearchDocumentsRequest, SearchQuery } from "@shared/search/document";
import type { FastifyInstance } from "fastify";
import type { Database } from "../db/database";
import { requireUser } from "../http/auth";
import { parseRequest } from "../http/validate";
import { loadSearchDocuments } from "./documents";
import { searchCases } from "./search";

export function registerSearchRoutes(app: FastifyInstance, db: Database): void {
  app.get(`${API_BASE}/search`, async (request) => {
    await requireUser(db, request);
    const query = parseRequest("query", SearchQuery, request.query);
    return { items: await searchCases(db, query.q, query.limit) };
  });

  // A POST because up to 200 ids do not fit a URL comfortably; it reads, it changes nothing.
  app.post(`${API_BASE}/search/documents`, async (request) => {
    await requireUser(db, request);
    const { ids } = parseRequest("body", SearchDocumentsRequest, request.body);
    return { items: await loadSearchDocuments(db, ids) };
  });
}
