import { createHash, randomBytes } from "node:crypto";
import type { User } from "@shared/domain/user";
import type { Queryable } from "../db/database";

/** A desk session lasts one long shift; the desk signs in again after that. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** Only the hash of a token is stored, so a leaked sessions table grants nothing. */
function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function createSession(db: Queryable, userId: string, now = new Date()) {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await db.query(
    "insert into sessions (token_hash, user_id, created_at, expires_at) values ($1, $2, $3, $4)",
    [hashToken(token), userId, now, expiresAt],
  );
  return { token, expiresAt };
}

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: User["role"];
}

export async function findSessionUser(
  db: Queryable,
  token: string,
  now = new Date(),
): Promise<User | null> {
  const rows = await db.query<UserRow>(
    `select u.id, u.username, u.display_name, u.role
       from sessions s join users u on u.id = s.user_id
      where s.token_hash = $1 and s.revoked_at is null and s.expires_at > $2`,
    [hashToken(token), now],
  );
  const row = rows[0];
  return row
    ? { id: row.id, username: row.username, displayName: row.display_name, role: row.role }
    : null;
}

export async function revokeSession(db: Queryable, token: string, now = new Date()): Promise<void> {
  await db.query(
    "update sessions set revoked_at = $2 where token_hash = $1 and revoked_at is null",
    [hashToken(token), now],
  );
}
