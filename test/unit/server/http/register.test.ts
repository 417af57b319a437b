import { API_CONTRACT, API_KEYS, routePath } from "@shared/api/contract";
import { API_BASE } from "@shared/api/paths";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import type { createApiHandlers } from "../../../../server/http/api-handlers";
import type { ServerHandlers } from "../../../../server/http/handlers";
import { trackedRoutes } from "../../../../server/http/register";
import { type RunningServer, startServer } from "../../../../server/start";

/** What the server assembles must be one handler per key: a key without one is a type error. */
expectTypeOf<ReturnType<typeof createApiHandlers>>().toEqualTypeOf<ServerHandlers>();
expectTypeOf<keyof ServerHandlers>().toEqualTypeOf<keyof typeof API_CONTRACT>();

describe("the server's routes are the contract map", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ port: 0, timerIntervalMs: 3_600_000, jobIntervalMs: 3_600_000 });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  it("registers every key of the map, and no API route that is not in it", () => {
    const routes = trackedRoutes(server.app);
    const api = routes.filter((route) => route.url.startsWith(API_BASE));
    const expected = API_KEYS.map((key) => ({
      key,
      method: API_CONTRACT[key].method.toUpperCase(),
      url: `${API_BASE}${routePath(API_CONTRACT[key].path)}`,
    }));
    expect(api).toEqual(expected);
    for (const { method, url } of expected) {
      expect(server.app.hasRoute({ method: method as "GET" | "POST", url }), url).toBe(true);
    }
    // Outside the API: CORS preflights (`OPTIONS *`) and the health check (in web mode also the
    // static files, not started here).
    expect(
      routes.filter((route) => !route.url.startsWith(API_BASE)).map((r) => `${r.method} ${r.url}`),
    ).toEqual(["OPTIONS *", "GET /healthz"]);
  });

  it("answers through the map: auth, roles, parsing, mutation headers, problem+json", async () => {
    const inject = (
      url: string,
      init: { method?: "GET" | "POST"; headers?: Record<string, string>; payload?: unknown } = {},
    ) =>
      server.app.inject({
        method: init.method ?? "GET",
        url: `${API_BASE}${url}`,
        ...(init.headers ? { headers: init.headers } : {}),
        ...(init.payload !== undefined ? { payload: init.payload as object } : {}),
      });
    const unauthorized = await inject("/cases");
    expect(unauthorized.statusCode).toBe(401);
    expect(unauthorized.headers["content-type"]).toContain("application/problem+json");
    expect((await inject("/openapi.json")).statusCode).toBe(200);
    const badLogin = await inject("/auth/login", { method: "POST", payload: { username: "" } });
    expect(badLogin.statusCode).toBe(400);
    expect(badLogin.json().errors.map((e: { field: string }) => e.field)).toContain(
      "body/password",
    );
    // The integration side without a service token configured: 403 for any bearer.
    const service = await inject("/integration/events", { headers: { authorization: "Bearer x" } });
    expect(service.statusCode).toBe(403);
  });
});
