import { createStore } from "zustand/vanilla";
import type { AuthStore } from "../../auth/auth-store";
import type { DeskData, SignOutRisk } from "../contract";
import { createDeskData } from "../create-desk-data";
import type { SyncApi } from "../sync/sync-api";

// State
export interface DeskSessionState {
  /** The signed-in user's data layer; null while signed out. */
  data: DeskData | null;
}

// Actions
export interface DeskSessionActions {
  /**
   * What signing out would lose (pending, conflicting and failed actions). The UI shows a warning
   * when `pending + conflicts > 0` and calls `signOut()` only once the agent confirmed.
   */
  signOutRisk(): Promise<SignOutRisk>;
  /** Wipes this user's cache (outbox included) and signs out. */
  signOut(): Promise<void>;
}

export type DeskSessionStore = ReturnType<typeof createDeskSession>;

/**
 * Follows the auth store: a signed-in user gets their own cache and sync loop; signing out stops
 * it. One cache per user: a different user on the same machine opens a different database.
 */
export function createDeskSession(deps: {
  auth: AuthStore;
  api: SyncApi;
  createData?: typeof createDeskData;
}) {
  const make = deps.createData ?? createDeskData;
  const store = createStore<DeskSessionState & DeskSessionActions>()((set, get) => ({
    data: null,
    async signOutRisk() {
      const data = get().data;
      return data ? data.pendingForSignOut() : { pending: 0, conflicts: 0, failed: 0, entries: [] };
    },
    async signOut() {
      const data = get().data;
      set({ data: null });
      await data?.wipe();
      await deps.auth.getState().signOut();
    },
  }));

  let wasExpired = deps.auth.getState().isSessionExpired;
  const follow = (user: { id: string } | null, status: string, isExpired: boolean) => {
    const current = store.getState().data;
    const hasSignedInAgain = wasExpired && !isExpired;
    wasExpired = isExpired;
    if (status === "signed-in" && user) {
      if (current?.userId === user.id) {
        // The same agent signed in again after a 401: their outbox resumes where it paused.
        if (hasSignedInAgain) current.resumeAfterSignIn();
        return;
      }
      // Another user: the previous one's loop stops; their database (outbox included) is kept,
      // never pushed under this user's token, and theirs again when they sign in.
      void current?.stop();
      const data = make({ userId: user.id, api: deps.api });
      store.setState({ data });
      void data.start();
    } else if (status === "signed-out" && current) {
      // Signed out elsewhere (expired token, another window): stop, keep the cache for next time.
      void current.stop();
      store.setState({ data: null });
    }
  };
  deps.auth.subscribe((state) => follow(state.user, state.status, state.isSessionExpired));
  const initial = deps.auth.getState();
  follow(initial.user, initial.status, initial.isSessionExpired);
  return store;
}
