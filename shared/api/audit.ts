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

/**
 * Why verification failed. `hash_mismatch`: an entry's content no longer has its keyed digest
 * (edited, even if the links after it were recomputed); `prev_hash_mismatch` / `sequence_gap`: a
 * broken link or a missing entry; `truncated`: the chain is shorter than the last checkpoint
 * recorded outside the database; `rechained`: the entry at the checkpoint's sequence no longer has
 * the hash the checkpoint signed (entries before it were removed or rewritten and re-linked);
 * `checkpoint_invalid`: the checkpoint's signature does not hold.
 */
export const AuditBreakReason = z.enum([
  "hash_mismatch",
  "prev_hash_mismatch",
  "sequence_gap",
  "truncated",
  "rechained",
  "checkpoint_invalid",
]);
export type AuditBreakReason = z.infer<typeof AuditBreakReason>;

/** A signed record of the chain head, kept outside the database (file or object store). */
export const AuditCheckpoint = z.object({
  seq: z.number().int().nonnegative(),
  head: z.string(),
  at: Instant,
  /** Entries from this sequence on carry keyed digests (earlier ones were written unkeyed). */
  keyedFrom: z.number().int().positive(),
  signature: z.string(),
});
export type AuditCheckpoint = z.infer<typeof AuditCheckpoint>;

/**
 * Where checkpoints are kept and whether the last write there held. A store that fails is
 * reported here and retried on the next checkpoint; the server keeps running on the others.
 */
export const CheckpointStoreStatus = z.object({
  kind: z.enum(["file", "object_store", "memory"]),
  /** A path or `s3://bucket/prefix`; never credentials. */
  location: z.string(),
  ok: z.boolean(),
  /** The newest checkpoint stored there, as far as this process knows. */
  lastSeq: z.number().int().nonnegative().nullable(),
  lastError: z.string().nullable(),
});
export type CheckpointStoreStatus = z.infer<typeof CheckpointStoreStatus>;

/** `GET /api/v1/audit/verify`: the chain walked from the first entry, against the last checkpoint. */
export const AuditVerification = z.object({
  ok: z.boolean(),
  checked: z.number().int().nonnegative(),
  /** The first entry whose link does not hold, and why; null when the chain is intact. */
  firstBroken: z
    .object({
      seq: z.number().int(),
      reason: AuditBreakReason,
    })
    .nullable(),
  /** The checkpoint compared against (null: none written yet, e.g. a fresh install). */
  checkpoint: AuditCheckpoint.omit({ signature: true }).nullable().optional(),
  /** When the verification ran. */
  verifiedAt: Instant.optional(),
  /** Each place checkpoints are written; the newest checkpoint among them was compared. */
  stores: z.array(CheckpointStoreStatus).optional(),
});
export type AuditVerification = z.infer<typeof AuditVerification>;
