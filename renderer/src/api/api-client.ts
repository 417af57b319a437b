import { deskMutationKey } from "@shared/api/contract";
import { HEADERS } from "@shared/api/headers";
import { PresenceRequest, type PresenceState } from "@shared/api/presence";
import type { RegionCalendarId } from "@shared/domain/appeal";
import type { DeskAction } from "@shared/domain/desk-action";
import { type ApiCall, type CallInput, type CallOptions, createCall } from "./call";

export type ApiClientOptions = CallOptions;

/** What a list call may send: the filters of the shared query schema, in their wire form. */
export type ListCasesParams = NonNullable<CallInput<"listCases">["query"]>;

export interface MutateOptions {
  /** Same key on every retry of one action: the server replays its first answer. */
  idempotencyKey: string;
  /** The case version the action was taken on (sent as the strong ETag `"<version>"`). */
  ifMatch: number;
  signal?: AbortSignal | undefined;
}

/** A file the agent attaches, as the desk sends it. */
export interface EvidenceUpload {
  file: Blob;
  fileName: string;
  /** Lower-case hex SHA-256 of `file`, computed on the desk. */
  sha256: string;
  description: string;
}

export interface UploadOptions extends MutateOptions {
  onProgress?: ((sent: number, total: number) => void) | undefined;
}

/**
 * The desk's typed view of the API: `call(key, input, signal)` for any endpoint of the contract
 * map (`./call`), plus thin named helpers where they read better at the call site. Every answer
 * is parsed with the shared schema; every call takes an `AbortSignal`, so a view that closes
 * cancels what it started.
 *
 * Tokens: `refreshSession` swaps a valid token for a fresh one (the auth store does so before
 * expiry while the agent is active). A 401 surfaces as an `ApiError` with status 401 and calls
 * `onUnauthorized`; the sync engine pauses its outbox on it and resumes after the in-place
 * sign-in, so no queued action is lost to an expired token.
 */
export function createApiClient(options: ApiClientOptions) {
  const { baseUrl, getToken, newRequestId = () => crypto.randomUUID() } = options;
  const call: ApiCall = createCall(options);

  return {
    call,
    login: (body: { username: string; password: string }, signal?: AbortSignal) =>
      call("login", { body }, signal),
    logout: async () => {
      await call("logout");
    },
    me: (signal?: AbortSignal) => call("me", {}, signal),
    refreshSession: (signal?: AbortSignal) => call("refreshSession", {}, signal),
    users: async (signal?: AbortSignal) => (await call("listUsers", {}, signal)).users,
    listCases: (params: ListCasesParams = {}, signal?: AbortSignal) =>
      call("listCases", { query: params }, signal),
    /** The delta feed after `since` (omitted: from the start of history). */
    changes: (since: string | null, limit: number, signal?: AbortSignal) =>
      call("caseChanges", { query: since ? { since, limit } : { limit } }, signal),
    getCase: (id: string, signal?: AbortSignal) => call("getCase", { params: { id } }, signal),
    /** The searchable text of cached cases, for the desk's own index. */
    searchDocuments: async (ids: string[], signal?: AbortSignal) =>
      (await call("searchDocuments", { body: { ids } }, signal)).items,
    /** Server search (every case, cached or not), with a snippet per hit. */
    search: async (q: string, limit = 50, signal?: AbortSignal) =>
      (await call("search", { query: { q, limit } }, signal)).items,
    /**
     * A desk mutation (`POST /cases/:id/<type>`). The outbox validates bodies against the contract
     * when an action is taken (`validateAction`), so what reaches this call is well-formed.
     */
    mutate: (
      id: string,
      { type, body }: DeskAction,
      { idempotencyKey, ifMatch, signal }: MutateOptions,
    ) => call(deskMutationKey(type), { params: { id }, body, idempotencyKey, ifMatch }, signal),
    /** Presence heartbeat (`open`) or leave (`closed`); not a mutation: no key, no If-Match. */
    announcePresence: (id: string, state: PresenceState, signal?: AbortSignal) =>
      call("announcePresence", { params: { id }, body: { state } }, signal),
    /**
     * The same `closed`, sent while the page goes away (tab or desk closed on an open case):
     * `keepalive` lets the request outlive the page, which axios cannot ask for. Best effort; the
     * server's expiry covers a desk that could not say it.
     */
    leavePresenceOnExit: (id: string) => {
      const token = getToken();
      void fetch(`${baseUrl}/cases/${encodeURIComponent(id)}/presence`, {
        method: "POST",
        keepalive: true,
        headers: {
          "content-type": "application/json",
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(PresenceRequest.parse({ state: "closed" })),
      }).catch(() => undefined);
    },
    /**
     * Attaches a file to the case (`POST /cases/:id/evidence`) with the SHA-256 the desk computed,
     * which the server checks against the bytes it received (422 when they differ).
     */
    uploadEvidence: (
      caseId: string,
      upload: EvidenceUpload,
      { idempotencyKey, ifMatch, signal, onProgress }: UploadOptions,
    ) =>
      call(
        "uploadEvidence",
        {
          params: { id: caseId },
          fields: { description: upload.description, sha256: upload.sha256 },
          file: upload.file,
          fileName: upload.fileName,
          idempotencyKey,
          ifMatch,
        },
        signal,
        onProgress ? { onUploadProgress: onProgress } : {},
      ),
    caseAudit: (id: string, signal?: AbortSignal) => call("caseAudit", { params: { id } }, signal),
    verifyAudit: (signal?: AbortSignal) => call("verifyAudit", {}, signal),
    evidenceMetadata: (evidenceId: string, signal?: AbortSignal) =>
      call("evidenceMetadata", { params: { id: evidenceId } }, signal),
    /** The evidence bytes; the caller verifies them against the sha256 of the metadata. */
    evidenceContent: (evidenceId: string, signal?: AbortSignal): Promise<ArrayBuffer> =>
      call("evidenceContent", { params: { id: evidenceId } }, signal),
    calendars: (signal?: AbortSignal) => call("calendars", {}, signal),
    calendarAdd: (id: RegionCalendarId, from: string, minutes: number, signal?: AbortSignal) =>
      call("calendarAdd", { params: { id }, query: { from, minutes } }, signal),
    calendarBetween: (id: RegionCalendarId, from: string, to: string, signal?: AbortSignal) =>
      call("calendarBetween", { params: { id }, query: { from, to } }, signal),
    /** URL and headers of the live event stream, read with fetch (EventSource sends no auth). */
    eventStream: () => ({
      url: `${baseUrl}/events`,
      headers: (): Record<string, string> => {
        const token = getToken();
        const headers: Record<string, string> = { [HEADERS.requestId]: newRequestId() };
        if (token) headers.Authorization = `Bearer ${token}`;
        return headers;
      },
    }),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
