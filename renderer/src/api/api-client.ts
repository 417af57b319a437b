import { LoginRequest, LoginResponse } from "@shared/api/auth";
import { CasePage, type ListCasesQuery } from "@shared/api/cases";
import { User } from "@shared/domain/user";
import axios, { type AxiosInstance } from "axios";
import type { z } from "zod";
import { toApiError } from "./api-error";

export interface ApiClientOptions {
  baseUrl: string;
  /** Read on every request, so signing in or out needs no new client. */
  getToken: () => string | null;
  timeoutMs?: number;
}

/** What a list call may send: the filters of the shared query schema, in their wire form. */
export type ListCasesParams = Partial<Record<keyof ListCasesQuery, string | number>>;

/**
 * The desk's typed view of the API: every response is parsed with the shared schema, so a server
 * that drifts from the contract fails loudly here instead of somewhere in the UI.
 */
export function createApiClient({ baseUrl, getToken, timeoutMs = 15_000 }: ApiClientOptions) {
  const http: AxiosInstance = axios.create({ baseURL: baseUrl, timeout: timeoutMs });
  http.interceptors.request.use((config) => {
    const token = getToken();
    if (token) config.headers.set("Authorization", `Bearer ${token}`);
    config.headers.set("X-Request-Id", crypto.randomUUID());
    return config;
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
    listCases: (params: ListCasesParams = {}, signal?: AbortSignal) =>
      call(CasePage, http.get("/cases", { params, signal })),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
