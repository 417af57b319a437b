import { ListCasesQuery } from "@shared/api/cases";
import { API_BASE } from "@shared/api/paths";
import type { FastifyInstance } from "fastify";
import type { Database } from "../db/database";
import { requireUser } from "../http/auth";
import { parseRequest } from "../http/validate";
import { listCases } from "./repository";

export function registerCaseRoutes(app: FastifyInstance, db: Database): void {
  app.get(`${API_BASE}/cases`, async (request) => {
    const user = await requireUser(db, request);
    const query = parseRequest("query", ListCasesQuery, request.query);
    return listCases(db, query, user.id);
  });
}
