import type { CaseContext } from "@shared/api/case-context";
import type { ApiCall } from "../api/call";

/** `GET /cases/:id/context`, straight from the server: it spans cases this desk may not cache. */
export function createPartyContextApi(api: { call: ApiCall }) {
  return {
    load: (caseId: string, signal?: AbortSignal): Promise<CaseContext> =>
      api.call("caseContext", { params: { id: caseId } }, signal),
  };
}

export type PartyContextApi = ReturnType<typeof createPartyContextApi>;
