import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { LoginResponse } from "@shared/api/auth";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createApiClient } from "../../../../renderer/src/api/api-client";
import { ApiError } from "../../../../renderer/src/api/api-error";
import { createCall } from "../../../../renderer/src/api/call";
import { createAuthStore } from "../../../../renderer/src/auth/auth-store";
import { createSupervisorApi } from "../../../../renderer/src/supervisor/supervisor-api";

const USER = {
  id: "u-super1",
  username: "super1",
  displayName: "Lan",
  role: "supervisor",
} as const;

/** What the fake server saw, and how it answers the next request. */
interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}
let seen: Seen[] = [];
let answer: (request: Seen, response: ServerResponse) => void = () => undefined;
let server: Server;
let baseUrl: string;

const json = (
  response: ServerResponse,
  status: number,
  body: unknown,
  type = "application/json",
) => {
  response.writeHead(status, { "content-type": type });
  response.end(JSON.stringify(body));
};
const problem = (status: number) => ({
  type: "https://arbiter.desk/problems/x",
  title: "Unauthorized",
  status,
  detail: "The session has expired or was signed out.",
});

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => {
      body += chunk.toString();
    });
    request.on("end", () => {
      const entry = {
        method: request.method ?? "",
        url: request.url ?? "",
        headers: request.headers,
        body,
      };
      seen.push(entry);
      answer(entry, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  seen = [];
});

describe("call(key, input, signal)", () => {
  it("reads the token on every request, sends a fresh X-Request-Id and parses with the schema", async () => {
    let token: string | null = "first-token";
    let n = 0;
    const call = createCall({ baseUrl, getToken: () => token, newRequestId: () => `req-${++n}` });
    answer = (_request, response) => json(response, 200, USER);
    expect(await call("me")).toEqual(USER);
    token = "second-token";
    await call("me");
    token = null;
    await call("me");
    expect(seen.map((s) => s.headers.authorization)).toEqual([
      "Bearer first-token",
      "Bearer second-token",
      undefined,
    ]);
    expect(seen.map((s) => s.headers["x-request-id"])).toEqual(["req-1", "req-2", "req-3"]);
    expect(seen[0]?.url).toBe("/api/v1/me");
  });

  it("fills the path, sends the query, and the mutation headers", async () => {
    const call = createCall({ baseUrl, getToken: () => "t" });
    answer = (_request, response) => json(response, 200, { calendars: [] });
    await call("calendars");
    answer = (_request, response) => json(response, 200, { minutes: 60 });
    await call("calendarBetween", {
      params: { id: "VN" },
      query: { from: "2026-01-05T01:00:00.000Z", to: "2026-01-05T02:00:00.000Z" },
    });
    expect(seen[1]?.url).toBe(
      "/api/v1/calendars/VN/between?from=2026-01-05T01:00:00.000Z&to=2026-01-05T02:00:00.000Z",
    );
    answer = (_request, response) => json(response, 404, problem(404), "application/problem+json");
    await expect(
      call("caseNotes", {
        params: { id: "c/1" },
        body: { text: "called the buyer" },
        idempotencyKey: "key-12345678",
        ifMatch: 7,
      }),
    ).rejects.toMatchObject({ status: 404 });
    const mutation = seen[2];
    expect(mutation?.method).toBe("POST");
    expect(mutation?.url).toBe("/api/v1/cases/c%2F1/notes");
    expect(mutation?.headers["idempotency-key"]).toBe("key-12345678");
    expect(mutation?.headers["if-match"]).toBe('"7"');
    expect(JSON.parse(mutation?.body ?? "")).toEqual({ text: "called the buyer" });
  });

  it("fails with one ApiError: a drifted answer, a timeout, an unreachable server", async () => {
    const call = createCall({ baseUrl, getToken: () => "t", timeoutMs: 200 });
    answer = (_request, response) => json(response, 200, { username: 42 });
    const drifted = await call("me").catch((error: unknown) => error);
    expect(drifted).toBeInstanceOf(ApiError);
    answer = () => undefined; // never answers
    const slow = await call("me").catch((error: unknown) => error);
    expect(slow).toBeInstanceOf(ApiError);
    expect((slow as ApiError).isNetworkError).toBe(true);
    const gone = createCall({ baseUrl: "http://127.0.0.1:1/api/v1", getToken: () => null });
    expect(await gone("me").catch((error: unknown) => (error as ApiError).status)).toBe(0);
  });

  it("reports a 401 as an ended session, except a wrong password at sign-in", async () => {
    const onUnauthorized = vi.fn();
    const call = createCall({ baseUrl, getToken: () => "t", onUnauthorized });
    answer = (_request, response) => json(response, 401, problem(401), "application/problem+json");
    await expect(call("login", { body: { username: "a", password: "b" } })).rejects.toMatchObject({
      status: 401,
    });
    expect(onUnauthorized).not.toHaveBeenCalled();
    await expect(call("me")).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });
});

describe("the supervisor services", () => {
  it("are thin services over the same client: a 401 opens the desk's re-auth dialog", async () => {
    const session: LoginResponse = {
      token: "s".repeat(43),
      expiresAt: "2026-12-02T08:00:00.000Z",
      user: USER,
    };
    let token: string | null = null;
    // Wired as `createServices` wires the app: the client's 401 tells the auth store.
    let onExpired: () => void = () => undefined;
    const api = createApiClient({
      baseUrl,
      getToken: () => token,
      onUnauthorized: () => onExpired(),
    });
    const credentials = {
      load: async () => null,
      save: async () => undefined,
      clear: async () => undefined,
    };
    const auth = createAuthStore({ api, credentials });
    onExpired = () => auth.getState().sessionExpired();
    auth.subscribe((state) => {
      token = state.token;
    });
    answer = (_request, response) => json(response, 200, session);
    await auth.getState().signIn("super1", "demo");
    expect(auth.getState().status).toBe("signed-in");

    const supervisor = createSupervisorApi(api.call);
    answer = (_request, response) => json(response, 401, problem(401), "application/problem+json");
    const error = await supervisor.oversight({ bucket: "day" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect(seen.at(-1)?.url).toBe("/api/v1/oversight/stats?bucket=day");
    expect(seen.at(-1)?.headers.authorization).toBe(`Bearer ${session.token}`);
    // The flag the re-auth dialog opens on; the desk (and its token) stay.
    expect(auth.getState()).toMatchObject({ status: "signed-in", isSessionExpired: true });
  });
});
