import type { Database } from "../db/database";
import type { ServerHandlers } from "../http/handlers";
import { HttpProblem } from "../http/problem";
import { loadCaseContext } from "./context";

export function caseContextHandlers(db: Database) {
  return {
    caseContext: async ({ params: { id } }) => {
      const context = await loadCaseContext(db, id);
      if (!context) throw new HttpProblem(404, "Not found", `There is no case ${id}.`);
      return context;
    },
  } satisfies Pick<ServerHandlers, "caseContext">;
}
