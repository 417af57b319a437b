/**
 * The supervisor area's places under `#/supervisor…`, as the app router reads and writes them
 * (`app/router.ts`): the second-stage queue, "Asked to look", team oversight, the audit check,
 * canned replies and macros, a case's review and its printable report.
 */
export type SupervisorRoute =
  | { name: "second-stage" }
  | { name: "asked" }
  | { name: "oversight" }
  | { name: "audit" }
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
    default:
      return `${SUPERVISOR_HASH}/${route.name}/${encodeURIComponent(route.caseId)}`;
  }
}
