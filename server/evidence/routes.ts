import type { EvidenceMetadata } from "@shared/api/evidence";
import { HEADERS } from "@shared/api/headers";
import type { MutationResponse } from "@shared/api/mutations";
import { loadCaseDetail } from "../cases/detail";
import { performAction } from "../cases/engine";
import { deskActor } from "../cases/routes";
import type { Database } from "../db/database";
import { toIso } from "../db/values";
import type { ServerHandlers } from "../http/handlers";
import { runMutation } from "../http/mutation";
import { HttpProblem } from "../http/problem";
import { agentEvidenceAction } from "./actions";
import { readEvidenceContent } from "./store";
import { verifyDeclaredDigest } from "./upload";

export function evidenceHandlers(db: Database) {
  return {
    uploadEvidence: async (
      { params: { id }, mutation: headers, upload, fields },
      { request, reply, user },
    ) => {
      verifyDeclaredDigest(upload, fields.sha256);
      return runMutation(db, reply, {
        principal: `user:${user.id}`,
        route: "evidence",
        caseId: id,
        body: { ...fields, sha256: upload.sha256, fileName: upload.fileName },
        headers,
        work: async (tx) => {
          const now = new Date();
          const context = {
            requestId: request.id,
            idempotencyKey: headers.idempotencyKey,
            now,
          };
          const done = await performAction(
            tx,
            id,
            headers.ifMatch,
            deskActor(user),
            agentEvidenceAction(upload, fields.description, now),
            context,
          );
          const response: MutationResponse = {
            case: await loadCaseDetail(tx, id, now),
            version: done.version,
          };
          return { status: 200, body: response };
        },
      });
    },

    evidenceMetadata: async ({ params: { id } }) => {
      const [row] = await db.query<{
        id: string;
        case_id: string;
        uploaded_by: EvidenceMetadata["uploadedBy"];
        file_name: string;
        mime_type: EvidenceMetadata["mimeType"];
        size: number;
        sha256: string;
        description: string;
        uploaded_at: Date;
      }>("select * from evidence where id = $1", [id]);
      if (!row) throw new HttpProblem(404, "Not found", `There is no evidence ${id}.`);
      const metadata: EvidenceMetadata = {
        id: row.id,
        caseId: row.case_id,
        uploadedBy: row.uploaded_by,
        fileName: row.file_name,
        mimeType: row.mime_type,
        size: row.size,
        sha256: row.sha256,
        description: row.description,
        uploadedAt: toIso(row.uploaded_at),
      };
      return metadata;
    },

    evidenceContent: async ({ params: { id } }, { reply }) => {
      const content = await readEvidenceContent(db, id);
      if (!content?.bytes)
        throw new HttpProblem(404, "Not found", `There is no content for evidence ${id}.`);
      const base64 = Buffer.from(content.sha256, "hex").toString("base64");
      return (
        reply
          .header(HEADERS.contentSha256, content.sha256)
          .header(HEADERS.reprDigest, `sha-256=:${base64}:`)
          // Content-addressed: the bytes behind an id never change.
          // Party evidence (bank statements, IDs) is not left in the browser's disk cache after the
          // session: the desk keeps what it needs offline in its own per-user cache.
          .header("Cache-Control", "private, no-store")
          .header("ETag", `"${content.sha256}"`)
          // Never rendered inline by a browser: evidence is uploaded by outsiders.
          .header(
            "Content-Disposition",
            `attachment; filename*=UTF-8''${encodeURIComponent(content.fileName)}`,
          )
          .header("X-Content-Type-Options", "nosniff")
          .type(content.mimeType)
          .send(content.bytes)
      );
    },
  } satisfies Pick<ServerHandlers, "uploadEvidence" | "evidenceMetadata" | "evidenceContent">;
}
