/**
 * POST /auth/refresh: an active desk swaps its valid token for a fresh one before it expires.
 * The new token lasts a full session; the old one keeps working for a minute (requests in flight)
 * and then stops. An expired or revoked token cannot be refreshed: that agent signs in again.
 */
import { LoginResponse } from "@shared/api/auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findSessionUser, REFRESH_OVERLAP_MS, SESSION_TTL_MS } from "../../server/auth/sessions";
import { ApiClient } from "../support/api";
import { BACKENDS, type Backend, openBackend } from "../support/backends";

for (const { name, skip } of BACKENDS) {
  describe.skipIf(skip !== null)(`token refresh on ${name}`, () => {
    let backend: Backend;
    beforeAll(async () => {
      backend = await openBackend(name, 2);
    });
    afterAll(async () => {
      await backend?.close();
    });

    it("issues a fresh token and gives the old one a minute's grace", async () => {
      const url = backend.server.url;
      const agent = await ApiClient.login(url, "agent1");
      const refreshed = await agent.request("POST", "/api/v1/auth/refresh");
      expect(refreshed.status).toBe(200);
      const session = LoginResponse.parse(refreshed.body);
      expect(session.token).not.toBe(agent.token);
      expect(session.user.username).toBe("agent1");
      expect(Date.parse(session.expiresAt) - Date.now()).toBeGreaterThan(SESSION_TTL_MS - 60_000);

      const fresh = new ApiClient(url, session.token);
      expect((await fresh.get("/me")).status).toBe(200);
      expect((await agent.get("/me")).status).toBe(200);
      const db = backend.server.db;
      const later = new Date(Date.now() + REFRESH_OVERLAP_MS + 1_000);
      expect(await findSessionUser(db, agent.token ?? "", later)).toBeNull();
      expect((await findSessionUser(db, session.token, later))?.username).toBe("agent1");
    });

    it("refuses to refresh a revoked or missing token", async () => {
      const url = backend.server.url;
      const agent = await ApiClient.login(url, "agent2");
      expect((await agent.request("POST", "/api/v1/auth/logout")).status).toBe(204);
      expect((await agent.request("POST", "/api/v1/auth/refresh")).status).toBe(401);
      expect((await new ApiClient(url).request("POST", "/api/v1/auth/refresh")).status).toBe(401);
    });
  });
}
