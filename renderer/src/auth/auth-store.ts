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
  /** When the token expires (epoch ms); null when unknown (a session restored at start-up). */
  expiresAt: number | null;
  /**
   * The server answered 401 while signed in (the session expired or was revoked). The desk stays
   * on screen with everything it holds, and asks for the password again in place.
   */
  isSessionExpired: boolean;
  /** The in-place sign-in is under way / failed. */
  isReauthenticating: boolean;
  reauthError: SignInError | null;
}

// Actions
export interface AuthActions {
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** Restores the saved session at start-up, if it is still valid. */
  restore(): Promise<void>;
  /** A 401 while signed in: keep the user and their desk, ask for the password again. */
  sessionExpired(): void;
  /**
   * The in-place sign-in after a 401. The same user continues where they were (their outbox
   * resumes); a different user gets their own desk, and the previous user's cache and outbox stay
   * untouched in that user's database until they sign in again.
   */
  reauthenticate(username: string, password: string): Promise<void>;
  /** Swaps the token for a fresh one before it expires (the agent is at work). */
  refresh(): Promise<void>;
}

export interface AuthDeps {
  api: Pick<ApiClient, "login" | "logout" | "me"> & Partial<Pick<ApiClient, "refreshSession">>;
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
  /** Signs in and keeps the session (token, last user); the state it returns is the signed-in one. */
  async function openSession(username: string, password: string): Promise<Partial<AuthState>> {
    const session = await api.login({ username, password });
    await credentials.save(session.token);
    lastUser?.save(session.user);
    return {
      status: "signed-in",
      user: session.user,
      token: session.token,
      expiresAt: Date.parse(session.expiresAt),
      isSessionExpired: false,
    };
  }

  return createStore<AuthState & AuthActions>()((set, get) => ({
    status: "restoring",
    user: null,
    token: null,
    error: null,
    expiresAt: null,
    isSessionExpired: false,
    isReauthenticating: false,
    reauthError: null,

    async signIn(username, password) {
      set({ status: "signing-in", error: null });
      try {
        set(await openSession(username, password));
      } catch (error) {
        set({ status: "signed-out", error: signInError(error) });
      }
    },

    async signOut() {
      if (get().token && !get().isSessionExpired) await api.logout().catch(() => undefined);
      await credentials.clear();
      lastUser?.clear();
      set({
        status: "signed-out",
        user: null,
        token: null,
        error: null,
        expiresAt: null,
        isSessionExpired: false,
        isReauthenticating: false,
        reauthError: null,
      });
    },

    sessionExpired() {
      if (get().status !== "signed-in" || get().isSessionExpired) return;
      set({ isSessionExpired: true, reauthError: null });
    },

    async reauthenticate(username, password) {
      set({ isReauthenticating: true, reauthError: null });
      try {
        // One update: the desk session sees the user (same → resume, other → their own desk)
        // together with the token that user's requests must carry.
        set({ ...(await openSession(username, password)), isReauthenticating: false });
      } catch (error) {
        set({ isReauthenticating: false, reauthError: signInError(error) });
      }
    },

    async refresh() {
      if (get().status !== "signed-in" || get().isSessionExpired || !get().token) return;
      if (!api.refreshSession) return;
      try {
        const session = await api.refreshSession();
        // A sign-in as someone else meanwhile: this answer belongs to the old session.
        if (session.user.id !== get().user?.id) return;
        await credentials.save(session.token);
        set({ token: session.token, expiresAt: Date.parse(session.expiresAt) });
      } catch {
        // Unreachable: try again at the next check. A 401 reaches `sessionExpired` on its own.
      }
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
