import { createApiClient } from "../api/api-client";
import { type AuthStore, createAuthStore } from "../auth/auth-store";
import { createDeskSession, localStorageLastUser, syncApiOf } from "../desk-data";
import type { Platform } from "../platform/platform";

/** Wires the platform, the API client and the feature stores once, at start-up. */
export async function createServices(platform: Platform) {
  let token: string | null = null;
  let auth: AuthStore | null = null;
  const api = createApiClient({
    baseUrl: await platform.apiBaseUrl(),
    getToken: () => token,
    onUnauthorized: () => auth?.getState().sessionExpired(),
  });
  auth = createAuthStore({
    api,
    credentials: platform.credentials,
    lastUser: localStorageLastUser(),
  });
  auth.subscribe((state) => {
    token = state.token;
  });
  // The signed-in user's offline cache and sync engine: `desk.getState().data` is their DeskData.
  const desk = createDeskSession({ auth, api: syncApiOf(api) });
  return { platform, api, auth: auth as AuthStore, desk };
}

export type Services = Awaited<ReturnType<typeof createServices>>;
