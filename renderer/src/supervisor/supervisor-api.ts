/**
 * The supervisor endpoints (report data, contact reveal, oversight figures, staff list), each answer
 * parsed with its shared schema. Plain fetch: none of these go through the outbox — they read, or
 * (the reveal) must reach the server at once to be audited before anything is shown.
 */

import { AuditLog, AuditVerification } from "@shared/api/audit";
import { User } from "@shared/domain/user";
import { type OversightQuery, OversightStats } from "@shared/oversight/contract";
import {
  CaseReportData,
  type ContactRevealBody,
  ContactRevealResponse,
} from "@shared/reports/contract";
import { z } from "zod";

export interface SupervisorApiOptions {
  baseUrl(): Promise<string>;
  token(): string | null;
}

export class SupervisorApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "SupervisorApiError";
  }
}

export function createSupervisorApi({ baseUrl, token }: SupervisorApiOptions) {
  async function call<S extends z.ZodType>(
    schema: S,
    path: string,
    init: { method?: "GET" | "POST"; body?: unknown; signal?: AbortSignal } = {},
  ): Promise<z.output<S>> {
    const headers: Record<string, string> = { "x-request-id": crypto.randomUUID() };
    const bearer = token();
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    if (init.body !== undefined) headers["content-type"] = "application/json";
    let response: Response;
    try {
      response = await fetch(`${await baseUrl()}${path}`, {
        method: init.method ?? "GET",
        headers,
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
        ...(init.signal ? { signal: init.signal } : {}),
      });
    } catch (error) {
      if (init.signal?.aborted) throw init.signal.reason;
      throw new SupervisorApiError(`The server cannot be reached (${String(error)}).`, 0);
    }
    const data: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const problem = z
        .object({ title: z.string(), detail: z.string().optional() })
        .safeParse(data);
      const message = problem.success
        ? (problem.data.detail ?? problem.data.title)
        : response.statusText;
      throw new SupervisorApiError(message, response.status);
    }
    return schema.parse(data);
  }

  return {
    reportData: (caseId: string, signal?: AbortSignal) =>
      call(CaseReportData, `/cases/${encodeURIComponent(caseId)}/report`, signal ? { signal } : {}),
    revealContacts: (caseId: string, body: ContactRevealBody) =>
      call(ContactRevealResponse, `/cases/${encodeURIComponent(caseId)}/contact-reveal`, {
        method: "POST",
        body,
      }),
    oversight: (query: Partial<OversightQuery>, signal?: AbortSignal) => {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) {
        if (value !== undefined) params.set(key, String(value));
      }
      return call(OversightStats, `/oversight/stats?${params}`, signal ? { signal } : {});
    },
    caseAudit: (caseId: string, signal?: AbortSignal) =>
      call(AuditLog, `/cases/${encodeURIComponent(caseId)}/audit`, signal ? { signal } : {}),
    verifyAudit: (signal?: AbortSignal) =>
      call(AuditVerification, "/audit/verify", signal ? { signal } : {}),
    users: async (signal?: AbortSignal) =>
      (await call(z.object({ users: z.array(User) }), "/users", signal ? { signal } : {})).users,
  };
}

export type SupervisorApi = ReturnType<typeof createSupervisorApi>;
