import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { app, BrowserWindow, ipcMain, net, protocol, shell, utilityProcess } from "electron";
import { APP_ORIGIN, APP_SCHEME, resolveAppPath } from "./app-protocol";
import { type EmbeddedServer, startEmbeddedServer } from "./embedded-server";
import { registerIpcHandlers } from "./ipc";
import { chooseBackend } from "./main-config";
import { mainWindowOptions } from "./window-options";

const RENDERER_DIR = join(__dirname, "../renderer");
const PRELOAD = join(__dirname, "../preload/index.cjs");
const SERVER_ENTRY = join(__dirname, "embedded-server.cjs");

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let embedded: EmbeddedServer | null = null;
const windows = new Set<BrowserWindow>();

async function resolveApiBaseUrl(): Promise<{ url: string; embedded: boolean }> {
  const backend = chooseBackend(process.env);
  if (backend.kind === "remote") return { url: backend.url, embedded: false };
  embedded = await startEmbeddedServer({
    entry: SERVER_ENTRY,
    dataDir: join(app.getPath("userData"), "server-data"),
    fork: (entry, env) => {
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
    },
  });
  return { url: embedded.url, embedded: true };
}

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(PRELOAD));
  windows.add(window);
  window.on("closed", () => windows.delete(window));
  window.once("ready-to-show", () => window.show());
  // Navigation away from the desk and pop-ups are denied; https links open in the browser.
  window.webContents.on("will-navigate", (event, url) => {
    if (!url.startsWith(APP_ORIGIN)) event.preventDefault();
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith("https://")) void shell.openExternal(url);
    return { action: "deny" };
  });
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  void window.loadURL(devUrl && !app.isPackaged ? devUrl : `${APP_ORIGIN}/`);
  return window;
}

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();
  protocol.handle(APP_SCHEME, (request) => {
    const file = resolveAppPath(RENDERER_DIR, request.url);
    return file
      ? net.fetch(pathToFileURL(file).toString())
      : new Response("Not found", { status: 404 });
  });
  app.on("web-contents-created", (_event, contents) => {
    contents.session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  });

  const api = await resolveApiBaseUrl();
  registerIpcHandlers(
    ipcMain,
    {
      "app:get-config": () => ({
        apiBaseUrl: api.url,
        appVersion: app.getVersion(),
        embeddedServer: api.embedded,
      }),
    },
    (event) => {
      const frameUrl = event.senderFrame?.url ?? "";
      const fromOurWindow = [...windows].some((w) => w.webContents.id === event.sender.id);
      return (
        fromOurWindow &&
        (frameUrl.startsWith(APP_ORIGIN) ||
          (!app.isPackaged && !!process.env.ELECTRON_RENDERER_URL))
      );
    },
  );
  createMainWindow();
  app.on("second-instance", () => {
    const [first] = windows;
    if (first) {
      if (first.isMinimized()) first.restore();
      first.focus();
    }
  });
}

app.on("window-all-closed", () => {
  if (process.platform !== "darwin") app.quit();
});
app.on("will-quit", (event) => {
  if (!embedded) return;
  const server = embedded;
  embedded = null;
  event.preventDefault();
  void server.stop().finally(() => app.quit());
});

main().catch((error: unknown) => {
  console.error("Arbiter Desk failed to start:", error);
  app.exit(1);
});
