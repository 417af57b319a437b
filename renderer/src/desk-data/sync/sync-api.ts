/**
 * What the sync engine needs from the network, narrowed from the typed API client so the engine
 * is testable against the real server (integration) without the rest of the client.
 */
import type { ChangesPage } from "@shared/api/cases";
import type { MutationResponse } from "@shared/api/mutations";
import type { ReplyList } from "@shared/api/replies";
import type { CaseDetail } from "@shared/domain/appeal";
import type { DeskAction } from "@shared/domain/desk-action";
import type { ApiClient, EvidenceUpload, UploadOptions } from "../../api/api-client";

export interface MutationOptions {
  idempotencyKey: string;
  /** The case version the action was taken on; sent as `If-Match: "<version>"`. */
  ifMatch: number;
  signal?: AbortSignal | undefined;
}

export interface SyncApi {
  /** Changes after `since` (null: from the start of the feed), at most `limit`. */
  changes(since: string | null, limit: number, signal?: AbortSignal): Promise<ChangesPage>;
  getCase(id: string, signal?: AbortSignal): Promise<CaseDetail>;
  /** The case after the action (`case` null once redacted). */
  mutate(caseId: string, action: DeskAction, options: MutationOptions): Promise<MutationResponse>;
  evidenceContent(evidenceId: string, signal?: AbortSignal): Promise<ArrayBuffer>;
  /** Attaches a file (multipart, with its SHA-256), reporting the bytes sent. */
  uploadEvidence(
    caseId: string,
    upload: EvidenceUpload,
    options: UploadOptions,
  ): Promise<MutationResponse>;
  /** URL and headers of the live event stream (`GET /events`). */
  eventStream(): { url: string; headers: () => Record<string, string> };
  /** Replies and macros written after `since` (`GET /replies`); absent in tests without them. */
  listReplies?(since: number, signal?: AbortSignal): Promise<ReplyList>;
}

/** The sync engine's view of the typed client. */
export function syncApiOf(api: ApiClient): SyncApi {
  return {
    changes: api.changes,
    getCase: api.getCase,
    mutate: api.mutate,
    evidenceContent: api.evidenceContent,
    uploadEvidence: api.uploadEvidence,
    eventStream: api.eventStream,
    listReplies: (since, signal) => api.call("listReplies", { query: { since } }, signal),
  };
}
