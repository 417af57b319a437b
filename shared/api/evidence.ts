import { z } from "zod";
import { Evidence, MessageAuthor } from "../domain/appeal";

/** Larger uploads are refused with 413. */
export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;

/**
 * `POST /api/v1/cases/:id/evidence` (desk) and `POST /api/v1/integration/appeals/:id/evidence`
 * (parties) are `multipart/form-data` with one file part named `file` and these text fields.
 * The type is sniffed from the bytes (PNG, JPEG, WebP, PDF, UTF-8 text); the part's own
 * content type and file name are never trusted (415 when the bytes are none of those).
 */
export const EvidenceUploadFields = z.strictObject({
  description: z.string().trim().max(2_000).default(""),
  /**
   * The SHA-256 the uploader computed over the file (lower-case hex). When sent, the server
   * refuses the upload (422, content-digest-mismatch) unless the bytes it received hash to it:
   * a file damaged on the way is never filed as evidence under a hash nobody saw.
   */
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, "64 lower-case hex digits")
    .optional(),
});
export type EvidenceUploadFields = z.infer<typeof EvidenceUploadFields>;

/** Integration side: which party uploaded. */
export const PartyEvidenceUploadFields = EvidenceUploadFields.extend({
  party: z.enum(["complainant", "respondent"]),
});
export type PartyEvidenceUploadFields = z.infer<typeof PartyEvidenceUploadFields>;

export const EvidenceIdParams = z.object({ id: z.string().min(1).max(64) });

/** Evidence metadata alone (`GET /api/v1/evidence/:id`). */
export const EvidenceMetadata = Evidence.extend({ caseId: z.string(), uploadedBy: MessageAuthor });
export type EvidenceMetadata = z.infer<typeof EvidenceMetadata>;
