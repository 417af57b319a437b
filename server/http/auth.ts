import type { Role, User } from "@shared/domain/user";
import type { FastifyRequest } from "fastify";
import { findSessionUser } from "../auth/sessions";
import type { Queryable } from "../db/database";
import { HttpProblem } from "./problem";

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/i.exec(header);
  return match?.[1] ?? null;
}

/** The signed-in user of this request, or a 401. With `roles`, a 403 for any other role. */
export async function requireUser(
  db: Queryable,
  request: FastifyRequest,
  roles?: readonly Role[],
): Promise<User> {
  const token = bearerToken(request);
  if (!token)
    throw new HttpProblem(
      401,
      "Unauthorized",
      "Sign in and send the token as 'Authorization: Bearer …'.",
    );
  const user = await findSessionUser(db, token);
  if (!user)
    throw new HttpProblem(401, "Unauthorized", "The session has expired or was signed out.");
  if (roles && !roles.includes(user.role)) {
    throw new HttpProblem(403, "Forbidden", `This action needs the ${roles.join(" or ")} role.`);
  }
  return user;
}
