import type { AuditLog, AuditVerification } from "@shared/api/audit";
import type { Database } from "../db/database";
import type { ServerHandlers } from "../http/handlers";
import { HttpProblem } from "../http/problem";
import { type CheckpointStore, MemoryCheckpointStore, writeCheckpoint } from "./checkpoints";
import { caseAudit, verifyChain } from "./log";

export function auditHandlers(
  db: Database,
  checkpoints: CheckpointStore = new MemoryCheckpointStore(),
) {
  return {
    caseAudit: async ({ params: { id } }) => {
      const entries = await caseAudit(db, id);
      if (entries.length === 0) {
        // Seeded cases have no entries; they exist nonetheless.
        const [exists] = await db.query("select 1 as ok from cases where id = $1", [id]);
        if (!exists) throw new HttpProblem(404, "Not found", `There is no case ${id}.`);
      }
      return { entries } satisfies AuditLog;
    },

    verifyAudit: async () => {
      const result = await verifyChain(db, await checkpoints.latest());
      // A chain just found intact is pinned at once, without waiting for the timer.
      if (result.ok) await writeCheckpoint(db, checkpoints).catch(() => undefined);
      return { ...result, stores: checkpoints.status() } satisfies AuditVerification;
    },
  } satisfies Pick<ServerHandlers, "caseAudit" | "verifyAudit">;
}
