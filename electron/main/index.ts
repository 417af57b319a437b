/**
 * The main process: wires the modules beside this file to Electron. Each module is a plain,
 * unit-tested function; this file only decides the order things happen in at start-up.
 */
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { FOCUS_DESK_GLOBAL_SHORTCUT } from "@shared/ipc/desk-commands";
import {
  app,
  BrowserWindow,
  dialog,
  globalShortcut,
  ipcMain,
  Menu,
  Notification,
  nativeImage,
  net,
  protocol,
  safeStorage,
  session,
  shell,
  utilityProcess,
} from "electron";
import log from "electron-log/main";
import { buildMenuTemplate } from "./app-menu";
import { APP_ORIGIN, APP_SCHEME, createAppProtocolHandler } from "./app-protocol";
import { planAutoUpdate, startAutoUpdate } from "./auto-update";
import { createBadge } from "./badge";
import { contentSecurityPolicy, originOf } from "./content-security-policy";
import { createKeychainCredentialStore } from "./credential-store";
import { DEEP_LINK_SCHEME, type DeepLink, findDeepLinkInArgv } from "./deep-link";
import { createDesktopNotifier } from "./desktop-notifications";
import {
  type EmbeddedServer,
  type ForkServer,
  type SupervisedServer,
  startEmbeddedServer,
  superviseEmbeddedServer,
} from "./embedded-server";
import { registerIpcHandlers, trustOnlyOurWindows } from "./ipc";
import { createIpcHandlers } from "./ipc-handlers";
import { configureMainLogging } from "./logging";
import { chooseBackend, externalLinkHosts } from "./main-config";
import { isAppUrl, type NavigationPolicy } from "./navigation-guard";
import { createNotificationRateLimiter } from "./notification-rate-limiter";
import { createPdfReports } from "./pdf-reports";
import { secureSession } from "./session-security";
import { createSettingsStore } from "./settings-store";
import { claimSingleInstance } from "./single-instance";
import { createWindowFactory, type WindowFactory } from "./window-factory";
import { createWindowStateStore } from "./window-state";

const RENDERER_DIR = join(__dirname, "../renderer");
const PRELOAD = join(__dirname, "../preload/index.cjs");
const SERVER_ENTRY = join(__dirname, "embedded-server.cjs");
const DEV_SERVER_URL =
  !app.isPackaged && process.env.ELECTRON_RENDERER_URL ? process.env.ELECTRON_RENDERER_URL : null;

configureMainLogging(log, app.isPackaged);
// Every renderer sandboxed, whatever options a window is given.
app.enableSandbox();
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
// In development Electron runs as `electron .`; the OS must relaunch it with the app path.
if (process.defaultApp && process.argv[1])
  app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, [resolve(process.argv[1])]);
else app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);

let windows: WindowFactory | null = null;
let server: SupervisedServer | null = null;
/** A link that arrived before the queue window could take it (launch by link, macOS open-url). */
let pendingLink: DeepLink | null = findDeepLinkInArgv(process.argv);

function openLink(link: DeepLink): void {
  if (!windows) {
    pendingLink = link;
    return;
  }
  windows.sendToMain("case:open-requested", { reference: link.reference });
}

const forkUtilityProcess: ForkServer = (entry, env) => {
  const child = utilityProcess.fork(entry, [], {
    env: { ...process.env, ...env },
    serviceName: "Arbiter Desk server",
  });
  return {
    onMessage: (listener) => child.on("message", listener),
    onExit: (listener) => child.on("exit", listener),
    send: (message) => child.postMessage(message),
    kill: () => child.kill(),
  };
};

async function main(): Promise<void> {
  const isFirstInstance = claimSingleInstance(app, {
    onActivate: () => windows?.openMain(),
    onDeepLink: openLink,
  });
  if (!isFirstInstance) {
    app.quit();
    return;
  }
  await app.whenReady();
  const userData = app.getPath("userData");
  const settings = createSettingsStore(join(userData, "settings.json"));
  const choice = chooseBackend(process.env, settings.get().apiBaseUrl);

  let backend = { apiBaseUrl: "", embeddedServer: choice.kind === "embedded" };
  if (choice.kind === "remote") {
    backend.apiBaseUrl = choice.url;
    log.info(`Using the backend at ${choice.url} (from ${choice.source}).`);
  } else {
    const start = (): Promise<EmbeddedServer> =>
      startEmbeddedServer({
        fork: forkUtilityProcess,
        entry: SERVER_ENTRY,
        dataDir: join(userData, "server-data"),
        // `npm start` (unpackaged) shows the demo; an installed app only when asked for.
        demo: process.env.ARBITER_DEMO ? process.env.ARBITER_DEMO === "1" : !app.isPackaged,
      });
    server = await superviseEmbeddedServer({
      start,
      log: (message) => log.warn(message),
      // The port is new: pages re-read the config on reload; their outbox keeps unsent work.
      onRestarted: (restarted) => {
        backend = { apiBaseUrl: restarted.url, embeddedServer: true };
        for (const window of windows?.windows() ?? []) window.webContents.reload();
      },
      onGaveUp: (error) => {
        log.error("The embedded server could not be restarted:", error);
        dialog.showErrorBox(
          "Arbiter Desk",
          `The built-in server stopped and could not be restarted. Your unsent work is kept. Restart Arbiter Desk, or set a backend URL in Settings.\n\n${error.message}`,
        );
      },
    });
    backend.apiBaseUrl = server.current().url;
    log.info(`Embedded server on ${backend.apiBaseUrl}.`);
  }

  const navigation: NavigationPolicy = {
    appOrigins: DEV_SERVER_URL ? [APP_ORIGIN, originOf(DEV_SERVER_URL)] : [APP_ORIGIN],
    externalHosts: externalLinkHosts(process.env),
  };
  const csp = () =>
    contentSecurityPolicy({
      apiOrigin: originOf(backend.apiBaseUrl),
      devServerOrigin: DEV_SERVER_URL ? originOf(DEV_SERVER_URL) : null,
    });
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({
      rendererDir: RENDERER_DIR,
      fetchFile: (file) => net.fetch(pathToFileURL(file).toString()),
      contentSecurityPolicy: csp,
    }),
  );
  secureSession(session.defaultSession, csp, (message) => log.warn(message));
  // Belt and braces for any webContents the factory did not make (devtools, future code).
  app.on("web-contents-created", (_event, contents) => {
    contents.on("will-attach-webview", (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: "deny" }));
  });

  const factory = createWindowFactory({
    preloadPath: PRELOAD,
    navigation,
    windowState: createWindowStateStore(join(userData, "window-state.json")),
    devServerUrl: DEV_SERVER_URL,
    log: (message) => log.warn(message),
  });
  windows = factory;

  const badge = createBadge({
    platform: process.platform,
    setBadgeCount: (count) => app.setBadgeCount(count),
    setOverlay: (image, description) => {
      const overlay = image ? nativeImage.createFromBuffer(image) : null;
      for (const window of factory.windows()) window.setOverlayIcon(overlay, description);
    },
  });

  registerIpcHandlers(
    ipcMain,
    createIpcHandlers({
      backend: () => backend,
      appVersion: app.getVersion(),
      credentials: createKeychainCredentialStore(safeStorage, join(userData, "session.bin")),
      notifier: createDesktopNotifier({
        isSupported: () => Notification.isSupported(),
        present: ({ title, body }, onClick) => {
          const notification = new Notification({ title, body });
          notification.on("click", onClick);
          notification.show();
        },
        isEnabled: () => settings.get().notificationsEnabled,
        limiter: createNotificationRateLimiter(),
        openCase: (reference) => factory.sendToMain("case:open-requested", { reference }),
      }),
      badge,
      windows: factory,
      reports: createPdfReports({
        printPage: async (id, { landscape }) => {
          const window = factory.windowOf(id);
          if (!window) throw new Error("The window to print is gone.");
          return window.webContents.printToPDF({
            landscape,
            printBackground: true,
            pageSize: "A4",
          });
        },
        askSavePath: async (id, defaultPath) => {
          const options = { defaultPath, filters: [{ name: "PDF", extensions: ["pdf"] }] };
          const window = factory.windowOf(id);
          const result = window
            ? await dialog.showSaveDialog(window, options)
            : await dialog.showSaveDialog(options);
          return result.canceled || !result.filePath ? null : result.filePath;
        },
        defaultFolder: () => app.getPath("documents"),
      }),
      settings,
      relaunch: () => {
        app.relaunch();
        app.quit();
      },
    }),
    trustOnlyOurWindows(factory.isOurWebContents, (url) => isAppUrl(navigation, url)),
  );

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate(
        {
          runCommand: (command) => {
            const target = factory.focusedOrMain();
            if (target) factory.send(target, "menu:command", { command });
          },
          reload: () => factory.focusedOrMain()?.webContents.reload(),
          toggleDevTools: () => factory.focusedOrMain()?.webContents.toggleDevTools(),
          openLogFolder: () => void shell.openPath(app.getPath("logs")),
        },
        { platform: process.platform, appName: app.name, isPackaged: app.isPackaged },
      ),
    ),
  );
  if (!globalShortcut.register(FOCUS_DESK_GLOBAL_SHORTCUT, () => factory.openMain()))
    log.warn(`Global shortcut ${FOCUS_DESK_GLOBAL_SHORTCUT} is taken by another application.`);

  factory.openMain();
  if (pendingLink) {
    openLink(pendingLink);
    pendingLink = null;
  }
  app.on("activate", () => {
    if (BrowserWindow.getAllWindows().length === 0) factory.openMain();
  });

  void startAutoUpdate(
    planAutoUpdate({
      isPackaged: app.isPackaged,
      settingEnabled: settings.get().autoUpdate,
      feedUrl: process.env.ARBITER_UPDATE_URL,
    }),
    async () => (await import("electron-updater")).autoUpdater,
    (message) => log.info(message),
  ).catch((error: unknown) => log.error("Auto-update failed:", error));
}

app.on("window-all-closed", () => {
  if (process.platform !== "darwin") app.quit();
});
app.on("will-quit", (event) => {
  globalShortcut.unregisterAll();
  if (!server) return;
  const running = server;
  server = null;
  event.preventDefault();
  void running
    .stop()
    .catch((error: unknown) => log.error("Stopping the embedded server failed:", error))
    .finally(() => app.quit());
});

main().catch((error: unknown) => {
  log.error("Arbiter Desk failed to start:", error);
  dialog.showErrorBox("Arbiter Desk could not start", String(error));
  app.exit(1);
});
