import { API_BASE } from "@shared/api/paths";
import { OversightQuery, type OversightStats } from "@shared/oversight/contract";
import type { FastifyInstance } from "fastify";
import type { Database } from "../db/database";
import { requireUser } from "../http/auth";
import { parseRequest } from "../http/validate";
import { oversightStats } from "./stats";

/** Supervisors' team overview. */
export function registerOversightRoutes(app: FastifyInstance, db: Database): void {
  app.get(`${API_BASE}/oversight/stats`, async (request): Promise<OversightStats> => {
    await requireUser(db, request, ["supervisor"]);
    const query = parseRequest("query", OversightQuery, request.query);
    return oversightStats(db, query);
  });
}
