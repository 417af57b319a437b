/**
 * Routing on the desk's one client: the presence heartbeat, the team as routing sees it, a
 * supervisor's change to one agent, and the reassign a supervisor confirms in the dialog. The
 * reassign goes straight to the server rather than through the outbox: the server's checks
 * (skills, capacity, four-eyes) must answer while the supervisor is still looking, so a refusal
 * is explained in the dialog instead of surfacing later as a failed queued action.
 */
import type { DeskPresenceState, RoutingAgentUpdate } from "@shared/api/routing";
import type { ApiCall } from "../api/call";

export function createRoutingApi(call: ApiCall) {
  return {
    heartbeat: (state: DeskPresenceState, signal?: AbortSignal) =>
      call("routingHeartbeat", { body: { state } }, signal),
    team: (signal?: AbortSignal) => call("routingAgents", {}, signal),
    updateAgent: (id: string, body: RoutingAgentUpdate) =>
      call("routingUpdateAgent", { params: { id }, body }),
    reassign: (
      caseId: string,
      version: number,
      body: { assignee: string; confirmOverCapacity?: boolean },
    ) =>
      call("caseReassign", {
        params: { id: caseId },
        body,
        ifMatch: version,
        idempotencyKey: crypto.randomUUID(),
      }),
  };
}

export type RoutingApi = ReturnType<typeof createRoutingApi>;
