import { CaseIdParams } from "@shared/api/cases";
import { API_BASE } from "@shared/api/paths";
import type { FastifyInstance } from "fastify";
import type { Database } from "../db/database";
import { requireUser } from "../http/auth";
import { HttpProblem } from "../http/problem";
import { parseRequest } from "../http/validate";
import { loadCaseContext } from "./context";

export function registerCaseContextRoutes(app: FastifyInstance, db: Database): void {
  app.get(`${API_BASE}/cases/:id/context`, async (request) => {
    await requireUser(db, request);
    const { id } = parseRequest("params", CaseIdParams, request.params);
    const context = await loadCaseContext(db, id);
    if (!context) throw new HttpProblem(404, "Not found", `There is no case ${id}.`);
    return context;
  });
}
