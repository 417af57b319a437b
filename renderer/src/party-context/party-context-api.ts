import { CaseContext } from "@shared/api/case-context";
import type { ApiClient } from "../api/api-client";

/** `GET /cases/:id/context`, straight from the server: it spans cases this desk may not cache. */
export function createPartyContextApi(api: Pick<ApiClient, "read">) {
  return {
    load: (caseId: string, signal?: AbortSignal): Promise<CaseContext> =>
      api.read(CaseContext, `/cases/${encodeURIComponent(caseId)}/context`, signal),
  };
}

export type PartyContextApi = ReturnType<typeof createPartyContextApi>;
