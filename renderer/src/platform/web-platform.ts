import { API_BASE } from "@shared/api/paths";
import type { Platform } from "./platform";
import { createSessionStorageCredentials } from "./session-storage-credentials";

/** Web mode: the page is served by the API server itself, so the API is same-origin. */
export function createWebPlatform(origin: string = window.location.origin): Platform {
  return {
    kind: "web",
    apiBaseUrl: async () => `${origin}${API_BASE}`,
    credentials: createSessionStorageCredentials(),
  };
}
