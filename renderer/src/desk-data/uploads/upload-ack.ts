import type { MutationResponse } from "@shared/api/mutations";
import { applyServerDetail, dropCase, reprojectCase } from "../cases/case-cache";
import { caseTables } from "../cases/case-store";
import type { DeskDatabase } from "../cases/desk-db";
import type { QueuedUpload } from "./upload-types";

/**
 * Stores the server's answer to a filed attachment in the cache, in one transaction: the case
 * with its new evidence and version, and the agent's actions queued on the version the upload
 * was sent on move to the new one (they were taken beside the attachment, not against it, like
 * `rebaseAfterAck` does for the outbox), so the agent's own upload never turns them into conflicts.
 */
export async function acknowledgeUpload(
  db: DeskDatabase,
  upload: QueuedUpload,
  answer: MutationResponse,
): Promise<void> {
  await db.transaction("rw", [db.outbox, ...caseTables(db), db.details], async () => {
    await db.outbox
      .where("caseId")
      .equals(upload.caseId)
      .filter((e) => e.state === "pending" && e.baseVersion === upload.baseVersion)
      .modify({ baseVersion: answer.version });
    if (answer.case) {
      await applyServerDetail(db, answer.case);
      await reprojectCase(db, upload.caseId);
    } else {
      await dropCase(db, upload.caseId);
    }
  });
}
