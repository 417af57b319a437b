import type { AuditCheckpoint, AuditEntry, AuditVerification } from "@shared/api/audit";
import type { Queryable } from "../db/database";
import { toIso } from "../db/values";
import {
  type AuditContent,
  contentHash,
  entryHash,
  GENESIS_HASH,
  linkHash,
  unkeyedContentHash,
} from "./chain";
import { hasValidSignature } from "./checkpoints";

interface AuditRow {
  seq: string | number;
  case_id: string | null;
  actor_id: string;
  actor_role: AuditEntry["actorRole"];
  action: string;
  at: Date;
  before_version: number | null;
  after_version: number | null;
  request_id: string | null;
  idempotency_key: string | null;
  details: Record<string, unknown>;
  prev_hash: string;
  hash: string;
  /** Null on entries written before the chain was sealed at commit (they use `entryHash`). */
  content_hash: string | null;
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    seq: Number(row.seq),
    caseId: row.case_id,
    actorId: row.actor_id,
    actorRole: row.actor_role,
    action: row.action,
    at: toIso(row.at),
    beforeVersion: row.before_version,
    afterVersion: row.after_version,
    requestId: row.request_id,
    idempotencyKey: row.idempotency_key,
    details: row.details,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export async function caseAudit(db: Queryable, caseId: string): Promise<AuditEntry[]> {
  const rows = await db.query<AuditRow>("select * from audit_log where case_id = $1 order by seq", [
    caseId,
  ]);
  return rows.map(toEntry);
}

const PAGE = 5_000;

/**
 * Walks the whole chain in sequence order and recomputes every hash. Reports the first entry
 * whose content no longer has its keyed digest, whose `prev_hash` is not its predecessor's hash,
 * or whose sequence skips (a deleted row). Against `checkpoint` (signed, kept outside the
 * database) it also finds a chain cut short (`truncated`) or re-linked (`rechained`).
 */
export async function verifyChain(
  db: Queryable,
  checkpoint: AuditCheckpoint | null = null,
): Promise<AuditVerification> {
  const verifiedAt = new Date().toISOString();
  const shown = checkpoint
    ? {
        seq: checkpoint.seq,
        head: checkpoint.head,
        at: checkpoint.at,
        keyedFrom: checkpoint.keyedFrom,
      }
    : null;
  const broken = (checked: number, seq: number, reason: AuditVerificationReason) => ({
    ok: false,
    checked,
    firstBroken: { seq, reason },
    checkpoint: shown,
    verifiedAt,
  });
  if (checkpoint && !hasValidSignature(checkpoint)) {
    return broken(0, checkpoint.seq, "checkpoint_invalid");
  }
  // Without a checkpoint every sealed entry must carry a keyed digest.
  const keyedFrom = checkpoint?.keyedFrom ?? 1;
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await db.query<AuditRow>(
      "select * from audit_log where seq >= $1 order by seq limit $2",
      [expectedSeq, PAGE],
    );
    for (const row of rows) {
      const entry = toEntry(row);
      if (entry.seq !== expectedSeq) return broken(checked, expectedSeq, "sequence_gap");
      if (entry.prevHash !== prevHash) return broken(checked, entry.seq, "prev_hash_mismatch");
      const content: AuditContent = {
        caseId: entry.caseId,
        actorId: entry.actorId,
        actorRole: entry.actorRole,
        action: entry.action,
        at: row.at,
        beforeVersion: entry.beforeVersion,
        afterVersion: entry.afterVersion,
        requestId: entry.requestId,
        idempotencyKey: entry.idempotencyKey,
        details: entry.details,
      };
      // Content edited by hand no longer has the digest the link was sealed with; and without
      // the key no one can compute the digest an edited entry would need.
      const digest =
        entry.seq >= keyedFrom || row.content_hash === null
          ? contentHash(content)
          : unkeyedContentHash(content);
      const recomputed =
        row.content_hash === null
          ? entryHash(prevHash, entry.seq, content)
          : row.content_hash === digest
            ? linkHash(prevHash, entry.seq, digest)
            : null;
      if (recomputed !== entry.hash) return broken(checked, entry.seq, "hash_mismatch");
      if (checkpoint && entry.seq === checkpoint.seq && entry.hash !== checkpoint.head) {
        return broken(checked, entry.seq, "rechained");
      }
      prevHash = entry.hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (rows.length < PAGE) break;
  }
  const last = expectedSeq - 1;
  // Rows and counter both wound back: only the checkpoint remembers the chain was longer.
  if (checkpoint && last < checkpoint.seq) return broken(checked, last + 1, "truncated");
  // A deleted tail is caught against the counter, which records the last sequence handed out.
  const [counter] = await db.query<{ last_audit_seq: string | number }>(
    "select last_audit_seq from change_counter where id = 1",
  );
  if (Number(counter?.last_audit_seq ?? 0) > last) {
    return broken(checked, expectedSeq, "sequence_gap");
  }
  return { ok: true, checked, firstBroken: null, checkpoint: shown, verifiedAt };
}

type AuditVerificationReason = NonNullable<AuditVerification["firstBroken"]>["reason"];
