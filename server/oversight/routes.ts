import type { Database } from "../db/database";
import type { ServerHandlers } from "../http/handlers";
import { oversightStats } from "./stats";

/** Supervisors' team overview (the role is checked by the contract's `roles`). */
export function oversightHandlers(db: Database) {
  return {
    oversightStats: async ({ query }) => oversightStats(db, query),
  } satisfies Pick<ServerHandlers, "oversightStats">;
}
