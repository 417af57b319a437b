import { API_BASE } from "@shared/api/paths";
import type { User } from "@shared/domain/user";
import type { FastifyInstance } from "fastify";
import type { Database } from "../db/database";
import { requireUser } from "../http/auth";

/** Staff directory for the desk's reassign and remand pickers. */
export function registerUserRoutes(app: FastifyInstance, db: Database): void {
  app.get(`${API_BASE}/users`, async (request) => {
    await requireUser(db, request);
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
  });
}
