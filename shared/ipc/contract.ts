import { z } from "zod";
import { CaseReference } from "../domain/appeal";
import { DeskCommand } from "./desk-commands";
import { DeskSettings, DeskSettingsPatch } from "./desk-settings";

/**
 * Every IPC channel between the renderer and the main process, with the schema of its request
 * and of its response. The main process validates requests against these before acting; the
 * preload exposes one named function per channel and nothing else.
 *
 * Adding a channel: (1) a schema pair here, (2) a handler in `electron/main/ipc-handlers.ts`
 * (the compiler insists), (3) a named function in `ArbiterBridge` and the preload, (4) a test
 * in `test/unit/electron/ipc-handlers.test.ts`.
 */

/** A file name only (no folders), ending in `.pdf`: the save dialog proposes it, the agent decides. */
const PdfFileName = z
  .string()
  .min(5)
  .max(120)
  .regex(/^[^\\/:*?"<>|\p{Cc}]+\.pdf$/iu, "a file name ending in .pdf, without folders");

/** What happened to a PDF the agent was asked to save: the dialog can be cancelled. */
export const PdfSaveResult = z.discriminatedUnion("saved", [
  z.object({ saved: z.literal(true), filePath: z.string() }),
  z.object({ saved: z.literal(false) }),
]);

export type PdfSaveResult = z.infer<typeof PdfSaveResult>;

/** 50 MiB: a generous case report; anything larger is not a report and is refused before the disk. */
export const MAX_PDF_BYTES = 50 * 1024 * 1024;

export const IPC_CONTRACT = {
  "app:get-config": {
    request: z.undefined(),
    response: z.object({
      /** Where the desk's API lives: the embedded server on loopback, or a configured backend. */
      apiBaseUrl: z.url(),
      appVersion: z.string(),
      embeddedServer: z.boolean(),
      /** Set in a window opened for one case (second monitor); null in the main window. */
      caseReference: CaseReference.nullable(),
    }),
  },
  "app:relaunch": { request: z.undefined(), response: z.undefined() },

  /** The session token, encrypted with the OS keychain (safeStorage) in the user-data folder. */
  "credentials:load": { request: z.undefined(), response: z.string().nullable() },
  "credentials:save": {
    request: z.object({ token: z.string().min(1).max(8192) }).strict(),
    response: z.object({
      /** False where the OS offers no keychain: the token then lives in memory for this run only. */
      persisted: z.boolean(),
    }),
  },
  "credentials:clear": { request: z.undefined(), response: z.undefined() },

  "notification:show": {
    request: z
      .object({
        /** `deadline-lapsed`: a party let an evidence deadline pass (or a verification day ended). */
        kind: z.enum(["assignment", "sla-warning", "deadline-lapsed"]),
        title: z.string().min(1).max(120),
        body: z.string().max(500),
        /** Clicking the notification opens this case. */
        caseReference: CaseReference.optional(),
      })
      .strict(),
    response: z.object({
      shown: z.boolean(),
      /** Why not, when not: the agent turned them off, too many lately, or the OS has none. */
      reason: z.enum(["disabled", "rate-limited", "unsupported"]).optional(),
    }),
  },
  /** Dock/taskbar badge: how many of my cases breach their SLA. 0 clears it. */
  "badge:set": {
    request: z.object({ count: z.int().min(0).max(99_999) }).strict(),
    response: z.undefined(),
  },
  "window:open-case": {
    request: z.object({ reference: CaseReference }).strict(),
    response: z.undefined(),
  },
  /** Prints the calling window (its print stylesheet) to PDF and asks where to save it. */
  "report:print-to-pdf": {
    request: z
      .object({ suggestedFileName: PdfFileName, landscape: z.boolean().optional() })
      .strict(),
    response: PdfSaveResult,
  },
  /** Saves a PDF the renderer already has (e.g. a report the server rendered). */
  "report:save-pdf": {
    request: z
      .object({
        suggestedFileName: PdfFileName,
        data: z
          .instanceof(Uint8Array)
          .refine((bytes) => bytes.byteLength <= MAX_PDF_BYTES, "at most 50 MiB")
          .refine(
            // "%PDF-": a renderer bug must not write arbitrary bytes under a .pdf name.
            (bytes) => [0x25, 0x50, 0x44, 0x46, 0x2d].every((byte, i) => bytes[i] === byte),
            "a PDF document (starting with %PDF-)",
          ),
      })
      .strict(),
    response: PdfSaveResult,
  },
  "settings:get": { request: z.undefined(), response: DeskSettings },
  "settings:set": {
    request: DeskSettingsPatch,
    response: z.object({
      settings: DeskSettings,
      /** The backend changed: it is chosen at start-up, so the app must restart to use it. */
      restartRequired: z.boolean(),
    }),
  },
} as const;

/**
 * Events the main process sends to a window, with their payload schemas. The preload checks each
 * payload again before the renderer's listener sees it.
 */
export const IPC_EVENTS = {
  /** An `arbiter://case/AP-…` link, or a click on a notification about a case. */
  "case:open-requested": z.object({ reference: CaseReference }),
  /** A menu item was chosen; the renderer runs the command as if its key had been pressed. */
  "menu:command": z.object({ command: DeskCommand }),
} as const;

export type IpcChannel = keyof typeof IPC_CONTRACT;
export type IpcRequest<C extends IpcChannel> = z.input<(typeof IPC_CONTRACT)[C]["request"]>;
/** The request after parsing, as the main-process handler receives it. */
export type IpcParsedRequest<C extends IpcChannel> = z.output<(typeof IPC_CONTRACT)[C]["request"]>;
export type IpcResponse<C extends IpcChannel> = z.output<(typeof IPC_CONTRACT)[C]["response"]>;
export type IpcEvent = keyof typeof IPC_EVENTS;
export type IpcEventPayload<E extends IpcEvent> = z.output<(typeof IPC_EVENTS)[E]>;

type Unsubscribe = () => void;

/** What the preload puts on `window.arbiter`: named functions only, never `ipcRenderer`. */
export interface ArbiterBridge {
  getConfig(): Promise<IpcResponse<"app:get-config">>;
  relaunch(): Promise<void>;
  loadCredentials(): Promise<IpcResponse<"credentials:load">>;
  saveCredentials(token: string): Promise<IpcResponse<"credentials:save">>;
  clearCredentials(): Promise<void>;
  showNotification(
    notification: IpcRequest<"notification:show">,
  ): Promise<IpcResponse<"notification:show">>;
  setBadgeCount(count: number): Promise<void>;
  openCaseWindow(reference: string): Promise<void>;
  printToPdf(
    request: IpcRequest<"report:print-to-pdf">,
  ): Promise<IpcResponse<"report:print-to-pdf">>;
  savePdf(request: IpcRequest<"report:save-pdf">): Promise<IpcResponse<"report:save-pdf">>;
  getSettings(): Promise<IpcResponse<"settings:get">>;
  setSettings(patch: IpcRequest<"settings:set">): Promise<IpcResponse<"settings:set">>;
  onOpenCase(listener: (payload: IpcEventPayload<"case:open-requested">) => void): Unsubscribe;
  onMenuCommand(listener: (payload: IpcEventPayload<"menu:command">) => void): Unsubscribe;
}

/** Which channel each invoking bridge function calls; the preload and its test both read it. */
export const BRIDGE_CHANNELS = {
  getConfig: "app:get-config",
  relaunch: "app:relaunch",
  loadCredentials: "credentials:load",
  saveCredentials: "credentials:save",
  clearCredentials: "credentials:clear",
  showNotification: "notification:show",
  setBadgeCount: "badge:set",
  openCaseWindow: "window:open-case",
  printToPdf: "report:print-to-pdf",
  savePdf: "report:save-pdf",
  getSettings: "settings:get",
  setSettings: "settings:set",
} as const satisfies Record<
  Exclude<keyof ArbiterBridge, "onOpenCase" | "onMenuCommand">,
  IpcChannel
>;

/** Which event each subscribing bridge function listens to. */
export const BRIDGE_EVENTS = {
  onOpenCase: "case:open-requested",
  onMenuCommand: "menu:command",
} as const satisfies Record<"onOpenCase" | "onMenuCommand", IpcEvent>;
