import type { LoginResponse } from "@shared/api/auth";
import type { FastifyInstance } from "fastify";
import type { Database } from "../db/database";
import { bearerToken } from "../http/auth";
import type { ServerHandlers } from "../http/handlers";
import { HttpProblem } from "../http/problem";
import { DatabaseFailureCounts } from "./failure-counts";
import { verifyPassword } from "./password";
import { SessionCache } from "./session-cache";
import { attachSessionCache, createSession, refreshSession, revokeSession } from "./sessions";
import { ACCOUNT_POLICY, ADDRESS_POLICY, HashGate, LoginThrottle } from "./throttle";

interface LoginRow {
  id: string;
  username: string;
  display_name: string;
  role: "agent" | "supervisor";
  password_hash: string;
}

/** Verified against when the username is unknown, so timing does not reveal which usernames exist. */
const DUMMY_HASH =
  "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

export type AuthKeys = "login" | "refreshSession" | "logout" | "me";

/** Sign-in, refresh, sign-out and "who am I"; the session cache lives as long as the app. */
export function authHandlers(app: FastifyInstance, db: Database) {
  const sessions = new SessionCache();
  attachSessionCache(db, sessions);
  app.addHook("onReady", () => sessions.start(db));
  app.addHook("onClose", () => sessions.stop());

  // In the database, so every server process on it counts the same failures.
  const throttle = new LoginThrottle(
    new DatabaseFailureCounts(db, "account", ACCOUNT_POLICY),
    new DatabaseFailureCounts(db, "address", ADDRESS_POLICY),
  );
  const hashing = new HashGate();

  return {
    login: async ({ body }, { request, reply }) => {
      // A locked account or address is answered before any hashing: guessing costs us nothing.
      const waitMs = await throttle.retryAfterMs(body.username, request.ip, Date.now());
      if (waitMs > 0) {
        const seconds = Math.ceil(waitMs / 1000);
        reply.header("retry-after", String(seconds));
        throw new HttpProblem(
          429,
          "Too many sign-in attempts",
          `Too many failed sign-ins: try again in ${seconds} s.`,
          undefined,
          { retryAfterSeconds: seconds },
        );
      }
      const [row] = await db.query<LoginRow>(
        "select id, username, display_name, role, password_hash from users where username = $1",
        [body.username],
      );
      const ok = await hashing.run(() =>
        verifyPassword(body.password, row?.password_hash ?? DUMMY_HASH),
      );
      if (ok === null) {
        reply.header("retry-after", "1");
        throw new HttpProblem(
          503,
          "Busy",
          "Too many sign-ins at once: try again in a second.",
          undefined,
          { retryAfterSeconds: 1 },
        );
      }
      if (!row || !ok) {
        await throttle.failed(body.username, request.ip, Date.now());
        throw new HttpProblem(401, "Unauthorized", "Wrong username or password.");
      }
      await throttle.succeeded(body.username);
      const session = await createSession(db, row.id);
      const response: LoginResponse = {
        token: session.token,
        expiresAt: session.expiresAt.toISOString(),
        user: { id: row.id, username: row.username, displayName: row.display_name, role: row.role },
      };
      return response;
    },

    // A desk the agent is using swaps its token for a fresh one before it expires, so a shift never
    // ends in the middle of an action. Only a valid token can be refreshed: an expired one signs in.
    refreshSession: async (_input, { request, user }) => {
      const token = bearerToken(request);
      if (!token) throw new HttpProblem(401, "Unauthorized", "Send the token to refresh.");
      const session = await refreshSession(db, token, user.id);
      const response: LoginResponse = {
        token: session.token,
        expiresAt: session.expiresAt.toISOString(),
        user,
      };
      return response;
    },

    logout: async (_input, { request }) => {
      const token = bearerToken(request);
      if (token) await revokeSession(db, token);
      return undefined;
    },

    me: async (_input, { user }) => user,
  } satisfies Pick<ServerHandlers, AuthKeys>;
}
