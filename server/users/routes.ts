import type { User } from "@shared/domain/user";
import type { Database } from "../db/database";
import type { ServerHandlers } from "../http/handlers";

/** Staff directory for the desk's reassign and remand pickers. */
export function userHandlers(db: Database) {
  return {
    listUsers: async () => {
      const rows = await db.query<{
        id: string;
        username: string;
        display_name: string;
        role: User["role"];
      }>("select id, username, display_name, role from users order by username");
      const users: User[] = rows.map((r) => ({
        id: r.id,
        username: r.username,
        displayName: r.display_name,
        role: r.role,
      }));
      return { users };
    },
  } satisfies Pick<ServerHandlers, "listUsers">;
}
