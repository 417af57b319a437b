/**
 * The supervisor endpoints (report data, contact reveal, oversight figures, audit check, staff
 * list, dead letters and their replay) as thin services over the desk's one client (`call`), so their answers are parsed by the
 * contract's schemas, their failures are the one `ApiError`, and a 401 here opens the same
 * re-auth dialog as anywhere else. None of these go through the outbox: they read, or (the reveal)
 * must reach the server at once to be audited before anything is shown.
 */

import type { OversightQuery } from "@shared/oversight/contract";
import type { ContactRevealBody } from "@shared/reports/contract";
import type { ApiCall } from "../api/call";
import { createRoutingApi } from "../routing/routing-api";

export function createSupervisorApi(call: ApiCall) {
  return {
    reportData: (caseId: string, signal?: AbortSignal) =>
      call("caseReport", { params: { id: caseId } }, signal),
    revealContacts: (caseId: string, body: ContactRevealBody) =>
      call("revealContacts", { params: { id: caseId }, body }),
    oversight: (query: Partial<OversightQuery>, signal?: AbortSignal) =>
      call("oversightStats", { query }, signal),
    caseAudit: (caseId: string, signal?: AbortSignal) =>
      call("caseAudit", { params: { id: caseId } }, signal),
    verifyAudit: (signal?: AbortSignal) => call("verifyAudit", {}, signal),
    deadLetters: async (signal?: AbortSignal) => (await call("deadLetters", {}, signal)).items,
    replayDeadLetter: (eventId: string) => call("replayDeadLetter", { params: { eventId } }),
    users: async (signal?: AbortSignal) => (await call("listUsers", {}, signal)).users,
    /** Team presence, load and skills, and the checked reassign (the reassign dialog). */
    routing: createRoutingApi(call),
  };
}

export type SupervisorApi = ReturnType<typeof createSupervisorApi>;
