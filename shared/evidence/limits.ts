import { EVIDENCE_MAX_BYTES } from "../api/evidence";
import type { EvidenceMime } from "../domain/appeal";
import { sniffMime } from "./sniff";

/**
 * What the server will accept as evidence, checked on the desk before an upload is sent or
 * queued: the same size limit and the same content sniffing the server applies (`readUpload`),
 * so a file the server would refuse is refused at once with a message, not after an upload (or,
 * queued offline, hours later).
 */
export type EvidenceFileCheck =
  | { ok: true; mimeType: EvidenceMime }
  | { ok: false; reason: "empty" | "too_large" | "unsupported_type" };

export function checkEvidenceFile(bytes: Uint8Array): EvidenceFileCheck {
  if (bytes.length === 0) return { ok: false, reason: "empty" };
  if (bytes.length > EVIDENCE_MAX_BYTES) return { ok: false, reason: "too_large" };
  const mimeType = sniffMime(bytes);
  return mimeType ? { ok: true, mimeType } : { ok: false, reason: "unsupported_type" };
}

/** The size check alone, before reading a file's bytes (a 2 GB drop is refused unread). */
export function isWithinEvidenceSize(size: number): boolean {
  return size > 0 && size <= EVIDENCE_MAX_BYTES;
}
