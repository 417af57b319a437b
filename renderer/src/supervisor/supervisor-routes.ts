/**
 * The supervisor area's places under `#/supervisor…`, as the app router reads and writes them
 * (`app/router.ts`): the second-stage queue, "Asked to look", team oversight, the audit check,
 * the dead-lettered webhook deliveries, canned replies and macros, a case's review and its printable
 * report.
 */
export type SupervisorRoute =
  | { name: "second-stage" }
  | { name: "asked" }
  | { name: "oversight" }
  | { name: "audit" }
  /** Webhook deliveries to the platform that ran out of attempts, with Replay. */
  | { name: "dead-letters" }
  | { name: "replies" }
  | { name: "review"; caseId: string }
  | { name: "report"; caseId: string };

export const SUPERVISOR_HASH = "#/supervisor";

export function parseSupervisorRoute(hash: string): SupervisorRoute | null {
  if (!hash.startsWith(SUPERVISOR_HASH)) return null;
  const [, , page, id] = hash.split("/");
  if (page === "oversight") return { name: "oversight" };
  if (page === "audit") return { name: "audit" };
  if (page === "replies") return { name: "replies" };
  if (page === "asked") return { name: "asked" };
  if (page === "dead-letters") return { name: "dead-letters" };
  if (page === "review" && id) return { name: "review", caseId: decodeURIComponent(id) };
  if (page === "report" && id) return { name: "report", caseId: decodeURIComponent(id) };
  return { name: "second-stage" };
}

export function supervisorHref(route: SupervisorRoute): string {
  switch (route.name) {
    case "second-stage":
      return SUPERVISOR_HASH;
    case "oversight":
      return `${SUPERVISOR_HASH}/oversight`;
    case "audit":
      return `${SUPERVISOR_HASH}/audit`;
    case "replies":
      return `${SUPERVISOR_HASH}/replies`;
    case "asked":
      return `${SUPERVISOR_HASH}/asked`;
    case "dead-letters":
      return `${SUPERVISOR_HASH}/dead-letters`;
    default:
      return `${SUPERVISOR_HASH}/${route.name}/${encodeURIComponent(route.caseId)}`;
  }
}
