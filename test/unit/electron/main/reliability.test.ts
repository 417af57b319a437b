import { EventEmitter } from "node:events";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test, vi } from "vitest";
import { planAutoUpdate, startAutoUpdate } from "../../../../electron/main/auto-update";
import { installCrashRecovery } from "../../../../electron/main/crash-recovery";
import {
  configureMainLogging,
  type MainLogger,
  rotateLogFile,
} from "../../../../electron/main/logging";

function fakeWindow() {
  const webContents = Object.assign(new EventEmitter(), {
    reload: vi.fn(),
    forcefullyCrashRenderer: vi.fn(),
  });
  return { webContents, isDestroyed: () => false, close: vi.fn() };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("crash recovery", () => {
  test("a crashed renderer: the agent is offered a reload, and it reloads", async () => {
    const window = fakeWindow();
    const ask = vi.fn(async (_question: { buttons: string[] }) => 0);
    installCrashRecovery(window, ask, () => {});
    window.webContents.emit("render-process-gone", {}, { reason: "crashed", exitCode: 139 });
    await settle();
    expect(ask).toHaveBeenCalledTimes(1);
    expect(ask.mock.calls[0]?.[0].buttons).toEqual(["Reload", "Close Window"]);
    expect(window.webContents.reload).toHaveBeenCalled();
  });

  test("choosing Close closes the window instead", async () => {
    const window = fakeWindow();
    installCrashRecovery(
      window,
      async () => 1,
      () => {},
    );
    window.webContents.emit("render-process-gone", {}, { reason: "oom", exitCode: 0 });
    await settle();
    expect(window.close).toHaveBeenCalled();
    expect(window.webContents.reload).not.toHaveBeenCalled();
  });

  test("a normal exit asks nothing", async () => {
    const window = fakeWindow();
    const ask = vi.fn(async () => 0);
    installCrashRecovery(window, ask, () => {});
    window.webContents.emit("render-process-gone", {}, { reason: "clean-exit", exitCode: 0 });
    await settle();
    expect(ask).not.toHaveBeenCalled();
  });

  test("a hung renderer: Reload ends it and loads anew, without a second question", async () => {
    const window = fakeWindow();
    const ask = vi.fn(async () => 1);
    installCrashRecovery(window, ask, () => {});
    window.webContents.emit("unresponsive");
    await settle();
    expect(window.webContents.forcefullyCrashRenderer).toHaveBeenCalled();
    expect(window.webContents.reload).toHaveBeenCalled();
    window.webContents.emit("render-process-gone", {}, { reason: "killed", exitCode: 9 });
    await settle();
    expect(ask).toHaveBeenCalledTimes(1);
  });

  test("a renderer that recovered while the question was open is left alone", async () => {
    const window = fakeWindow();
    let answer: (choice: number) => void = () => {};
    installCrashRecovery(
      window,
      () =>
        new Promise((resolve) => {
          answer = resolve;
        }),
      () => {},
    );
    window.webContents.emit("unresponsive");
    window.webContents.emit("responsive");
    answer(1);
    await settle();
    expect(window.webContents.forcefullyCrashRenderer).not.toHaveBeenCalled();
  });
});

describe("rotating log", () => {
  test("keeps the newest files numbered and drops the oldest", () => {
    const dir = mkdtempSync(join(tmpdir(), "arbiter-log-"));
    const main = join(dir, "main.log");
    for (let round = 1; round <= 4; round += 1) {
      writeFileSync(main, `round ${round}`);
      rotateLogFile(main, 3);
    }
    expect(existsSync(main)).toBe(false);
    expect(readFileSync(join(dir, "main.1.log"), "utf8")).toBe("round 4");
    expect(readFileSync(join(dir, "main.2.log"), "utf8")).toBe("round 3");
    expect(readFileSync(join(dir, "main.3.log"), "utf8")).toBe("round 2");
    expect(existsSync(join(dir, "main.4.log"))).toBe(false);
  });

  test("configures size, rotation and the uncaught-error handler without a dialog", () => {
    const startCatching = vi.fn();
    const log: MainLogger = {
      transports: {
        file: { maxSize: 0, level: "silly", archiveLogFn: () => {} },
        console: { level: "silly" },
      },
      errorHandler: { startCatching },
      info: vi.fn(),
      warn: vi.fn(),
      error: vi.fn(),
    };
    configureMainLogging(log, true);
    expect(log.transports.file.maxSize).toBe(5 * 1024 * 1024);
    expect(log.transports.console.level).toBe(false);
    expect(startCatching).toHaveBeenCalledWith({ showDialog: false });
    const dir = mkdtempSync(join(tmpdir(), "arbiter-log-"));
    writeFileSync(join(dir, "main.log"), "old");
    log.transports.file.archiveLogFn({ toString: () => join(dir, "main.log") });
    expect(readFileSync(join(dir, "main.1.log"), "utf8")).toBe("old");
  });
});

describe("auto-update", () => {
  test("off unless packaged, turned on, and given an https feed", () => {
    const base = {
      isPackaged: true,
      settingEnabled: true,
      feedUrl: "https://updates.example.com/desk",
    };
    expect(planAutoUpdate({ ...base, settingEnabled: false }).enabled).toBe(false);
    expect(planAutoUpdate({ ...base, isPackaged: false }).enabled).toBe(false);
    expect(planAutoUpdate({ ...base, feedUrl: undefined }).enabled).toBe(false);
    expect(planAutoUpdate({ ...base, feedUrl: "http://updates.example.com" }).enabled).toBe(false);
    expect(planAutoUpdate(base)).toEqual({ enabled: true, feedUrl: base.feedUrl });
  });

  test("the updater is not even loaded when off; when on it checks the configured feed", async () => {
    const load = vi.fn();
    await startAutoUpdate({ enabled: false, reason: "off" }, load, () => {});
    expect(load).not.toHaveBeenCalled();
    const updater = {
      autoDownload: false,
      autoInstallOnAppQuit: false,
      setFeedURL: vi.fn(),
      checkForUpdatesAndNotify: vi.fn(async () => null),
    };
    await startAutoUpdate(
      { enabled: true, feedUrl: "https://u.example.com" },
      async () => updater,
      () => {},
    );
    expect(updater.setFeedURL).toHaveBeenCalledWith({
      provider: "generic",
      url: "https://u.example.com",
    });
    expect(updater.autoInstallOnAppQuit).toBe(true);
    expect(updater.checkForUpdatesAndNotify).toHaveBeenCalled();
  });
});
