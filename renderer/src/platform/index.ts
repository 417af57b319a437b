import type { ArbiterBridge } from "@shared/ipc/contract";
import { createElectronPlatform } from "./electron-platform";
import type { Platform } from "./platform";
import { createWebPlatform } from "./web-platform";

declare global {
  interface Window {
    /** Present only inside the Electron shell, put there by the preload. */
    arbiter?: ArbiterBridge;
  }
}

/** Picks the host's implementation once, at start-up. */
export function detectPlatform(): Platform {
  return window.arbiter ? createElectronPlatform(window.arbiter) : createWebPlatform();
}

export type {
  CredentialStore,
  DeskNotification,
  PdfSaveResult,
  Platform,
  ReportExporter,
  SettingsPort,
} from "./platform";
