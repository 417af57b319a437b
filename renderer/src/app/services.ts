import { createApiClient } from "../api/api-client";
import { createAuthStore } from "../auth/auth-store";
import type { Platform } from "../platform/platform";
import { createQueueStore } from "../queue/queue-store";

/** Wires the platform, the API client and the feature stores once, at start-up. */
export async function createServices(platform: Platform) {
  let token: string | null = null;
  const api = createApiClient({ baseUrl: await platform.apiBaseUrl(), getToken: () => token });
  const auth = createAuthStore({ api, credentials: platform.credentials });
  auth.subscribe((state) => {
    token = state.token;
  });
  const queue = createQueueStore(api);
  return { platform, api, auth, queue };
}

export type Services = Awaited<ReturnType<typeof createServices>>;
