import { createHash, randomUUID } from "node:crypto";
import type { EvidenceMime, MessageAuthor } from "@shared/domain/appeal";
import type { Queryable } from "../db/database";

/**
 * Evidence bytes live in the database (`evidence_blobs`, bytea), keyed by their sha256.
 *
 * Why the database and not files under the data dir: several server processes on one PostgreSQL
 * (possibly on different machines) must all serve every upload, and the bytes must commit or roll
 * back with the metadata row and the idempotency record of the same request. One backup holds
 * everything an auditor may ask for. Content addressing makes a re-upload of the same screenshot
 * (both parties often send the same one) cost nothing and makes tampering detectable: the key is
 * the hash. At ≤ 20 MB per file PostgreSQL's TOAST handles the size; a deployment that outgrows it
 * swaps this module for an object store behind the same two functions.
 */

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export interface NewEvidence {
  caseId: string;
  uploadedBy: MessageAuthor;
  fileName: string;
  mimeType: EvidenceMime;
  bytes: Buffer;
  sha256: string;
  description: string;
  at: Date;
}

export async function storeEvidence(tx: Queryable, evidence: NewEvidence): Promise<string> {
  await tx.query(
    "insert into evidence_blobs (sha256, bytes, size) values ($1, $2, $3) on conflict (sha256) do nothing",
    [evidence.sha256, evidence.bytes, evidence.bytes.length],
  );
  const id = randomUUID();
  await tx.query(
    `insert into evidence (id, case_id, uploaded_by, file_name, mime_type, size, sha256, description, uploaded_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      id,
      evidence.caseId,
      evidence.uploadedBy,
      evidence.fileName,
      evidence.mimeType,
      evidence.bytes.length,
      evidence.sha256,
      evidence.description,
      evidence.at,
    ],
  );
  return id;
}

export interface EvidenceContent {
  mimeType: EvidenceMime;
  fileName: string;
  sha256: string;
  bytes: Buffer | null;
}

/** The bytes of one evidence item; `bytes` null for seeded metadata whose content never existed. */
export async function readEvidenceContent(
  db: Queryable,
  id: string,
): Promise<EvidenceContent | null> {
  const [row] = await db.query<{
    mime_type: EvidenceMime;
    file_name: string;
    sha256: string;
    bytes: Uint8Array | null;
  }>(
    `select e.mime_type, e.file_name, e.sha256, b.bytes
       from evidence e left join evidence_blobs b on b.sha256 = e.sha256 where e.id = $1`,
    [id],
  );
  if (!row) return null;
  return {
    mimeType: row.mime_type,
    fileName: row.file_name,
    sha256: row.sha256,
    bytes: row.bytes ? Buffer.from(row.bytes) : null,
  };
}
