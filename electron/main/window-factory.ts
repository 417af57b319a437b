import type { IpcEvent, IpcEventPayload } from "@shared/ipc/contract";
import { BrowserWindow, dialog, screen, shell } from "electron";
import { APP_ORIGIN } from "./app-protocol";
import { installCrashRecovery } from "./crash-recovery";
import { guardNavigation, type NavigationPolicy } from "./navigation-guard";
import { caseWindowOptions, mainWindowOptions } from "./window-options";
import {
  restoreBounds,
  trackWindowState,
  type WindowKind,
  type WindowStateStore,
} from "./window-state";

export interface WindowFactoryDeps {
  preloadPath: string;
  navigation: NavigationPolicy;
  windowState: WindowStateStore;
  /** Vite's dev server in `electron-vite dev`; null in a built app, which loads `app://desk/`. */
  devServerUrl: string | null;
  log: (message: string) => void;
}

/**
 * Every window of the desk is made here, so every one gets the same hardening: the secure
 * web preferences, the navigation guards, crash recovery, and remembered bounds. There is the
 * queue window, and any number of case windows (one per case, for a second monitor).
 */
export function createWindowFactory(deps: WindowFactoryDeps) {
  let main: BrowserWindow | null = null;
  const caseWindows = new Map<string, BrowserWindow>();
  const all = new Set<BrowserWindow>();

  const startUrl = (path: string) =>
    deps.devServerUrl ? new URL(path, deps.devServerUrl).toString() : `${APP_ORIGIN}${path}`;

  const build = (
    kind: WindowKind,
    options: Omit<Electron.BrowserWindowConstructorOptions, "webPreferences">,
  ) => {
    const restored = restoreBounds(
      deps.windowState.get(kind),
      screen.getAllDisplays().map((display) => display.workArea),
      { width: options.width ?? 1280, height: options.height ?? 800 },
    );
    // Electron's security checklist, written out here at the only place windows are made.
    const window = new BrowserWindow({
      ...options,
      ...restored.bounds,
      webPreferences: {
        preload: deps.preloadPath,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        experimentalFeatures: false,
        enableBlinkFeatures: "",
        navigateOnDragDrop: false,
        // Evidence is read, not edited: no reason for pages to run plugins.
        plugins: false,
        javascript: true,
        safeDialogs: true,
        spellcheck: true,
      },
    });
    all.add(window);
    window.on("closed", () => all.delete(window));
    if (restored.isMaximized) window.once("ready-to-show", () => window.maximize());
    // Shown once the first paint is ready, so the agent never sees a white flash.
    window.once("ready-to-show", () => window.show());
    trackWindowState(window, kind, deps.windowState);
    guardNavigation(
      window.webContents,
      deps.navigation,
      (url) => shell.openExternal(url),
      (what, url) => deps.log(`Blocked ${what}: ${url}`),
    );
    installCrashRecovery(
      window,
      async (question) =>
        window.isDestroyed()
          ? 1
          : (await dialog.showMessageBox(window, { type: "warning", ...question })).response,
      deps.log,
    );
    return window;
  };

  const reveal = (window: BrowserWindow) => {
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };

  return {
    /** The queue window: created on first call, brought forward after. */
    openMain(): BrowserWindow {
      if (main && !main.isDestroyed()) {
        reveal(main);
        return main;
      }
      const window = build("main", mainWindowOptions());
      main = window;
      window.on("closed", () => {
        if (main === window) main = null;
      });
      void window.loadURL(startUrl("/"));
      return window;
    },

    /** A case in its own window; the same case twice focuses the window it already has. */
    openCase(reference: string): BrowserWindow {
      const existing = caseWindows.get(reference);
      if (existing && !existing.isDestroyed()) {
        reveal(existing);
        return existing;
      }
      const window = build("case", caseWindowOptions(reference));
      caseWindows.set(reference, window);
      window.on("closed", () => caseWindows.delete(reference));
      void window.loadURL(startUrl(`/case/${encodeURIComponent(reference)}`));
      return window;
    },

    /** Which case a window shows, for `app:get-config`; null for the queue window. */
    caseReferenceOf(webContentsId: number): string | null {
      for (const [reference, window] of caseWindows)
        if (!window.isDestroyed() && window.webContents.id === webContentsId) return reference;
      return null;
    },

    isOurWebContents(webContentsId: number): boolean {
      return [...all].some((w) => !w.isDestroyed() && w.webContents.id === webContentsId);
    },

    windowOf(webContentsId: number): BrowserWindow | null {
      return [...all].find((w) => !w.isDestroyed() && w.webContents.id === webContentsId) ?? null;
    },

    /** The window the agent is looking at, else the queue window. */
    focusedOrMain(): BrowserWindow | null {
      const focused = BrowserWindow.getFocusedWindow();
      if (focused && all.has(focused)) return focused;
      return main && !main.isDestroyed() ? main : null;
    },

    /** Sends an event to the queue window (opening it if closed) and brings it forward. */
    sendToMain<E extends IpcEvent>(event: E, payload: IpcEventPayload<E>): void {
      const window = this.openMain();
      reveal(window);
      // A window still loading would miss the event: deliver it once the page is there.
      if (window.webContents.isLoading())
        window.webContents.once("did-finish-load", () => window.webContents.send(event, payload));
      else window.webContents.send(event, payload);
    },

    send<E extends IpcEvent>(window: BrowserWindow, event: E, payload: IpcEventPayload<E>): void {
      if (!window.isDestroyed()) window.webContents.send(event, payload);
    },

    windows(): BrowserWindow[] {
      return [...all].filter((w) => !w.isDestroyed());
    },
  };
}

export type WindowFactory = ReturnType<typeof createWindowFactory>;
