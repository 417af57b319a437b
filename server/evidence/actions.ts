import type { ActionSpec } from "../cases/engine";
import type { Queryable } from "../db/database";
import { storeEvidence } from "./store";
import type { ParsedUpload } from "./upload";

/** An agent or supervisor attaches evidence (e.g. a bank's reply they obtained). */
export function agentEvidenceAction(
  upload: ParsedUpload,
  description: string,
  now: Date,
): ActionSpec {
  return {
    action: "agent_evidence",
    variant: "default",
    apply: async (tx, row) => {
      const id = await storeEvidence(tx, {
        caseId: row.id,
        uploadedBy: "agent",
        fileName: upload.fileName,
        mimeType: upload.mimeType,
        bytes: upload.bytes,
        sha256: upload.sha256,
        description,
        at: now,
      });
      return { audit: { evidence: id, sha256: upload.sha256 } };
    },
  };
}

async function outstandingRequests(tx: Queryable, caseId: string, party: string) {
  return tx
    .query<{ id: string; party: string }>(
      "select id, party from evidence_requests where case_id = $1 and fulfilled_at is null and lapsed_at is null",
      [caseId],
    )
    .then((rows) => ({
      mine: rows.filter((r) => r.party === party),
      others: rows.filter((r) => r.party !== party),
    }));
}

/**
 * A party uploads evidence. It fulfils that party's outstanding requests; when none is left for
 * anyone, a case awaiting evidence goes back to review.
 */
export function partyEvidenceAction(
  upload: ParsedUpload,
  party: "complainant" | "respondent",
  description: string,
  now: Date,
): ActionSpec {
  return {
    action: "party_evidence",
    variant: async (row, tx) => {
      if (row.status !== "awaiting_evidence") return "default";
      const { others } = await outstandingRequests(tx, row.id, party);
      return others.length === 0 ? "settles_request" : "default";
    },
    apply: async (tx, row) => {
      const { mine } = await outstandingRequests(tx, row.id, party);
      const id = await storeEvidence(tx, {
        caseId: row.id,
        uploadedBy: party,
        fileName: upload.fileName,
        mimeType: upload.mimeType,
        bytes: upload.bytes,
        sha256: upload.sha256,
        description,
        at: now,
      });
      if (mine.length > 0) {
        await tx.query(
          "update evidence_requests set fulfilled_at = $2 where id = any($1::text[])",
          [mine.map((r) => r.id), now],
        );
      }
      return {
        // One "received" per fulfilled request: the SLA clock pauses once per request.
        timeline: mine.map(() => ({ type: "evidence_received" as const, summary: party })),
        audit: { evidence: id, sha256: upload.sha256, party, fulfilled: mine.length },
      };
    },
  };
}
