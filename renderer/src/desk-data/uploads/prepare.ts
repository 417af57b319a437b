import type { EvidenceMime } from "@shared/domain/appeal";
import { checkEvidenceFile, isWithinEvidenceSize } from "@shared/evidence/limits";
import type { AttachRefusal } from "./upload-types";

/** Lower-case hex SHA-256 by the browser's Web Crypto (works offline, off the JS heap's hot path). */
export async function sha256OfBytes(bytes: Uint8Array): Promise<string> {
  // A fresh ArrayBuffer: subtle.digest refuses views over a SharedArrayBuffer.
  const digest = await crypto.subtle.digest("SHA-256", bytes.slice().buffer);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

export type PreparedFile =
  | { ok: true; mimeType: EvidenceMime; size: number; sha256: string }
  | { ok: false; reason: AttachRefusal };

/**
 * Checks a file against the server's limits (size first, without reading a huge file; then its
 * content type from its bytes, as the server sniffs it) and hashes it.
 */
export async function prepareFile(file: Blob): Promise<PreparedFile> {
  if (!isWithinEvidenceSize(file.size)) {
    return { ok: false, reason: file.size === 0 ? "empty" : "too_large" };
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const check = checkEvidenceFile(bytes);
  if (!check.ok) return check;
  return {
    ok: true,
    mimeType: check.mimeType,
    size: bytes.length,
    sha256: await sha256OfBytes(bytes),
  };
}
