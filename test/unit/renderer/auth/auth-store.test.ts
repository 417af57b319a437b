import type { LoginResponse } from "@shared/api/auth";
import { describe, expect, test, vi } from "vitest";
import { ApiError } from "../../../../renderer/src/api/api-error";
import { createAuthStore } from "../../../../renderer/src/auth/auth-store";
import type { CredentialStore } from "../../../../renderer/src/platform/platform";

const USER = { id: "u-agent1", username: "agent1", displayName: "Mai Anh", role: "agent" } as const;
const SESSION: LoginResponse = {
  token: "t".repeat(43),
  expiresAt: "2026-11-24T01:00:00.000Z",
  user: USER,
};

function memoryCredentials(
  initial: string | null = null,
): CredentialStore & { value: string | null } {
  const store = {
    value: initial,
    load: async () => store.value,
    save: async (token: string) => {
      store.value = token;
    },
    clear: async () => {
      store.value = null;
    },
  };
  return store;
}

describe("auth store", () => {
  test("signing in keeps the token and the user", async () => {
    const credentials = memoryCredentials();
    const api = { login: vi.fn(async () => SESSION), logout: vi.fn(), me: vi.fn() };
    const store = createAuthStore({ api, credentials });
    await store.getState().signIn("agent1", "demo");
    expect(store.getState()).toMatchObject({
      status: "signed-in",
      user: USER,
      token: SESSION.token,
      error: null,
    });
    expect(credentials.value).toBe(SESSION.token);
    expect(api.login).toHaveBeenCalledWith({ username: "agent1", password: "demo" });
  });

  test("a wrong password says so and stores nothing", async () => {
    const credentials = memoryCredentials();
    const api = {
      login: vi.fn(async () => {
        throw new ApiError("Wrong username or password.", 401, null);
      }),
      logout: vi.fn(),
      me: vi.fn(),
    };
    const store = createAuthStore({ api, credentials });
    await store.getState().signIn("agent1", "nope");
    expect(store.getState()).toMatchObject({
      status: "signed-out",
      error: { kind: "credentials" },
      token: null,
    });
    expect(credentials.value).toBeNull();
  });

  test("an unreachable server is told apart from a wrong password", async () => {
    const api = {
      login: vi.fn(async () => {
        throw new ApiError("The server cannot be reached.", 0, null);
      }),
      logout: vi.fn(),
      me: vi.fn(),
    };
    const store = createAuthStore({ api, credentials: memoryCredentials() });
    await store.getState().signIn("agent1", "demo");
    expect(store.getState().error).toEqual({ kind: "unreachable" });
  });

  test("restore keeps a valid saved session and drops an expired one", async () => {
    const valid = createAuthStore({
      api: { login: vi.fn(), logout: vi.fn(), me: vi.fn(async () => USER) },
      credentials: memoryCredentials("saved-token"),
    });
    await valid.getState().restore();
    expect(valid.getState()).toMatchObject({
      status: "signed-in",
      user: USER,
      token: "saved-token",
    });

    const credentials = memoryCredentials("expired-token");
    const expired = createAuthStore({
      api: {
        login: vi.fn(),
        logout: vi.fn(),
        me: vi.fn(async () => {
          throw new ApiError("expired", 401, null);
        }),
      },
      credentials,
    });
    await expired.getState().restore();
    expect(expired.getState()).toMatchObject({ status: "signed-out", token: null });
    expect(credentials.value).toBeNull();
  });

  test("signing out revokes the session on the server and forgets it locally", async () => {
    const credentials = memoryCredentials();
    const api = {
      login: vi.fn(async () => SESSION),
      logout: vi.fn(async () => undefined),
      me: vi.fn(),
    };
    const store = createAuthStore({ api, credentials });
    await store.getState().signIn("agent1", "demo");
    await store.getState().signOut();
    expect(api.logout).toHaveBeenCalledOnce();
    expect(store.getState()).toMatchObject({ status: "signed-out", user: null, token: null });
    expect(credentials.value).toBeNull();
  });

  test("a 401 keeps the user signed in and asks again; a wrong password there changes nothing", async () => {
    const credentials = memoryCredentials();
    const login = vi.fn(async () => SESSION);
    const store = createAuthStore({ api: { login, logout: vi.fn(), me: vi.fn() }, credentials });
    await store.getState().signIn("agent1", "demo");
    store.getState().sessionExpired();
    expect(store.getState()).toMatchObject({
      status: "signed-in",
      user: USER,
      isSessionExpired: true,
    });
    login.mockRejectedValueOnce(new ApiError("Wrong username or password.", 401, null));
    await store.getState().reauthenticate("agent1", "nope");
    expect(store.getState()).toMatchObject({
      isSessionExpired: true,
      reauthError: { kind: "credentials" },
      user: USER,
    });
    const renewed = { ...SESSION, token: "r".repeat(43) };
    login.mockResolvedValueOnce(renewed);
    await store.getState().reauthenticate("agent1", "demo");
    expect(store.getState()).toMatchObject({
      status: "signed-in",
      user: USER,
      token: renewed.token,
      isSessionExpired: false,
      reauthError: null,
    });
    expect(credentials.value).toBe(renewed.token);
  });

  test("a refresh swaps the token, and is dropped if another user signed in meanwhile", async () => {
    const credentials = memoryCredentials();
    const fresh = { ...SESSION, token: "f".repeat(43), expiresAt: "2026-11-24T13:00:00.000Z" };
    const refreshSession = vi.fn(async () => fresh);
    const api = { login: vi.fn(async () => SESSION), logout: vi.fn(), me: vi.fn(), refreshSession };
    const store = createAuthStore({ api, credentials });
    await store.getState().signIn("agent1", "demo");
    await store.getState().refresh();
    expect(store.getState().token).toBe(fresh.token);
    expect(store.getState().expiresAt).toBe(Date.parse(fresh.expiresAt));
    const other = { ...fresh, token: "o".repeat(43), user: { ...USER, id: "u-agent2" } };
    refreshSession.mockResolvedValueOnce(other);
    await store.getState().refresh();
    expect(store.getState().token).toBe(fresh.token);
  });
});
