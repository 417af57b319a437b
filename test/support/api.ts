/** A small HTTP client for integration tests: JSON in, status/headers/body out. */
import { randomUUID } from "node:crypto";

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export interface MutateOptions {
  key?: string | null;
  ifMatch?: number | string | null;
  headers?: Record<string, string>;
}

export class ApiClient {
  constructor(
    readonly baseUrl: string,
    readonly token: string | null = null,
  ) {}

  async request<T = unknown>(
    method: string,
    path: string,
    init: { body?: unknown; headers?: Record<string, string>; raw?: BodyInit } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...init.headers };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (init.body !== undefined) headers["content-type"] = "application/json";
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body: body as T };
  }

  get<T = unknown>(path: string): Promise<ApiResponse<T>> {
    return this.request<T>("GET", `/api/v1${path}`);
  }

  /** POST with a fresh Idempotency-Key unless one is given (null: none), and If-Match when given. */
  post<T = unknown>(
    path: string,
    body: unknown,
    options: MutateOptions = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.key !== null) headers["idempotency-key"] = options.key ?? randomUUID();
    if (options.ifMatch !== undefined && options.ifMatch !== null) {
      headers["if-match"] =
        typeof options.ifMatch === "number" ? `"${options.ifMatch}"` : options.ifMatch;
    }
    return this.request<T>("POST", `/api/v1${path}`, { body, headers });
  }

  async upload<T = unknown>(
    path: string,
    form: FormData,
    options: MutateOptions = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { "idempotency-key": options.key ?? randomUUID() };
    if (options.ifMatch !== undefined && options.ifMatch !== null)
      headers["if-match"] = `"${options.ifMatch}"`;
    return this.request<T>("POST", `/api/v1${path}`, { raw: form, headers });
  }

  static async login(
    baseUrl: string,
    username: string,
    password = "demo",
  ): Promise<SignedInClient> {
    const response = await new ApiClient(baseUrl).request<{ token: string }>(
      "POST",
      "/api/v1/auth/login",
      {
        body: { username, password },
      },
    );
    if (response.status !== 200) throw new Error(`login ${username} failed: ${response.status}`);
    // Built with the token it was given, so it has one.
    return new ApiClient(baseUrl, response.body.token) as SignedInClient;
  }
}

/** A client made by `ApiClient.login`: its token is known to be there. */
export type SignedInClient = ApiClient & { readonly token: string };
