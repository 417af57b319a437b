/**
 * CORS as the desktop app meets it: the renderer at `app://desk` calls the API on another origin
 * with the mutation headers, so every such call is preflighted. Exactly the desk's origins are
 * granted (app://desk always, DESK_ORIGINS besides); any other origin gets no grant.
 */
import { DESKTOP_ORIGIN, parseOriginList } from "@shared/api/cross-origin";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readServerConfig } from "../../server/config";
import { type RunningServer, startServer } from "../../server/start";
import { ApiClient } from "../support/api";
import { BACKENDS } from "../support/backends";
import { startPostgres, type TestPostgres } from "../support/postgres";

const WEB_DESK = "https://desk.example.com";
const STRANGER = "https://evil.example.net";

function preflight(url: string, origin: string, method = "POST") {
  return fetch(url, {
    method: "OPTIONS",
    headers: {
      origin,
      "access-control-request-method": method,
      "access-control-request-headers": "authorization,content-type,idempotency-key,if-match",
    },
  });
}

const list = (value: string | null) =>
  (value ?? "")
    .split(",")
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean);

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip !== null)(`CORS on ${backend.name}`, () => {
    let postgres: TestPostgres | null = null;
    let server: RunningServer;
    let agent: ApiClient;
    let caseId: string;

    beforeAll(async () => {
      let databaseUrl: string | undefined;
      if (backend.name === "PostgreSQL") {
        postgres = await startPostgres();
        if (!postgres) throw new Error("no PostgreSQL");
        databaseUrl = await postgres.createDatabase("cors");
      }
      server = await startServer({
        port: 0,
        databaseUrl,
        demo: true,
        demoAppeals: 5,
        timerIntervalMs: 3_600_000,
        deskOrigins: [WEB_DESK],
      });
      const login = await new ApiClient(server.url).request<{ token: string }>(
        "POST",
        "/api/v1/auth/login",
        { body: { username: "agent1", password: "demo" } },
      );
      agent = new ApiClient(server.url, login.body.token);
      const page = await agent.get<{ items: { id: string }[] }>("/cases?limit=1");
      caseId = page.body.items[0]?.id ?? "";
    });
    afterAll(async () => {
      await server?.close();
      await postgres?.stop();
    });

    it("grants app://desk's preflight for a mutation with every header the desk sends", async () => {
      const response = await preflight(
        `${server.url}/api/v1/cases/${caseId}/actions/request-evidence`,
        DESKTOP_ORIGIN,
      );
      expect(response.status).toBe(204);
      expect(response.headers.get("access-control-allow-origin")).toBe(DESKTOP_ORIGIN);
      expect(list(response.headers.get("access-control-allow-methods"))).toContain("post");
      expect(list(response.headers.get("access-control-allow-headers"))).toEqual(
        expect.arrayContaining(["authorization", "content-type", "idempotency-key", "if-match"]),
      );
      expect(response.headers.get("access-control-allow-credentials")).toBeNull();
    });

    it("exposes ETag, Retry-After and X-Request-Id on the actual response", async () => {
      const response = await fetch(`${server.url}/api/v1/cases/${caseId}`, {
        headers: { origin: DESKTOP_ORIGIN, authorization: `Bearer ${agent.token}` },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get("access-control-allow-origin")).toBe(DESKTOP_ORIGIN);
      expect(list(response.headers.get("access-control-expose-headers"))).toEqual(
        expect.arrayContaining(["etag", "retry-after", "x-request-id"]),
      );
      expect(response.headers.get("vary")?.toLowerCase()).toContain("origin");
    });

    it("grants a configured web origin, and nothing to any other origin", async () => {
      const configured = await preflight(`${server.url}/api/v1/cases`, WEB_DESK, "GET");
      expect(configured.headers.get("access-control-allow-origin")).toBe(WEB_DESK);

      for (const origin of [STRANGER, "app://evil", "null", `${WEB_DESK}.evil.net`]) {
        const denied = await preflight(`${server.url}/api/v1/cases/${caseId}/actions/x`, origin);
        expect(denied.headers.get("access-control-allow-origin")).toBeNull();
        expect(denied.headers.get("access-control-allow-headers")).toBeNull();
        const read = await fetch(`${server.url}/api/v1/cases/${caseId}`, {
          headers: { origin, authorization: `Bearer ${agent.token}` },
        });
        expect(read.headers.get("access-control-allow-origin")).toBeNull();
        expect(read.headers.get("access-control-expose-headers")).toBeNull();
      }
    });

    it("grants the live event stream too, although its route writes the response itself", async () => {
      const controller = new AbortController();
      const response = await fetch(`${server.url}/api/v1/events?types=case_changed`, {
        headers: { origin: DESKTOP_ORIGIN, authorization: `Bearer ${agent.token}` },
        signal: controller.signal,
      });
      try {
        expect(response.status).toBe(200);
        expect(response.headers.get("content-type")).toContain("text/event-stream");
        expect(response.headers.get("access-control-allow-origin")).toBe(DESKTOP_ORIGIN);
      } finally {
        controller.abort();
      }
      const stranger = new AbortController();
      const denied = await fetch(`${server.url}/api/v1/events?types=case_changed`, {
        headers: { origin: STRANGER, authorization: `Bearer ${agent.token}` },
        signal: stranger.signal,
      });
      expect(denied.headers.get("access-control-allow-origin")).toBeNull();
      stranger.abort();
    });
  });
}

describe("DESK_ORIGINS", () => {
  it("takes a comma-separated list of exact origins", () => {
    const config = readServerConfig([], {
      DESK_ORIGINS: "https://desk.example.com, http://localhost:5173",
    });
    expect(config.deskOrigins).toEqual(["https://desk.example.com", "http://localhost:5173"]);
    expect(readServerConfig([], {}).deskOrigins).toEqual([]);
  });

  it("refuses anything that is not a bare origin, naming it", () => {
    for (const bad of [
      "https://desk.example.com/",
      "*",
      "https://*.example.com",
      "desk.example",
      "HTTPS://Desk.example.com",
    ]) {
      expect(parseOriginList(bad)).toHaveProperty("error");
      expect(() => readServerConfig([], { DESK_ORIGINS: bad })).toThrow(/DESK_ORIGINS/);
    }
  });
});

describe("the desktop origin", () => {
  it("is the origin the Electron shell serves the desk from", async () => {
    const { APP_ORIGIN } = await import("../../electron/main/app-protocol");
    expect(DESKTOP_ORIGIN).toBe(APP_ORIGIN);
  });
});
