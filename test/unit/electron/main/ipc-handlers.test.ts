import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { IPC_CONTRACT } from "@shared/ipc/contract";
import { describe, expect, test, vi } from "vitest";
import { createBadge } from "../../../../electron/main/badge";
import {
  createKeychainCredentialStore,
  type SafeStorageLike,
} from "../../../../electron/main/credential-store";
import { createDesktopNotifier } from "../../../../electron/main/desktop-notifications";
import type { IpcCaller } from "../../../../electron/main/ipc";
import { createIpcHandlers, type IpcHandlerDeps } from "../../../../electron/main/ipc-handlers";
import { createNotificationRateLimiter } from "../../../../electron/main/notification-rate-limiter";
import { createPdfReports } from "../../../../electron/main/pdf-reports";
import { createSettingsStore } from "../../../../electron/main/settings-store";

const caller: IpcCaller = { webContentsId: 4, frameUrl: "app://desk/", isMainFrame: true };
const tempDir = () => mkdtempSync(join(tmpdir(), "arbiter-ipc-"));

/** A keychain that "encrypts" by reversing and tagging, so the file never holds the token as is. */
function fakeKeychain(options: { available?: boolean; backend?: string } = {}): SafeStorageLike {
  return {
    isEncryptionAvailable: () => options.available ?? true,
    getSelectedStorageBackend: () => options.backend ?? "gnome_libsecret",
    encryptString: (text) => Buffer.from(`enc:${[...text].reverse().join("")}`),
    decryptString: (bytes) => {
      const text = bytes.toString();
      if (!text.startsWith("enc:")) throw new Error("cannot decrypt");
      return [...text.slice(4)].reverse().join("");
    },
  };
}

function handlersWith(overrides: Partial<IpcHandlerDeps> = {}) {
  const dir = tempDir();
  const deps: IpcHandlerDeps = {
    backend: () => ({ apiBaseUrl: "http://127.0.0.1:5000", embeddedServer: true }),
    appVersion: "0.1.0",
    credentials: createKeychainCredentialStore(fakeKeychain(), join(dir, "session.bin")),
    notifier: { show: () => ({ shown: true }) },
    badge: { set: vi.fn() },
    windows: { openCase: vi.fn(), caseReferenceOf: (id) => (id === 9 ? "AP-000009" : null) },
    reports: { printToPdf: vi.fn(), savePdf: vi.fn() },
    settings: createSettingsStore(join(dir, "settings.json")),
    relaunch: vi.fn(),
    ...overrides,
  };
  return { handlers: createIpcHandlers(deps), deps, dir };
}

describe("app:get-config", () => {
  test("tells a window the backend, the version, and its case", async () => {
    const { handlers } = handlersWith();
    expect(await handlers["app:get-config"](undefined, caller)).toEqual({
      apiBaseUrl: "http://127.0.0.1:5000",
      appVersion: "0.1.0",
      embeddedServer: true,
      caseReference: null,
    });
    expect(
      (await handlers["app:get-config"](undefined, { ...caller, webContentsId: 9 })).caseReference,
    ).toBe("AP-000009");
  });
});

describe("credentials (safeStorage)", () => {
  test("save, load and clear round-trip through an encrypted file", async () => {
    const { handlers, dir } = handlersWith();
    expect(await handlers["credentials:load"](undefined, caller)).toBeNull();
    expect(await handlers["credentials:save"]({ token: "secret-token" }, caller)).toEqual({
      persisted: true,
    });
    const onDisk = readFileSync(join(dir, "session.bin"), "utf8");
    expect(onDisk).not.toContain("secret-token");
    expect(await handlers["credentials:load"](undefined, caller)).toBe("secret-token");
    await handlers["credentials:clear"](undefined, caller);
    expect(existsSync(join(dir, "session.bin"))).toBe(false);
    expect(await handlers["credentials:load"](undefined, caller)).toBeNull();
  });

  test.each([
    ["no keychain at all", { available: false }],
    ["Linux without a keyring (basic_text)", { backend: "basic_text" }],
  ])("with %s the token stays in memory and never reaches the disk", (_name, keychain) => {
    const dir = tempDir();
    const store = createKeychainCredentialStore(fakeKeychain(keychain), join(dir, "session.bin"));
    expect(store.save("secret-token")).toBe(false);
    expect(existsSync(join(dir, "session.bin"))).toBe(false);
    expect(store.load()).toBe("secret-token");
    store.clear();
    expect(store.load()).toBeNull();
  });

  test("a file that no longer decrypts is removed and reads as signed out", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "session.bin"), "garbage");
    const store = createKeychainCredentialStore(fakeKeychain(), join(dir, "session.bin"));
    expect(store.load()).toBeNull();
    expect(existsSync(join(dir, "session.bin"))).toBe(false);
  });
});

describe("settings", () => {
  test("defaults, partial updates, and a restart flag when the backend changes", async () => {
    const { handlers, dir } = handlersWith();
    expect(await handlers["settings:get"](undefined, caller)).toEqual({
      apiBaseUrl: null,
      notificationsEnabled: true,
      autoUpdate: false,
    });
    expect(await handlers["settings:set"]({ notificationsEnabled: false }, caller)).toEqual({
      settings: { apiBaseUrl: null, notificationsEnabled: false, autoUpdate: false },
      restartRequired: false,
    });
    const changed = await handlers["settings:set"](
      { apiBaseUrl: "https://arbiter.example.com" },
      caller,
    );
    expect(changed.restartRequired).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, "settings.json"), "utf8")).apiBaseUrl).toBe(
      "https://arbiter.example.com",
    );
  });

  test("a damaged settings file reads as the defaults", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "settings.json"), "{ not json");
    expect(createSettingsStore(join(dir, "settings.json")).get().autoUpdate).toBe(false);
  });
});

describe("badge, case windows, relaunch", () => {
  test("pass through to the shell", async () => {
    const { handlers, deps } = handlersWith();
    await handlers["badge:set"]({ count: 4 }, caller);
    expect(deps.badge.set).toHaveBeenCalledWith(4);
    await handlers["window:open-case"]({ reference: "AP-000123" }, caller);
    expect(deps.windows.openCase).toHaveBeenCalledWith("AP-000123");
    await handlers["app:relaunch"](undefined, caller);
    expect(deps.relaunch).toHaveBeenCalled();
  });

  test("the badge is a count on macOS/Linux and an overlay dot on Windows", () => {
    const mac = { setBadgeCount: vi.fn(), setOverlay: vi.fn() };
    createBadge({ platform: "darwin", ...mac }).set(3);
    expect(mac.setBadgeCount).toHaveBeenCalledWith(3);
    const win = { setBadgeCount: vi.fn(), setOverlay: vi.fn() };
    const badge = createBadge({ platform: "win32", ...win });
    badge.set(2);
    const [image, description] = win.setOverlay.mock.calls[0] ?? [];
    expect((image as Buffer).subarray(1, 4).toString()).toBe("PNG");
    expect(description).toBe("2 cases breaching SLA");
    badge.set(0);
    expect(win.setOverlay).toHaveBeenLastCalledWith(null, "");
    expect(win.setBadgeCount).not.toHaveBeenCalled();
  });
});

describe("PDF reports", () => {
  const pdf = new TextEncoder().encode("%PDF-1.7 test");

  test("print-to-pdf renders the calling window and writes where the agent chose", async () => {
    const dir = tempDir();
    const printPage = vi.fn(async () => pdf);
    const askSavePath = vi.fn(async () => join(dir, "chosen"));
    const reports = createPdfReports({
      printPage,
      askSavePath,
      defaultFolder: () => "/home/agent/Documents",
    });
    const { handlers } = handlersWith({ reports });
    const result = await handlers["report:print-to-pdf"](
      { suggestedFileName: "AP-000123.pdf", landscape: true },
      caller,
    );
    expect(printPage).toHaveBeenCalledWith(4, { landscape: true });
    expect(askSavePath).toHaveBeenCalledWith(4, join("/home/agent/Documents", "AP-000123.pdf"));
    expect(result).toEqual({ saved: true, filePath: join(dir, "chosen.pdf") });
    expect(readFileSync(join(dir, "chosen.pdf")).toString()).toBe("%PDF-1.7 test");
  });

  test("a cancelled dialog writes nothing", async () => {
    const write = vi.fn();
    const reports = createPdfReports({
      printPage: async () => pdf,
      askSavePath: async () => null,
      defaultFolder: () => "/tmp",
      writeFile: write,
    });
    const { handlers } = handlersWith({ reports });
    expect(
      await handlers["report:save-pdf"]({ suggestedFileName: "r.pdf", data: pdf }, caller),
    ).toEqual({ saved: false });
    expect(write).not.toHaveBeenCalled();
  });
});

describe("notifications", () => {
  const request = {
    kind: "sla-warning" as const,
    title: "SLA at risk",
    body: "AP-000123 breaches in 10 min",
    caseReference: "AP-000123",
  };

  function notifier(overrides: { enabled?: boolean; supported?: boolean } = {}) {
    let now = 0;
    const shown: { title: string; onClick: () => void }[] = [];
    const openCase = vi.fn();
    const show = createDesktopNotifier({
      isEnabled: () => overrides.enabled ?? true,
      isSupported: () => overrides.supported ?? true,
      present: ({ title }, onClick) => shown.push({ title, onClick }),
      limiter: createNotificationRateLimiter(undefined, () => now),
      openCase,
    }).show;
    return {
      show,
      shown,
      openCase,
      advance: (ms: number) => {
        now += ms;
      },
    };
  }

  test("shows one, and a click opens its case", () => {
    const n = notifier();
    expect(n.show(request)).toEqual({ shown: true });
    n.shown[0]?.onClick();
    expect(n.openCase).toHaveBeenCalledWith("AP-000123");
  });

  test("the same case's warning is not repeated within 5 minutes", () => {
    const n = notifier();
    expect(n.show(request).shown).toBe(true);
    n.advance(60_000);
    expect(n.show(request)).toEqual({ shown: false, reason: "rate-limited" });
    n.advance(4 * 60_000);
    expect(n.show(request).shown).toBe(true);
  });

  test("off in settings, or no OS support: not shown, with the reason", () => {
    expect(notifier({ enabled: false }).show(request)).toEqual({
      shown: false,
      reason: "disabled",
    });
    expect(notifier({ supported: false }).show(request)).toEqual({
      shown: false,
      reason: "unsupported",
    });
  });

  test("a lapsed deadline is a kind of its own: valid over IPC, shown beside the case's SLA warning", () => {
    const lapsed = IPC_CONTRACT["notification:show"].request.parse({
      kind: "deadline-lapsed",
      title: "A party missed an evidence deadline",
      body: "AP-000123: no answer by the deadline.",
      caseReference: "AP-000123",
    });
    const n = notifier();
    expect(n.show(request).shown).toBe(true);
    // Counted apart from the warning of the same case: the lapse is news even right after it.
    expect(n.show(lapsed)).toEqual({ shown: true });
    expect(n.shown.map((s) => s.title)).toEqual([request.title, lapsed.title]);
    n.shown[1]?.onClick();
    expect(n.openCase).toHaveBeenCalledWith("AP-000123");
    expect(() =>
      IPC_CONTRACT["notification:show"].request.parse({ ...lapsed, kind: "lapsed" }),
    ).toThrow();
  });
});
