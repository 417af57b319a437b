import type { CredentialStore } from "./platform";

const TOKEN_KEY = "arbiter.session";

/**
 * The token in sessionStorage: it survives reloads of this tab but not the browser, the closest a
 * plain page gets to the Electron keychain without leaving a long-lived secret on disk.
 */
export function createSessionStorageCredentials(
  storage: Storage = window.sessionStorage,
): CredentialStore {
  return {
    load: async () => storage.getItem(TOKEN_KEY),
    save: async (token) => storage.setItem(TOKEN_KEY, token),
    clear: async () => storage.removeItem(TOKEN_KEY),
  };
}
