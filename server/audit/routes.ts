import type { AuditLog, AuditVerification } from "@shared/api/audit";
import { CaseIdParams } from "@shared/api/cases";
import { API_BASE } from "@shared/api/paths";
import type { FastifyInstance } from "fastify";
import type { Database } from "../db/database";
import { requireUser } from "../http/auth";
import { HttpProblem } from "../http/problem";
import { parseRequest } from "../http/validate";
import { type CheckpointStore, MemoryCheckpointStore, writeCheckpoint } from "./checkpoints";
import { caseAudit, verifyChain } from "./log";

export function registerAuditRoutes(
  app: FastifyInstance,
  db: Database,
  checkpoints: CheckpointStore = new MemoryCheckpointStore(),
): void {
  app.get(`${API_BASE}/cases/:id/audit`, async (request) => {
    await requireUser(db, request);
    const { id } = parseRequest("params", CaseIdParams, request.params);
    const entries = await caseAudit(db, id);
    if (entries.length === 0) {
      // Seeded cases have no entries; they exist nonetheless.
      const [exists] = await db.query("select 1 as ok from cases where id = $1", [id]);
      if (!exists) throw new HttpProblem(404, "Not found", `There is no case ${id}.`);
    }
    return { entries } satisfies AuditLog;
  });

  app.get(`${API_BASE}/audit/verify`, async (request) => {
    await requireUser(db, request, ["supervisor"]);
    const result = await verifyChain(db, await checkpoints.latest());
    // A chain just found intact is pinned at once, without waiting for the timer.
    if (result.ok) await writeCheckpoint(db, checkpoints).catch(() => undefined);
    return { ...result, stores: checkpoints.status() } satisfies AuditVerification;
  });
}
