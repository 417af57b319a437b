import {
  API_CONTRACT,
  type ApiInput,
  type ApiKey,
  type ApiOutput,
  type Endpoint,
  type EndpointOf,
  fillPath,
} from "@shared/api/contract";
import { etagOf, HEADERS } from "@shared/api/headers";
import axios, { type AxiosInstance, isAxiosError } from "axios";
import { toApiError } from "./api-error";

export interface CallOptions {
  baseUrl: string;
  /** Read on every request, so signing in or out needs no new client. */
  getToken: () => string | null;
  timeoutMs?: number;
  /** Request ids (`X-Request-Id`); injectable so tests can correlate with the server's audit. */
  newRequestId?: () => string;
  /** Any 401 but sign-in's own: the session expired or was revoked (the desk asks again). */
  onUnauthorized?: () => void;
}

/** The keys a client calls and gets one answer from (the live stream has its own reader). */
export type CallableKey = {
  [K in ApiKey]: EndpointOf<K>["response"] extends { kind: "sse" } ? never : K;
}[ApiKey];

/** The input of `K` in the desk: files are `Blob`s. Optional when nothing in it is required. */
export type CallInput<K extends ApiKey> = ApiInput<K, Blob>;
/** What a call may ask of the transfer itself (uploads: how far the body has gone). */
export interface TransferOptions {
  /** Bytes of the request body sent so far, of `total` (the browser's XMLHttpRequest upload events). */
  onUploadProgress?: (sent: number, total: number) => void;
}
type CallArgs<K extends ApiKey> =
  Record<never, never> extends CallInput<K>
    ? [input?: CallInput<K>, signal?: AbortSignal, transfer?: TransferOptions]
    : [input: CallInput<K>, signal?: AbortSignal, transfer?: TransferOptions];

/** `call(key, input, signal)`: one endpoint of the contract map, its answer parsed by its schema. */
export type ApiCall = <K extends CallableKey>(
  key: K,
  ...args: CallArgs<K>
) => Promise<ApiOutput<K>>;

/** What every input may carry; each key's `CallInput` says which of these it has. */
interface LooseInput {
  params?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
  fields?: Record<string, unknown>;
  file?: Blob;
  fileName?: string;
  idempotencyKey?: string;
  ifMatch?: number;
}

/**
 * The desk's one HTTP client, generic over the contract map: the path, method, headers and
 * response schema come from the key's entry, so a server that drifts from the contract fails
 * loudly here instead of somewhere in the UI. Every failure is an `ApiError`.
 *
 * - the bearer token is read on every request; every request carries a fresh `X-Request-Id`;
 * - a request that takes longer than `timeoutMs` fails (status 0, like an unreachable server);
 * - a 401 calls `onUnauthorized` (the desk opens its sign-in dialog), except sign-in's own 401,
 *   which is a wrong password and ends no session;
 * - mutations send `Idempotency-Key` and `If-Match: "<version>"`;
 * - multipart uploads report how much of the body has been sent (`transfer.onUploadProgress`).
 */
export function createCall({
  baseUrl,
  getToken,
  timeoutMs = 15_000,
  newRequestId = () => crypto.randomUUID(),
  onUnauthorized,
}: CallOptions): ApiCall {
  const http: AxiosInstance = axios.create({ baseURL: baseUrl, timeout: timeoutMs });

  async function call(
    key: CallableKey,
    input: LooseInput = {},
    signal?: AbortSignal,
    transfer: TransferOptions = {},
  ) {
    const endpoint: Endpoint = API_CONTRACT[key];
    const headers: Record<string, string> = { [HEADERS.requestId]: newRequestId() };
    const token = getToken();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (input.idempotencyKey !== undefined) headers[HEADERS.idempotencyKey] = input.idempotencyKey;
    if (input.ifMatch !== undefined) headers[HEADERS.ifMatch] = etagOf(input.ifMatch);
    let data: unknown;
    if (endpoint.multipart) {
      const form = new FormData();
      for (const [name, value] of Object.entries(input.fields ?? {})) {
        if (value !== undefined) form.set(name, String(value));
      }
      if (input.file) form.set("file", input.file, input.fileName ?? "file");
      data = form;
    } else if (endpoint.body) {
      data = input.body ?? {};
    }
    const { response } = endpoint;
    try {
      const answer = await http.request({
        method: endpoint.method,
        url: fillPath(endpoint.path, input.params),
        params: input.query,
        data,
        headers,
        signal,
        ...(response.kind === "bytes" ? { responseType: "arraybuffer" as const } : {}),
        // Axios' browser adapter is XMLHttpRequest, whose upload events are the only progress a
        // page gets for a request body (fetch has none without streaming bodies).
        ...(transfer.onUploadProgress
          ? {
              onUploadProgress: ({ loaded, total }: { loaded: number; total?: number }) =>
                transfer.onUploadProgress?.(loaded, total ?? input.file?.size ?? loaded),
            }
          : {}),
      });
      switch (response.kind) {
        case "json":
          return response.schema.parse(answer.data);
        case "bytes":
          return answer.data as ArrayBuffer;
        default:
          return undefined;
      }
    } catch (error) {
      if (isAxiosError(error) && error.response?.status === 401 && key !== "login") {
        onUnauthorized?.();
      }
      throw toApiError(error);
    }
  }

  // One implementation for every key: the types of `ApiCall` tie each key to its input and
  // output; inside, the entry is read as the general `Endpoint`.
  return call as ApiCall;
}
