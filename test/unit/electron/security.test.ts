/**
 * The Electron security checklist, checked against what the app really does: this test starts the
 * real main process (`electron/main/index.ts`) against a recorded `electron` module and reads the
 * options, handlers and headers it installed. A regression of any item fails here.
 */
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { IPC_CONTRACT } from "@shared/ipc/contract";
import { beforeAll, describe, expect, test, vi } from "vitest";
import {
  FakeBrowserWindow,
  FakeWebContents,
  type fakeSession,
  fakeShell,
  navigationEvent,
} from "./fake-electron";

const recorded = vi.hoisted(() => ({
  privileges: [] as unknown[],
  protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
  ipcHandlers: new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>(),
  appListeners: new Map<string, ((...args: unknown[]) => void)[]>(),
  enableSandbox: 0,
  fetchedFiles: [] as string[],
}));
const session = vi.hoisted(() => ({ current: null as ReturnType<typeof fakeSession> | null }));

vi.mock("electron-log/main", () => {
  const log = {
    transports: {
      file: { maxSize: 0, level: "info", archiveLogFn: () => {} },
      console: { level: "debug" },
    },
    errorHandler: { startCatching: () => {} },
    info: () => {},
    warn: () => {},
    error: (...params: unknown[]) => console.error(...params),
  };
  return { default: log };
});

vi.mock("electron", async () => {
  const fakes = await import("./fake-electron");
  session.current = fakes.fakeSession();
  const userData = mkdtempSync(join(tmpdir(), "arbiter-security-"));
  return {
    ...fakes.electronMock,
    app: {
      isPackaged: true,
      name: "Arbiter Desk",
      enableSandbox: () => {
        recorded.enableSandbox += 1;
      },
      setAsDefaultProtocolClient: () => true,
      requestSingleInstanceLock: () => true,
      whenReady: async () => {},
      getPath: () => userData,
      getVersion: () => "0.1.0",
      setBadgeCount: () => true,
      relaunch: () => {},
      quit: () => {},
      exit: () => {},
      on: (event: string, listener: (...args: unknown[]) => void) => {
        recorded.appListeners.set(event, [...(recorded.appListeners.get(event) ?? []), listener]);
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => recorded.privileges.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
        recorded.protocolHandlers.set(scheme, handler),
    },
    net: {
      fetch: async (url: string) => {
        recorded.fetchedFiles.push(url);
        return new Response("<!doctype html>", { headers: { "Content-Type": "text/html" } });
      },
    },
    session: { defaultSession: session.current.session },
    ipcMain: {
      handle: (
        channel: string,
        handler: (event: unknown, ...args: unknown[]) => Promise<unknown>,
      ) => recorded.ipcHandlers.set(channel, handler),
    },
    Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: () => {} },
    globalShortcut: { register: () => true, unregisterAll: () => {} },
    Notification: class {
      static isSupported() {
        return true;
      }
      on() {}
      show() {}
    },
    nativeImage: { createFromBuffer: () => ({}) },
    safeStorage: {
      isEncryptionAvailable: () => false,
      encryptString: () => Buffer.alloc(0),
      decryptString: () => "",
    },
    utilityProcess: {
      fork: () => {
        throw new Error("The security test uses a remote backend; no server is forked.");
      },
    },
  };
});

let main: FakeBrowserWindow;

beforeAll(async () => {
  process.env.ARBITER_API_URL = "https://arbiter.example.com";
  process.env.ARBITER_EXTERNAL_LINK_HOSTS = "help.example.org";
  await import("../../../electron/main/index");
  await vi.waitFor(() => expect(FakeBrowserWindow.created.length).toBeGreaterThan(0));
  main = FakeBrowserWindow.created[0]!;
});

describe("windows", () => {
  test("every renderer is sandboxed, isolated, without Node, with web security on", () => {
    expect(recorded.enableSandbox).toBe(1);
    expect(main.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
    });
    expect(main.options.webPreferences?.enableBlinkFeatures ?? "").toBe("");
    expect(main.options.webPreferences?.preload).toMatch(/preload[\\/]index\.cjs$/);
  });

  test("every `new BrowserWindow` call states the security preferences literally (static scan)", () => {
    // What a scanner such as Electronegativity reads: the source, not the running object.
    const electronDir = fileURLToPath(new URL("../../../electron", import.meta.url));
    const sources = readdirSync(electronDir, { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".ts"))
      .map((file) => readFileSync(join(electronDir, file), "utf8"));
    const calls = sources.flatMap((source) =>
      [...source.matchAll(/new BrowserWindow\(([\s\S]*?)\n {4}\}\);/g)].map((m) => m[1] ?? ""),
    );
    const constructions = sources.join("\n").match(/new BrowserWindow\(/g) ?? [];
    expect(calls.length).toBeGreaterThan(0);
    expect(calls).toHaveLength(constructions.length);
    for (const call of calls) {
      const preferences = /webPreferences: \{([\s\S]*?)\}/.exec(call)?.[1] ?? "";
      for (const setting of [
        "contextIsolation: true",
        "sandbox: true",
        "nodeIntegration: false",
        "nodeIntegrationInWorker: false",
        "nodeIntegrationInSubFrames: false",
        "webSecurity: true",
        "allowRunningInsecureContent: false",
        "webviewTag: false",
        "experimentalFeatures: false",
      ]) {
        expect(preferences).toContain(setting);
      }
      expect(preferences).not.toMatch(/\.\.\./);
    }
  });

  test("the desk loads from app://desk, never file:// or a remote site", () => {
    expect(main.loadedUrls).toEqual(["app://desk/"]);
  });

  test("a case window gets the same preferences and guards", async () => {
    const openCase = recorded.ipcHandlers.get("window:open-case")!;
    await openCase(callFrom(main), { reference: "AP-000123" });
    const caseWindow = FakeBrowserWindow.created.at(-1)!;
    expect(caseWindow).not.toBe(main);
    expect(caseWindow.options.webPreferences).toEqual(main.options.webPreferences);
    expect(caseWindow.loadedUrls).toEqual(["app://desk/case/AP-000123"]);
    expect(caseWindow.webContents.windowOpenHandler).not.toBeNull();
    expect(caseWindow.webContents.listenerCount("will-navigate")).toBeGreaterThan(0);
  });
});

describe("navigation and new windows", () => {
  test("navigation away from the desk is prevented; within it allowed", () => {
    for (const url of [
      "https://evil.example.com/",
      "file:///etc/passwd",
      "http://127.0.0.1:8787/",
      "app://other/",
    ]) {
      const event = navigationEvent(url);
      main.webContents.emit("will-navigate", event, url);
      expect(event.preventDefault, url).toHaveBeenCalled();
    }
    const inside = navigationEvent("app://desk/case/AP-000001");
    main.webContents.emit("will-navigate", inside, inside.url);
    expect(inside.preventDefault).not.toHaveBeenCalled();
  });

  test("redirects are held to the same rule", () => {
    const event = navigationEvent("https://evil.example.com/");
    main.webContents.emit("will-redirect", event, event.url);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  test("no <webview> can attach", () => {
    const event = navigationEvent("");
    main.webContents.emit("will-attach-webview", event);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  test("window.open is always denied; only allowlisted https links reach the browser", () => {
    fakeShell.openExternal.mockClear();
    const open = (url: string) => main.webContents.windowOpenHandler?.({ url });
    expect(open("https://help.example.org/article")).toEqual({ action: "deny" });
    expect(open("http://help.example.org/article")).toEqual({ action: "deny" });
    expect(open("https://evil.example.com/")).toEqual({ action: "deny" });
    expect(open("https://user:pw@help.example.org/")).toEqual({ action: "deny" });
    expect(open("app://desk/")).toEqual({ action: "deny" });
    expect(fakeShell.openExternal.mock.calls).toEqual([["https://help.example.org/article"]]);
  });
});

describe("session", () => {
  test("every permission request and check is denied", () => {
    const handlers = session.current!.recorded;
    for (const permission of [
      "media",
      "geolocation",
      "notifications",
      "clipboard-read",
      "openExternal",
      "fullscreen",
    ]) {
      const callback = vi.fn();
      handlers.permissionRequest?.(main.webContents, permission, callback);
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(handlers.permissionCheck?.(main.webContents, permission), permission).toBe(false);
    }
    expect(handlers.devicePermission?.({})).toBe(false);
    const streams = vi.fn();
    handlers.displayMedia?.({}, streams);
    expect(streams).toHaveBeenCalledWith({});
  });

  test("http(s) documents get our CSP header, replacing the server's", () => {
    const callback = vi.fn();
    session.current!.recorded.headersReceived?.(
      {
        resourceType: "mainFrame",
        responseHeaders: { "content-security-policy": ["default-src *"] },
      },
      callback,
    );
    const headers = callback.mock.calls[0]?.[0].responseHeaders as Record<string, string[]>;
    expect(headers["content-security-policy"]).toBeUndefined();
    expectStrictCsp(headers["Content-Security-Policy"]?.[0] ?? "");
  });
});

describe("app:// protocol", () => {
  test("is secure and standard, and does not bypass CSP", () => {
    expect(recorded.privileges).toEqual([
      { scheme: "app", privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  test("its responses carry the CSP, with the API origin as the only other connect source", async () => {
    const handler = recorded.protocolHandlers.get("app")!;
    const response = await handler(new Request("app://desk/"));
    const csp = response.headers.get("Content-Security-Policy") ?? "";
    expectStrictCsp(csp);
    expect(csp).toContain("connect-src 'self' https://arbiter.example.com;");
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
  });

  test("paths leaving the renderer folder are not served", async () => {
    const handler = recorded.protocolHandlers.get("app")!;
    recorded.fetchedFiles.length = 0;
    for (const path of [
      "..%2f..%2fmain%2findex.cjs",
      "%2e%2e/%2e%2e/package.json",
      "..%5c..%5cx.js",
    ])
      await handler(new Request(`app://desk/${path}`));
    // Whatever is fetched lies inside the renderer build (the path is clamped, then not found).
    expect(recorded.fetchedFiles.length).toBeGreaterThan(0);
    for (const url of recorded.fetchedFiles) expect(url).toMatch(/\/electron\/renderer\//);
    const foreign = await handler(new Request("app://elsewhere/index.html"));
    expect(foreign.status).toBe(404);
    const post = await handler(new Request("app://desk/", { method: "POST" }));
    expect(post.status).toBe(405);
  });
});

describe("IPC", () => {
  test("every channel of the contract has a handler", () => {
    expect([...recorded.ipcHandlers.keys()].sort()).toEqual(Object.keys(IPC_CONTRACT).sort());
  });

  test("a webContents that is not one of our windows is refused", async () => {
    const handler = recorded.ipcHandlers.get("credentials:load")!;
    await expect(
      handler({ sender: { id: 99_999 }, senderFrame: { url: "app://desk/", parent: null } }),
    ).rejects.toThrow(/untrusted sender/);
  });

  test("our window showing a foreign page, or an iframe in it, is refused", async () => {
    const handler = recorded.ipcHandlers.get("credentials:load")!;
    const id = main.webContents.id;
    await expect(
      handler({ sender: { id }, senderFrame: { url: "https://evil.example.com/", parent: null } }),
    ).rejects.toThrow(/untrusted sender/);
    await expect(
      handler({ sender: { id }, senderFrame: { url: "app://desk/", parent: {} } }),
    ).rejects.toThrow(/untrusted sender/);
  });

  test("the app's own page is answered", async () => {
    const handler = recorded.ipcHandlers.get("app:get-config")!;
    await expect(handler(callFrom(main))).resolves.toMatchObject({
      apiBaseUrl: "https://arbiter.example.com",
      embeddedServer: false,
      caseReference: null,
    });
  });
});

describe("other contents", () => {
  test("any webContents created later also denies webviews and pop-ups", () => {
    const contents = new FakeWebContents();
    for (const listener of recorded.appListeners.get("web-contents-created") ?? [])
      listener({}, contents);
    expect(contents.windowOpenHandler?.({ url: "https://help.example.org/" })).toEqual({
      action: "deny",
    });
    const event = navigationEvent("");
    contents.emit("will-attach-webview", event);
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

function callFrom(window: FakeBrowserWindow) {
  return {
    sender: { id: window.webContents.id },
    senderFrame: { url: "app://desk/", parent: null },
  };
}

function expectStrictCsp(csp: string) {
  expect(csp).toMatch(/(^|; )default-src 'none'(;|$)/);
  expect(csp).toMatch(/(^|; )script-src 'self'(;|$)/);
  expect(csp).toMatch(/(^|; )object-src 'none'(;|$)/);
  expect(csp).toMatch(/(^|; )frame-src 'none'(;|$)/);
  expect(csp).toMatch(/(^|; )frame-ancestors 'none'(;|$)/);
  expect(csp).toMatch(/(^|; )base-uri 'none'(;|$)/);
  expect(csp).not.toContain("unsafe-eval");
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
}

describe("packaging", () => {
  test("the fuses flipped by the afterPack hook close Node and debugging doors", async () => {
    const { FUSES } = await import("../../../build/after-pack.cjs");
    const { FuseV1Options } = await import("@electron/fuses");
    expect(FUSES).toEqual({
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
      [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
    });
  });

  test("electron-builder runs that hook, packs asar, and targets nsis, dmg, AppImage and deb", async () => {
    const { readFileSync } = await import("node:fs");
    const config = readFileSync(new URL("../../../electron-builder.yml", import.meta.url), "utf8");
    expect(config).toMatch(/^afterPack: build\/after-pack\.cjs$/m);
    expect(config).toMatch(/^asar: true$/m);
    expect(config).toMatch(/^appId: com\.arbiterdesk\.desk$/m);
    for (const target of ["target: [nsis]", "target: [dmg]", "target: [AppImage, deb]"])
      expect(config).toContain(target);
  });
});
