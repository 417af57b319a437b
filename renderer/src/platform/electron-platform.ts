import { apiEndpoint } from "@shared/api/desk-config";
import type { ArbiterBridge } from "@shared/ipc/contract";
import type { Platform } from "./platform";

/** The Electron shell: everything goes over the preload bridge to the main process. */
export function createElectronPlatform(bridge: ArbiterBridge): Platform {
  let config: ReturnType<ArbiterBridge["getConfig"]> | undefined;
  const getConfig = () => {
    config ??= bridge.getConfig();
    return config;
  };
  return {
    kind: "electron",
    apiBaseUrl: async () => apiEndpoint((await getConfig()).apiBaseUrl),
    credentials: {
      load: () => bridge.loadCredentials(),
      // Not persisted means no OS keychain: the token lives in the main process for this run.
      save: async (token) => {
        await bridge.saveCredentials(token);
      },
      clear: () => bridge.clearCredentials(),
    },
    notify: (notification) => bridge.showNotification(notification),
    setBadgeCount: (count) => bridge.setBadgeCount(count),
    openCaseWindow: (reference) => bridge.openCaseWindow(reference),
    windowCaseReference: async () => (await getConfig()).caseReference,
    onOpenCaseRequested: (listener) => bridge.onOpenCase(({ reference }) => listener(reference)),
    onMenuCommand: (listener) => bridge.onMenuCommand(({ command }) => listener(command)),
    reports: {
      printsPageAsFile: true,
      printPageToPdf: (fileName) => bridge.printToPdf({ suggestedFileName: fileName }),
      savePdf: (fileName, data) => bridge.savePdf({ suggestedFileName: fileName, data }),
    },
    settings: {
      get: () => bridge.getSettings(),
      set: (patch) => bridge.setSettings(patch),
      relaunch: () => bridge.relaunch(),
    },
  };
}
