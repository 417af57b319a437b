import type {} from "@fastify/multipart";
import { EVIDENCE_MAX_BYTES } from "@shared/api/evidence";
import type { EvidenceMime } from "@shared/domain/appeal";
import { sniffMime } from "@shared/evidence/sniff";
import type { FastifyRequest } from "fastify";
import { HttpProblem } from "../http/problem";
import { sha256Hex } from "./store";

export interface ParsedUpload {
  fields: Record<string, string>;
  fileName: string;
  bytes: Buffer;
  mimeType: EvidenceMime;
  sha256: string;
}

/**
 * Reads a multipart upload: text fields and exactly one file part named `file`. 413 past
 * EVIDENCE_MAX_BYTES (the multipart plugin stops reading there), 415 when the bytes are not an
 * accepted kind, 400 for anything malformed.
 */
export async function readUpload(request: FastifyRequest): Promise<ParsedUpload> {
  if (!request.isMultipart()) {
    throw new HttpProblem(
      415,
      "Unsupported media type",
      "Send multipart/form-data with a `file` part.",
    );
  }
  const fields: Record<string, string> = {};
  let file: { name: string; bytes: Buffer } | null = null;
  for await (const part of request.parts({
    limits: { fileSize: EVIDENCE_MAX_BYTES, files: 1, fields: 10 },
  })) {
    if (part.type === "file") {
      if (part.fieldname !== "file" || file) {
        part.file.resume();
        throw new HttpProblem(400, "Invalid request", "Send one file, in a part named `file`.", [
          { field: `body/${part.fieldname}`, message: "unexpected file part" },
        ]);
      }
      // toBuffer() throws a 413 once the part passes the fileSize limit.
      file = { name: part.filename, bytes: await part.toBuffer() };
    } else if (typeof part.value === "string") {
      fields[part.fieldname] = part.value;
    }
  }
  if (!file) {
    throw new HttpProblem(400, "Invalid request", "The upload has no file.", [
      { field: "body/file", message: "required" },
    ]);
  }
  const mimeType = sniffMime(file.bytes);
  if (!mimeType) {
    throw new HttpProblem(
      415,
      "Unsupported media type",
      "Evidence must be a PNG, JPEG, WebP or PDF file, or plain UTF-8 text (judged by content, not name).",
    );
  }
  // Names are shown to agents and used in Content-Disposition: no paths, no control characters.
  const fileName =
    [...file.name]
      .map((ch) => (ch === "/" || ch === "\\" || ch.charCodeAt(0) < 0x20 ? "_" : ch))
      .join("")
      .slice(0, 255) || "evidence";
  return { fields, fileName, bytes: file.bytes, mimeType, sha256: sha256Hex(file.bytes) };
}

/**
 * The uploader's own SHA-256 (the `sha256` field), when it sent one, must be the hash of the bytes
 * that arrived: otherwise the file changed on the way and is refused (422) before anything is
 * stored or an idempotency key is spent, so the uploader can send it again under the same key.
 */
export function verifyDeclaredDigest(upload: ParsedUpload, declared: string | undefined): void {
  if (declared === undefined || declared === upload.sha256) return;
  throw new HttpProblem(
    422,
    "Content digest mismatch",
    `The file received hashes to SHA-256 ${upload.sha256}, not to the ${declared} the upload declared; nothing was stored.`,
    [{ field: "body/sha256", message: "does not match the SHA-256 of the file received" }],
  );
}
