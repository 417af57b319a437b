import type { PdfSaveResult as IpcPdfSaveResult } from "@shared/ipc/contract";
import type { DeskCommand } from "@shared/ipc/desk-commands";
import type { DeskSettings, DeskSettingsPatch } from "@shared/ipc/desk-settings";

/**
 * Everything the renderer needs from its host, behind one interface: the Electron shell implements
 * it over the preload bridge (`electron-platform.ts`), a plain browser over web APIs
 * (`web-platform.ts`), and tests in memory (`memory-platform.ts`).
 */
export interface Platform {
  readonly kind: "electron" | "web" | "test";
  /** Absolute base URL of the API, e.g. "http://127.0.0.1:8787/api/v1". */
  apiBaseUrl(): Promise<string>;
  /** Where the session token is kept between launches (OS keychain in Electron). */
  readonly credentials: CredentialStore;
  /** OS notifications; the host may decline (turned off, rate-limited, unsupported). */
  notify(notification: DeskNotification): Promise<{ shown: boolean }>;
  /** How many of my cases breach their SLA, on the dock/taskbar (the tab title on the web). */
  setBadgeCount(count: number): Promise<void>;
  /** Opens a case in a window of its own (a second monitor). */
  openCaseWindow(reference: string): Promise<void>;
  /** The case this window was opened for, or null for the queue window. */
  windowCaseReference(): Promise<string | null>;
  /** Deep links and notification clicks asking to open a case; returns an unsubscribe. */
  onOpenCaseRequested(listener: (reference: string) => void): () => void;
  /** Application-menu commands (the desktop shell's menu); returns an unsubscribe. */
  onMenuCommand(listener: (command: DeskCommand) => void): () => void;
  readonly reports: ReportExporter;
  /** The desktop shell's settings; null on the web, where the serving origin is the backend. */
  readonly settings: SettingsPort | null;
}

export interface CredentialStore {
  load(): Promise<string | null>;
  save(token: string): Promise<void>;
  clear(): Promise<void>;
}

export interface DeskNotification {
  kind: "assignment" | "sla-warning" | "deadline-lapsed";
  title: string;
  body: string;
  /** Clicking the notification opens this case. */
  caseReference?: string;
}

/** The IPC contract's answer; the browser answers the same shape (`saved: false` after a download). */
export type PdfSaveResult = IpcPdfSaveResult;

export interface ReportExporter {
  /**
   * Whether `printPageToPdf` writes a file the desk can name (Electron's printToPDF). A browser
   * only opens its print dialog, so there the desk renders the report's PDF itself and saves that.
   */
  readonly printsPageAsFile: boolean;
  /**
   * The current page, as its print stylesheet lays it out, saved as a PDF. In Electron the main
   * process renders and asks where to save; a browser opens its print dialog ("Save as PDF"),
   * and the outcome is unknown to the page (`saved: false`).
   */
  printPageToPdf(fileName: string): Promise<PdfSaveResult>;
  /** A PDF the renderer already holds (e.g. rendered by the server): save dialog, or download. */
  savePdf(fileName: string, data: Uint8Array<ArrayBuffer>): Promise<PdfSaveResult>;
}

export interface SettingsPort {
  get(): Promise<DeskSettings>;
  set(patch: DeskSettingsPatch): Promise<{ settings: DeskSettings; restartRequired: boolean }>;
  relaunch(): Promise<void>;
}
