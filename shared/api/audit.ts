import { z } from "zod";
import { CaseId, Instant } from "../domain/appeal";

/**
 * One entry of the append-only audit log. `hash` = sha256 over the previous entry's hash and this
 * entry's canonical content, so editing, deleting or reordering any row breaks every later link.
 */
export const AuditEntry = z.object({
  seq: z.number().int().positive(),
  caseId: CaseId.nullable(),
  /** A user id, `platform` (integration side) or `system` (timers). */
  actorId: z.string(),
  actorRole: z.enum(["agent", "supervisor", "platform", "system"]),
  /** The lifecycle action, e.g. `decide`, or the route name for non-lifecycle writes. */
  action: z.string(),
  at: Instant,
  beforeVersion: z.number().int().nullable(),
  afterVersion: z.number().int().nullable(),
  requestId: z.string().nullable(),
  idempotencyKey: z.string().nullable(),
  /**
   * What changed: the status before and after and the action's own record — a decision's outcome,
   * receiver, amount, terms and rationale; a review's verdict and rationale; a verification step's
   * note or the party's feedback comment. No statements or chat messages.
   */
  details: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditLog = z.object({ entries: z.array(AuditEntry) });
export type AuditLog = z.infer<typeof AuditLog>;

/** `GET /api/v1/audit/verify`: the chain walked from the first entry. */
export const AuditVerification = z.object({
  ok: z.boolean(),
  checked: z.number().int().nonnegative(),
  /** The first entry whose link does not hold, and why; null when the chain is intact. */
  firstBroken: z
    .object({
      seq: z.number().int(),
      reason: z.enum(["hash_mismatch", "prev_hash_mismatch", "sequence_gap"]),
    })
    .nullable(),
});
export type AuditVerification = z.infer<typeof AuditVerification>;
