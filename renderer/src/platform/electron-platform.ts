import { API_BASE } from "@shared/api/paths";
import type { ArbiterBridge } from "@shared/ipc/contract";
import type { Platform } from "./platform";
import { createSessionStorageCredentials } from "./session-storage-credentials";

/** The Electron shell: configuration comes from the main process over the preload bridge. */
export function createElectronPlatform(bridge: ArbiterBridge): Platform {
  let config: ReturnType<ArbiterBridge["getConfig"]> | undefined;
  return {
    kind: "electron",
    apiBaseUrl: async () => {
      config ??= bridge.getConfig();
      return `${(await config).apiBaseUrl.replace(/\/$/, "")}${API_BASE}`;
    },
    // The keychain-backed store (safeStorage over IPC) replaces this in the Electron shell issue.
    credentials: createSessionStorageCredentials(),
  };
}
