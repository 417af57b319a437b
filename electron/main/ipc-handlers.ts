import type { KeychainCredentialStore } from "./credential-store";
import type { IpcHandlers } from "./ipc";
import type { PdfSaveResult } from "./pdf-reports";
import type { SettingsStore } from "./settings-store";

export interface IpcHandlerDeps {
  backend(): { apiBaseUrl: string; embeddedServer: boolean };
  appVersion: string;
  credentials: KeychainCredentialStore;
  notifier: {
    show: IpcHandlers["notification:show"];
  };
  badge: { set(count: number): void };
  windows: {
    openCase(reference: string): unknown;
    caseReferenceOf(webContentsId: number): string | null;
  };
  reports: {
    printToPdf(
      webContentsId: number,
      request: { suggestedFileName: string; landscape?: boolean | undefined },
    ): Promise<PdfSaveResult>;
    savePdf(
      webContentsId: number,
      request: { suggestedFileName: string; data: Uint8Array },
    ): Promise<PdfSaveResult>;
  };
  settings: SettingsStore;
  relaunch(): void;
}

/**
 * The main process's side of every IPC channel. Each handler receives a request already checked
 * against the contract and a caller already checked to be one of our windows (see `ipc.ts`), so
 * it only does its job. `satisfies IpcHandlers` makes a new channel without a handler a compile
 * error.
 */
export function createIpcHandlers(deps: IpcHandlerDeps): IpcHandlers {
  return {
    "app:get-config": (_request, caller) => ({
      ...deps.backend(),
      appVersion: deps.appVersion,
      caseReference: deps.windows.caseReferenceOf(caller.webContentsId),
    }),
    "app:relaunch": () => {
      deps.relaunch();
      return undefined;
    },
    "credentials:load": () => deps.credentials.load(),
    "credentials:save": ({ token }) => ({ persisted: deps.credentials.save(token) }),
    "credentials:clear": () => {
      deps.credentials.clear();
      return undefined;
    },
    "notification:show": (request, caller) => deps.notifier.show(request, caller),
    "badge:set": ({ count }) => {
      deps.badge.set(count);
      return undefined;
    },
    "window:open-case": ({ reference }) => {
      deps.windows.openCase(reference);
      return undefined;
    },
    "report:print-to-pdf": (request, caller) =>
      deps.reports.printToPdf(caller.webContentsId, request),
    "report:save-pdf": (request, caller) => deps.reports.savePdf(caller.webContentsId, request),
    "settings:get": () => deps.settings.get(),
    "settings:set": (patch) => deps.settings.update(patch),
  } satisfies IpcHandlers;
}
