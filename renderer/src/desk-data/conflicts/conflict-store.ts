/** The conflicts the sync engine recorded (a 412 on push), as the agent sees and resolves them. */
import type { DeskAction } from "@shared/domain/desk-action";
import { reprojectCase } from "../cases/case-cache";
import { caseTables } from "../cases/case-store";
import type { DeskDatabase } from "../cases/desk-db";
import type { ConflictResolution, ConflictView } from "../contract";
import { queuedBehind } from "../outbox/outbox-logic";

/** Every conflict with its outbox entry and the actions held behind it. */
export async function conflictViews(db: DeskDatabase): Promise<ConflictView[]> {
  const [conflicts, outbox] = await Promise.all([
    db.conflicts.toArray(),
    db.outbox.orderBy("seq").toArray(),
  ]);
  const bySeq = new Map(outbox.map((e) => [e.seq, e]));
  return conflicts.flatMap((c) => {
    const entry = bySeq.get(c.seq);
    return entry ? [{ ...c, entry, queuedBehind: queuedBehind(outbox, entry) }] : [];
  });
}

/** Applies the agent's choice to the outbox entry `seq` and its conflict (none: nothing). */
export async function applyResolution(
  db: DeskDatabase,
  seq: number,
  resolution: ConflictResolution,
): Promise<void> {
  return db.transaction("rw", [db.outbox, db.conflicts, ...caseTables(db)], async () => {
    const entry = await db.outbox.get(seq);
    const conflict = await db.conflicts.get(seq);
    if (!entry || !conflict) return;
    if (resolution.kind === "discard") {
      // The agent's explicit choice; later actions of the case keep their base and will meet
      // their own 412 if they depended on this one.
      await db.outbox.delete(seq);
    } else {
      // The actions taken after this one on the same base were taken on top of it: they follow
      // it onto the current version, so re-applying a claim does not strand the note after it.
      const later = await db.outbox.where("caseId").equals(entry.caseId).toArray();
      for (const e of later) {
        if (
          e.seq !== undefined &&
          e.seq > seq &&
          e.state === "pending" &&
          e.baseVersion === entry.baseVersion
        ) {
          await db.outbox.update(e.seq, { baseVersion: conflict.theirs.version });
        }
      }
      const action: DeskAction = resolution.kind === "edit" ? resolution.action : entry.action;
      await db.outbox.update(seq, {
        action,
        // A changed body under the old key would be a 422: an edit is a new request.
        idempotencyKey: resolution.kind === "edit" ? crypto.randomUUID() : entry.idempotencyKey,
        baseVersion: conflict.theirs.version,
        baseSummary: "complainant" in conflict.theirs ? null : conflict.theirs,
        state: "pending",
        attempts: 0,
        nextAttemptAt: 0,
        lastError: null,
        lastStatus: null,
      });
    }
    await db.conflicts.delete(seq);
    await reprojectCase(db, entry.caseId);
  });
}
