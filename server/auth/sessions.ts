import { createHash, randomBytes } from "node:crypto";
import type { User } from "@shared/domain/user";
import type { Queryable } from "../db/database";
import { SESSIONS_CHANNEL, type SessionCache } from "./session-cache";

/** The session cache of each database the app serves (set up by the auth routes). */
const caches = new WeakMap<Queryable, SessionCache>();

export function attachSessionCache(db: Queryable, cache: SessionCache): void {
  caches.set(db, cache);
}

/** A desk session lasts one long shift; the desk signs in again after that. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** Only the hash of a token is stored, so a leaked sessions table grants nothing. */
export function hashToken(token: string): string {
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
  expires_at: Date;
}

export async function findSessionUser(
  db: Queryable,
  token: string,
  now = new Date(),
): Promise<User | null> {
  const tokenHash = hashToken(token);
  const cache = caches.get(db);
  const cached = cache?.get(tokenHash, now.getTime());
  if (cached) return cached;
  const rows = await db.query<UserRow>(
    `select u.id, u.username, u.display_name, u.role, s.expires_at
       from sessions s join users u on u.id = s.user_id
      where s.token_hash = $1 and s.revoked_at is null and s.expires_at > $2`,
    [tokenHash, now],
  );
  const row = rows[0];
  if (!row) return null;
  const user: User = {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
  };
  cache?.remember(tokenHash, user, new Date(row.expires_at).getTime(), now.getTime());
  return user;
}

export async function revokeSession(db: Queryable, token: string, now = new Date()): Promise<void> {
  const tokenHash = hashToken(token);
  caches.get(db)?.forget(tokenHash);
  // The NOTIFY tells every server process (this one included) to drop the cached session.
  await db.query(
    `with revoked as (
       update sessions set revoked_at = $2 where token_hash = $1 and revoked_at is null
     ) select pg_notify($3, $1)`,
    [tokenHash, now, SESSIONS_CHANNEL],
  );
}

/** How long a token replaced by a refresh keeps working, so requests already in flight finish. */
export const REFRESH_OVERLAP_MS = 60_000;

/**
 * A new session for the same user (a fresh 12 hours), the old token cut to a minute's grace.
 * The caller has checked the old token is valid.
 */
export async function refreshSession(
  db: Queryable,
  token: string,
  userId: string,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const fresh = await createSession(db, userId, now);
  const tokenHash = hashToken(token);
  caches.get(db)?.forget(tokenHash);
  await db.query(
    `with cut as (
       update sessions set expires_at = least(expires_at, $2) where token_hash = $1
     ) select pg_notify($3, $1)`,
    [tokenHash, new Date(now.getTime() + REFRESH_OVERLAP_MS), SESSIONS_CHANNEL],
  );
  return fresh;
}

/**
 * The live session behind a token hash, with its expiry: what a long-lived stream needs to close
 * itself when the session ends. Read from the database, never the cache (streams open rarely).
 */
export async function sessionByHash(
  db: Queryable,
  tokenHash: string,
  now = new Date(),
): Promise<{ user: User; tokenHash: string; expiresAt: Date } | null> {
  const [row] = await db.query<UserRow>(
    `select u.id, u.username, u.display_name, u.role, s.expires_at
       from sessions s join users u on u.id = s.user_id
      where s.token_hash = $1 and s.revoked_at is null and s.expires_at > $2`,
    [tokenHash, now],
  );
  if (!row) return null;
  return {
    user: { id: row.id, username: row.username, displayName: row.display_name, role: row.role },
    tokenHash,
    expiresAt: new Date(row.expires_at),
  };
}
