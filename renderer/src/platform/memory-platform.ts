import type { DeskCommand } from "@shared/ipc/desk-commands";
import type { DeskSettings } from "@shared/ipc/desk-settings";
import type { DeskNotification, Platform } from "./platform";

/**
 * The platform for tests: everything in memory, with what the app asked of it recorded, so a
 * test asserts "a notification was shown" without an OS or a browser.
 */
export function createMemoryPlatform(apiBaseUrl = "http://127.0.0.1:8787/api/v1") {
  let token: string | null = null;
  let settings: DeskSettings = { apiBaseUrl: null, notificationsEnabled: true, autoUpdate: false };
  const openCaseListeners = new Set<(reference: string) => void>();
  const menuListeners = new Set<(command: DeskCommand) => void>();
  const recorded = {
    notifications: [] as DeskNotification[],
    badgeCounts: [] as number[],
    openedCaseWindows: [] as string[],
    savedPdfs: [] as { fileName: string; bytes: number }[],
    relaunches: 0,
  };
  const platform: Platform = {
    kind: "test",
    apiBaseUrl: async () => apiBaseUrl,
    credentials: {
      load: async () => token,
      save: async (value) => {
        token = value;
      },
      clear: async () => {
        token = null;
      },
    },
    notify: async (notification) => {
      recorded.notifications.push(notification);
      return { shown: settings.notificationsEnabled };
    },
    setBadgeCount: async (count) => {
      recorded.badgeCounts.push(count);
    },
    openCaseWindow: async (reference) => {
      recorded.openedCaseWindows.push(reference);
    },
    windowCaseReference: async () => null,
    onOpenCaseRequested: (listener) => {
      openCaseListeners.add(listener);
      return () => openCaseListeners.delete(listener);
    },
    onMenuCommand: (listener) => {
      menuListeners.add(listener);
      return () => menuListeners.delete(listener);
    },
    reports: {
      printsPageAsFile: true,
      printPageToPdf: async (fileName) => {
        recorded.savedPdfs.push({ fileName, bytes: 0 });
        return { saved: true, filePath: `/memory/${fileName}` };
      },
      savePdf: async (fileName, data) => {
        recorded.savedPdfs.push({ fileName, bytes: data.byteLength });
        return { saved: true, filePath: `/memory/${fileName}` };
      },
    },
    settings: {
      get: async () => settings,
      set: async (patch) => {
        const restartRequired =
          patch.apiBaseUrl !== undefined && patch.apiBaseUrl !== settings.apiBaseUrl;
        settings = { ...settings, ...patch };
        return { settings, restartRequired };
      },
      relaunch: async () => {
        recorded.relaunches += 1;
      },
    },
  };
  return {
    platform,
    recorded,
    /** Plays a deep link or notification click arriving from the host. */
    requestOpenCase: (reference: string) => {
      for (const listener of openCaseListeners) listener(reference);
    },
    /** Plays a click on an application-menu item. */
    runMenuCommand: (command: DeskCommand) => {
      for (const listener of menuListeners) listener(command);
    },
  };
}
