import type { EvidenceMime } from "@shared/domain/appeal";

/**
 * A file the agent attached to a case, kept in the desk's IndexedDB (`uploads/upload-db.ts`)
 * until the server filed it. The Blob itself is stored, so the upload survives a reload or a
 * restart while offline.
 * - `pending`: waiting to be sent (or backing off after a network error / 5xx);
 * - `failed`: the server refused it for good (4xx); kept with the reason until the agent dismisses it.
 * An upload the server filed is deleted; the case's evidence list then shows it.
 */
export type UploadState = "pending" | "failed";

export interface QueuedUpload {
  /** Client-generated UUID, sent as the `Idempotency-Key` of every attempt. */
  id: string;
  caseId: string;
  file: Blob;
  fileName: string;
  /** Sniffed on the desk with the server's rules (`shared/evidence`). */
  mimeType: EvidenceMime;
  size: number;
  /** Lower-case hex SHA-256 computed on the desk; the server refuses bytes that hash otherwise. */
  sha256: string;
  description: string;
  /** The case version the agent attached it on (`If-Match`); moved on by a 412 (see upload-logic). */
  baseVersion: number;
  state: UploadState;
  actorId: string;
  createdAt: number;
  attempts: number;
  /** Epoch ms before which the upload is not retried. */
  nextAttemptAt: number;
  lastError: string | null;
  /** Problem type slug or "unreachable", for a message in the agent's language. */
  lastErrorCode: string | null;
  lastStatus: number | null;
}

/** An upload as the screens show it: the stored entry and, while it is on the wire, its progress. */
export interface UploadView extends Omit<QueuedUpload, "file"> {
  /** Bytes sent of `total` while this window sends it; null when not being sent. */
  progress: { sent: number; total: number } | null;
}

/** Why a file was not queued (checked on the desk before anything is stored or sent). */
export type AttachRefusal = "empty" | "too_large" | "unsupported_type" | "not_cached";

export type AttachResult = { ok: true; id: string } | { ok: false; reason: AttachRefusal };
