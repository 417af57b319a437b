/**
 * The `electron` module as main-process unit tests see it (`vi.mock("electron", …)`): just the
 * classes and functions our modules call, recording what they were asked. Everything under test
 * is real; only Electron itself, which cannot run here, is replaced.
 */
import { EventEmitter } from "node:events";
import type { BrowserWindowConstructorOptions } from "electron";
import { vi } from "vitest";

let nextId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly sent: { channel: string; payload: unknown }[] = [];
  loading = false;
  reload = vi.fn();
  forcefullyCrashRenderer = vi.fn();
  toggleDevTools = vi.fn();
  printToPDF = vi.fn(async () => Buffer.from("%PDF-1.7 fake"));
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown) {
    this.sent.push({ channel, payload });
  }
  isLoading() {
    return this.loading;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  static focused: FakeBrowserWindow | null = null;
  static getFocusedWindow() {
    return FakeBrowserWindow.focused;
  }
  static getAllWindows() {
    return FakeBrowserWindow.created.filter((w) => !w.destroyed);
  }
  readonly webContents = new FakeWebContents();
  readonly loadedUrls: string[] = [];
  destroyed = false;
  minimized = false;
  maximized = false;
  bounds = { x: 0, y: 0, width: 0, height: 0 };
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
  maximize = vi.fn();
  setOverlayIcon = vi.fn();
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    this.bounds = {
      x: options.x ?? 100,
      y: options.y ?? 100,
      width: options.width ?? 800,
      height: options.height ?? 600,
    };
    FakeBrowserWindow.created.push(this);
  }
  async loadURL(url: string) {
    this.loadedUrls.push(url);
  }
  isDestroyed() {
    return this.destroyed;
  }
  isMinimized() {
    return this.minimized;
  }
  isMaximized() {
    return this.maximized;
  }
  isFullScreen() {
    return false;
  }
  getNormalBounds() {
    return this.bounds;
  }
  close() {
    this.emit("close");
    this.destroyed = true;
    this.emit("closed");
  }
}

export const fakeShell = { openExternal: vi.fn(async (_url: string) => {}), openPath: vi.fn() };
export const fakeDialog = {
  showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })),
  showSaveDialog: vi.fn(),
  showErrorBox: vi.fn(),
};
export const fakeScreen = {
  getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
};

export const electronMock = {
  BrowserWindow: FakeBrowserWindow,
  shell: fakeShell,
  dialog: fakeDialog,
  screen: fakeScreen,
};

/** A fake `Session` recording the handlers the app installs on it. */
export function fakeSession() {
  const recorded: {
    permissionRequest?: (wc: unknown, permission: string, cb: (granted: boolean) => void) => void;
    permissionCheck?: (wc: unknown, permission: string) => boolean;
    devicePermission?: (details: unknown) => boolean;
    displayMedia?: (request: unknown, cb: (streams: Record<string, never>) => void) => void;
    headersReceived?: (
      details: { resourceType: string; responseHeaders?: Record<string, string[]> },
      cb: (response: { responseHeaders?: Record<string, string[]> }) => void,
    ) => void;
  } = {};
  return {
    recorded,
    session: {
      setPermissionRequestHandler: (h: NonNullable<typeof recorded.permissionRequest>) => {
        recorded.permissionRequest = h;
      },
      setPermissionCheckHandler: (h: NonNullable<typeof recorded.permissionCheck>) => {
        recorded.permissionCheck = h;
      },
      setDevicePermissionHandler: (h: NonNullable<typeof recorded.devicePermission>) => {
        recorded.devicePermission = h;
      },
      setDisplayMediaRequestHandler: (h: NonNullable<typeof recorded.displayMedia>) => {
        recorded.displayMedia = h;
      },
      webRequest: {
        onHeadersReceived: (h: NonNullable<typeof recorded.headersReceived>) => {
          recorded.headersReceived = h;
        },
      },
    },
  };
}

/** A navigation event as `will-navigate` hands it to listeners. */
export function navigationEvent(url: string) {
  return { url, preventDefault: vi.fn() };
}
