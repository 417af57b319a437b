/**
 * The desk's attachment upload as the desk sends it (`POST /cases/:id/evidence`, multipart with
 * the SHA-256 it computed), on PGlite and on PostgreSQL: a declared hash that does not match the
 * bytes is refused with problem+json and stores nothing; a retry under the same Idempotency-Key
 * (the desk's answer was lost) replays the first answer and files the evidence once.
 */
import { createHash, randomUUID } from "node:crypto";
import type { MutationResponse } from "@shared/api/mutations";
import type { Problem } from "@shared/api/problem";
import { CaseDetail } from "@shared/domain/appeal";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, type SignedInClient } from "../../support/api";
import { escalatedCase } from "../../support/appeals";
import { BACKENDS, type Backend, openBackend } from "../../support/backends";

const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763f8cfc000000301010018dd8db00000000049454e44ae426082",
  "hex",
);
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

for (const { name, skip } of BACKENDS) {
  describe.skipIf(skip !== null)(
    `desk evidence upload on ${name}${skip ? ` (${skip})` : ""}`,
    () => {
      let backend: Backend;
      let agent1: SignedInClient;

      beforeAll(async () => {
        backend = await openBackend(name);
        agent1 = await ApiClient.login(backend.server.url, "agent1");
      });
      afterAll(async () => {
        await backend?.close();
      });

      async function claimedCase(): Promise<CaseDetail> {
        const escalated = await escalatedCase(backend.server.url);
        const claimed = await agent1.post<MutationResponse>(
          `/cases/${escalated.id}/claim`,
          {},
          { ifMatch: escalated.version },
        );
        expect(claimed.status).toBe(200);
        return CaseDetail.parse(claimed.body.case);
      }

      function upload(
        caseId: string,
        bytes: Uint8Array,
        declared: string,
        key: string,
        version: number,
      ) {
        const form = new FormData();
        form.set("description", "bank reply");
        form.set("sha256", declared);
        form.set("file", new Blob([new Uint8Array(bytes)]), "bank-reply.png");
        return agent1.upload<MutationResponse & Problem>(`/cases/${caseId}/evidence`, form, {
          key,
          ifMatch: version,
        });
      }

      async function evidenceRows(caseId: string) {
        return backend.server.db.query<{ id: string; sha256: string }>(
          "select id, sha256 from evidence where case_id = $1 and uploaded_by = 'agent'",
          [caseId],
        );
      }

      it("refuses a declared SHA-256 that is not the file's, with problem+json, storing nothing", async () => {
        const detail = await claimedCase();
        const key = randomUUID();
        const damaged = Buffer.from(PNG);
        damaged.writeUInt8(damaged.readUInt8(damaged.length - 1) ^ 0xff, damaged.length - 1);
        const refused = await upload(detail.id, damaged, sha256(PNG), key, detail.version);
        expect(refused.status).toBe(422);
        expect(refused.headers.get("content-type")).toContain("application/problem+json");
        expect(refused.body.type).toBe("https://arbiter.desk/problems/content-digest-mismatch");
        expect(refused.body.errors?.[0]?.field).toBe("body/sha256");
        expect(await evidenceRows(detail.id)).toEqual([]);
        const [blobs] = await backend.server.db.query<{ n: number }>(
          "select count(*)::int as n from evidence_blobs where sha256 = $1",
          [sha256(damaged)],
        );
        expect(blobs?.n).toBe(0);
        const after = await agent1.get<CaseDetail>(`/cases/${detail.id}`);
        expect(after.body.version).toBe(detail.version);

        // Nothing was spent: the intact file goes through under the same key.
        const ok = await upload(detail.id, PNG, sha256(PNG), key, detail.version);
        expect(ok.status, JSON.stringify(ok.body)).toBe(200);
        expect(ok.body.case?.evidence.at(-1)?.sha256).toBe(sha256(PNG));
      });

      it("files the evidence once when the desk retries under the same Idempotency-Key", async () => {
        const detail = await claimedCase();
        const key = randomUUID();
        const first = await upload(detail.id, PNG, sha256(PNG), key, detail.version);
        expect(first.status, JSON.stringify(first.body)).toBe(200);
        // The answer was lost: the desk sends the same upload again, on the version it knew.
        const retry = await upload(detail.id, PNG, sha256(PNG), key, detail.version);
        expect(retry.status).toBe(200);
        expect(retry.headers.get("idempotent-replayed")).toBe("true");
        expect(retry.body.version).toBe(first.body.version);
        const rows = await evidenceRows(detail.id);
        expect(rows).toHaveLength(1);
        expect(rows[0]?.sha256).toBe(sha256(PNG));
        const after = await agent1.get<CaseDetail>(`/cases/${detail.id}`);
        expect(after.body.evidence.filter((e) => e.uploadedBy === "agent")).toHaveLength(1);

        // The same key with another file is a different request, refused rather than replayed.
        const other = Buffer.from("a different reply from the bank\n");
        const reused = await upload(detail.id, other, sha256(other), key, first.body.version);
        expect(reused.status).toBe(422);
        expect(reused.body.type).toBe("https://arbiter.desk/problems/idempotency-key-reused");
        expect(await evidenceRows(detail.id)).toHaveLength(1);
      });
    },
  );
}
