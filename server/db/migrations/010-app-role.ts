import type { Migration } from "../migrate";

/**
 * Least privilege on PostgreSQL (see `server/db/roles.ts`): the app role the server runs as may
 * not write `audit_log` at all, so the one path into it must run with the owner's rights. The
 * seal of 004 becomes SECURITY DEFINER (owned by the role that ran the migrations), with a fixed
 * search path so a caller cannot slip its own `change_counter` or `audit_log` in front.
 */
export const appRole: Migration = {
  id: "010-app-role",
  sql: `
alter function journal_seal() security definer set search_path = public, pg_temp;
`,
};
