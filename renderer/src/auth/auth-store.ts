import type { User } from "@shared/domain/user";
import { createStore } from "zustand/vanilla";
import type { ApiClient } from "../api/api-client";
import { ApiError } from "../api/api-error";
import type { CredentialStore } from "../platform/platform";

/** Why signing in failed, as data: the sign-in screen words it in the agent's language. */
export type SignInError =
  | { kind: "credentials" }
  | { kind: "unreachable" }
  /** Too many failed sign-ins (429) or too many at once (503): wait this long, then try. */
  | { kind: "throttled"; retryAfterSeconds: number }
  /** Anything else; `message` is the server's problem detail, when it sent one. */
  | { kind: "other"; message: string | null };

// State
export interface AuthState {
  status: "restoring" | "signed-out" | "signing-in" | "signed-in";
  user: User | null;
  token: string | null;
  error: SignInError | null;
}

// Actions
export interface AuthActions {
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** Restores the saved session at start-up, if it is still valid. */
  restore(): Promise<void>;
}

export interface AuthDeps {
  api: Pick<ApiClient, "login" | "logout" | "me">;
  credentials: CredentialStore;
  /**
   * The last signed-in user, kept so a desk restarted while the server is unreachable opens on the
   * user's offline cache (with its pending actions) instead of the sign-in screen.
   */
  lastUser?: LastUserStore;
}

export interface LastUserStore {
  load(): User | null;
  save(user: User): void;
  clear(): void;
}

export function createAuthStore({ api, credentials, lastUser }: AuthDeps) {
  return createStore<AuthState & AuthActions>()((set, get) => ({
    status: "restoring",
    user: null,
    token: null,
    error: null,

    async signIn(username, password) {
      set({ status: "signing-in", error: null });
      try {
        const session = await api.login({ username, password });
        await credentials.save(session.token);
        lastUser?.save(session.user);
        set({ status: "signed-in", user: session.user, token: session.token });
      } catch (error) {
        set({ status: "signed-out", error: signInError(error) });
      }
    },

    async signOut() {
      if (get().token) await api.logout().catch(() => undefined);
      await credentials.clear();
      lastUser?.clear();
      set({ status: "signed-out", user: null, token: null, error: null });
    },

    async restore() {
      const token = await credentials.load();
      if (!token) return set({ status: "signed-out" });
      set({ token });
      try {
        const user = await api.me();
        lastUser?.save(user);
        set({ status: "signed-in", user });
      } catch (error) {
        // Unreachable server: keep the session and work offline; the sync engine pauses on a 401
        // once the server answers again. Any answer from the server (401…) ends the session.
        const offlineUser = lastUser?.load();
        if (error instanceof ApiError && error.isNetworkError && offlineUser) {
          return set({ status: "signed-in", user: offlineUser });
        }
        await credentials.clear();
        set({ status: "signed-out", token: null });
      }
    },
  }));
}

export type AuthStore = ReturnType<typeof createAuthStore>;

function signInError(error: unknown): SignInError {
  if (error instanceof ApiError) {
    if (error.status === 401) return { kind: "credentials" };
    if (error.status === 429 || error.status === 503) {
      const seconds = Number(error.retryAfter);
      return { kind: "throttled", retryAfterSeconds: Number.isFinite(seconds) ? seconds : 60 };
    }
    if (error.isNetworkError) return { kind: "unreachable" };
    return { kind: "other", message: error.message };
  }
  return { kind: "other", message: null };
}
