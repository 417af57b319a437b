import { AuditLog, AuditVerification } from "@shared/api/audit";
import { LoginRequest, LoginResponse } from "@shared/api/auth";
import { CalendarAddResponse, CalendarBetweenResponse, CalendarList } from "@shared/api/calendars";
import { CasePage, ChangesPage, type ListCasesQuery } from "@shared/api/cases";
import { EvidenceMetadata } from "@shared/api/evidence";
import { etagOf, HEADERS } from "@shared/api/headers";
import { type MUTATIONS, type MutationName, MutationResponse } from "@shared/api/mutations";
import { CasePresence, PresenceRequest, type PresenceState } from "@shared/api/presence";
import { CaseDetail, type RegionCalendarId } from "@shared/domain/appeal";
import { User } from "@shared/domain/user";
import {
  SearchDocumentsRequest,
  SearchDocumentsResponse,
  SearchResponse,
} from "@shared/search/document";
import axios, { type AxiosInstance, isAxiosError } from "axios";
import { z } from "zod";
import { toApiError } from "./api-error";

export interface ApiClientOptions {
  baseUrl: string;
  /** Read on every request, so signing in or out needs no new client. */
  getToken: () => string | null;
  timeoutMs?: number;
  /** Request ids (`X-Request-Id`); injectable so tests can correlate with the server's audit. */
  newRequestId?: () => string;
  /** Any 401 but sign-in's own: the session expired or was revoked (the desk asks again). */
  onUnauthorized?: () => void;
}

/** What a list call may send: the filters of the shared query schema, in their wire form. */
export type ListCasesParams = Partial<Record<keyof ListCasesQuery, string | number>>;

export interface MutateOptions {
  /** Same key on every retry of one action: the server replays its first answer. */
  idempotencyKey: string;
  /** The case version the action was taken on (sent as the strong ETag `"<version>"`). */
  ifMatch: number;
  signal?: AbortSignal | undefined;
}

const UserList = z.object({ users: z.array(User) });

/** A desk mutation as the client sends it: the route's name and its body (schema input). */
export type Mutation = {
  [N in MutationName]: { type: N; body: z.input<(typeof MUTATIONS)[N]> };
}[MutationName];

/**
 * The desk's typed view of the API: every response is parsed with the shared schema, so a server
 * that drifts from the contract fails loudly here instead of somewhere in the UI. Every call takes
 * an `AbortSignal`, so a view that closes cancels what it started.
 *
 * Tokens: `refreshSession` swaps a valid token for a fresh one (the auth store does so before
 * expiry while the agent is active). A 401 surfaces as an `ApiError` with status 401 and calls
 * `onUnauthorized`; the sync engine pauses its outbox on it and resumes after the in-place
 * sign-in, so no queued action is lost to an expired token.
 */
export function createApiClient({
  baseUrl,
  getToken,
  timeoutMs = 15_000,
  newRequestId = () => crypto.randomUUID(),
  onUnauthorized,
}: ApiClientOptions) {
  const http: AxiosInstance = axios.create({ baseURL: baseUrl, timeout: timeoutMs });
  http.interceptors.request.use((config) => {
    const token = getToken();
    if (token) config.headers.set("Authorization", `Bearer ${token}`);
    config.headers.set(HEADERS.requestId, newRequestId());
    return config;
  });
  http.interceptors.response.use(undefined, (error: unknown) => {
    // A wrong password at sign-in is a 401 too, but it ends no session.
    if (
      isAxiosError(error) &&
      error.response?.status === 401 &&
      error.config?.url !== "/auth/login"
    )
      onUnauthorized?.();
    return Promise.reject(error);
  });

  async function call<S extends z.ZodType>(
    schema: S,
    request: Promise<{ data: unknown }>,
  ): Promise<z.output<S>> {
    try {
      const { data } = await request;
      return schema.parse(data);
    } catch (error) {
      throw toApiError(error);
    }
  }

  const casePath = (id: string) => `/cases/${encodeURIComponent(id)}`;

  return {
    login: (body: LoginRequest, signal?: AbortSignal) =>
      call(LoginResponse, http.post("/auth/login", LoginRequest.parse(body), { signal })),
    logout: async () => {
      try {
        await http.post("/auth/logout");
      } catch (error) {
        throw toApiError(error);
      }
    },
    me: (signal?: AbortSignal) => call(User, http.get("/me", { signal })),
    refreshSession: (signal?: AbortSignal) =>
      call(LoginResponse, http.post("/auth/refresh", undefined, { signal })),
    users: async (signal?: AbortSignal) =>
      (await call(UserList, http.get("/users", { signal }))).users,
    listCases: (params: ListCasesParams = {}, signal?: AbortSignal) =>
      call(CasePage, http.get("/cases", { params, signal })),
    /** The delta feed after `since` (omitted: from the start of history). */
    changes: (since: string | null, limit: number, signal?: AbortSignal) =>
      call(
        ChangesPage,
        http.get("/cases/changes", { params: since ? { since, limit } : { limit }, signal }),
      ),
    getCase: (id: string, signal?: AbortSignal) =>
      call(CaseDetail, http.get(casePath(id), { signal })),
    /** The searchable text of cached cases, for the desk's own index. */
    searchDocuments: async (ids: string[], signal?: AbortSignal) =>
      (
        await call(
          SearchDocumentsResponse,
          http.post("/search/documents", SearchDocumentsRequest.parse({ ids }), { signal }),
        )
      ).items,
    /**
     * A GET whose answer is parsed with `schema`: the base for small per-feature API modules
     * (`renderer/src/<feature>/<feature>-api.ts`) instead of a method here for each.
     */
    read: <S extends z.ZodType>(schema: S, path: string, signal?: AbortSignal) =>
      call(schema, http.get(path, { signal })),
    /** Server search (every case, cached or not), with a snippet per hit. */
    search: async (q: string, limit = 50, signal?: AbortSignal) =>
      (await call(SearchResponse, http.get("/search", { params: { q, limit }, signal }))).items,
    /**
     * A desk mutation (`POST /cases/:id/<type>`). The outbox validates bodies against the contract
     * when an action is taken (`validateAction`), so what reaches this call is well-formed.
     */
    mutate: (
      id: string,
      { type, body }: Mutation,
      { idempotencyKey, ifMatch, signal }: MutateOptions,
    ) =>
      call(
        MutationResponse,
        http.post(`${casePath(id)}/${type}`, body, {
          signal,
          headers: { [HEADERS.idempotencyKey]: idempotencyKey, [HEADERS.ifMatch]: etagOf(ifMatch) },
        }),
      ),
    /** Presence heartbeat (`open`) or leave (`closed`); not a mutation: no key, no If-Match. */
    announcePresence: (id: string, state: PresenceState, signal?: AbortSignal) =>
      call(
        CasePresence,
        http.post(`${casePath(id)}/presence`, PresenceRequest.parse({ state }), { signal }),
      ),
    /**
     * The same `closed`, sent while the page goes away (tab or desk closed on an open case):
     * `keepalive` lets the request outlive the page, which axios cannot ask for. Best effort; the
     * server's expiry covers a desk that could not say it.
     */
    leavePresenceOnExit: (id: string) => {
      const token = getToken();
      void fetch(`${baseUrl}${casePath(id)}/presence`, {
        method: "POST",
        keepalive: true,
        headers: {
          "content-type": "application/json",
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(PresenceRequest.parse({ state: "closed" })),
      }).catch(() => undefined);
    },
    caseAudit: (id: string, signal?: AbortSignal) =>
      call(AuditLog, http.get(`${casePath(id)}/audit`, { signal })),
    verifyAudit: (signal?: AbortSignal) =>
      call(AuditVerification, http.get("/audit/verify", { signal })),
    evidenceMetadata: (evidenceId: string, signal?: AbortSignal) =>
      call(EvidenceMetadata, http.get(`/evidence/${encodeURIComponent(evidenceId)}`, { signal })),
    /** The evidence bytes; the caller verifies them against the sha256 of the metadata. */
    evidenceContent: async (evidenceId: string, signal?: AbortSignal): Promise<ArrayBuffer> => {
      try {
        const response = await http.get<ArrayBuffer>(
          `/evidence/${encodeURIComponent(evidenceId)}/content`,
          { signal, responseType: "arraybuffer" },
        );
        return response.data;
      } catch (error) {
        throw toApiError(error);
      }
    },
    calendars: (signal?: AbortSignal) => call(CalendarList, http.get("/calendars", { signal })),
    calendarAdd: (id: RegionCalendarId, from: string, minutes: number, signal?: AbortSignal) =>
      call(
        CalendarAddResponse,
        http.get(`/calendars/${id}/add`, { params: { from, minutes }, signal }),
      ),
    calendarBetween: (id: RegionCalendarId, from: string, to: string, signal?: AbortSignal) =>
      call(
        CalendarBetweenResponse,
        http.get(`/calendars/${id}/between`, { params: { from, to }, signal }),
      ),
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
