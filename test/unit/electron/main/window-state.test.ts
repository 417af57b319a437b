import { EventEmitter } from "node:events";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test, vi } from "vitest";
import {
  createWindowStateStore,
  restoreBounds,
  trackWindowState,
} from "../../../../electron/main/window-state";

const laptop = { x: 0, y: 0, width: 1440, height: 900 };
const rightMonitor = { x: 1440, y: 0, width: 2560, height: 1440 };
const defaults = { width: 1440, height: 900 };

describe("restoreBounds", () => {
  test("first launch: default size, no position (the OS centres it)", () => {
    expect(restoreBounds(undefined, [laptop], defaults)).toEqual({
      bounds: defaults,
      isMaximized: false,
    });
  });

  test("a window on the second monitor reopens there while it is plugged in", () => {
    const saved = { bounds: { x: 1600, y: 100, width: 1200, height: 900 }, isMaximized: true };
    expect(restoreBounds(saved, [laptop, rightMonitor], defaults)).toEqual({
      bounds: saved.bounds,
      isMaximized: true,
    });
  });

  test("monitor unplugged: keeps the size (capped to the screen), drops the position", () => {
    const saved = { bounds: { x: 1600, y: 100, width: 2000, height: 1200 }, isMaximized: false };
    expect(restoreBounds(saved, [laptop], defaults)).toEqual({
      bounds: { width: 1440, height: 900 },
      isMaximized: false,
    });
  });

  test("a title bar pushed above the screen is not reachable", () => {
    const saved = { bounds: { x: 100, y: -500, width: 800, height: 600 }, isMaximized: false };
    expect(restoreBounds(saved, [laptop], defaults).bounds.x).toBeUndefined();
  });
});

describe("window state file", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  test("remembers main and case windows separately, across a new store (a relaunch)", () => {
    const path = join(mkdtempSync(join(tmpdir(), "arbiter-ws-")), "window-state.json");
    const store = createWindowStateStore(path);
    store.set("main", { bounds: { x: 10, y: 20, width: 1300, height: 800 }, isMaximized: false });
    store.set("case", { bounds: { x: 1500, y: 0, width: 900, height: 900 }, isMaximized: true });
    const relaunched = createWindowStateStore(path);
    expect(relaunched.get("main")?.bounds.width).toBe(1300);
    expect(relaunched.get("case")?.isMaximized).toBe(true);
  });

  test("a damaged file is ignored", () => {
    const path = join(mkdtempSync(join(tmpdir(), "arbiter-ws-")), "window-state.json");
    writeFileSync(path, '{"main": {"bounds": "nope"}}');
    expect(createWindowStateStore(path).get("main")).toBeUndefined();
  });

  test("moves are saved once the window settles, and on close", () => {
    vi.useFakeTimers();
    const window = Object.assign(new EventEmitter(), {
      bounds: { x: 0, y: 0, width: 1000, height: 700 },
      getNormalBounds() {
        return this.bounds;
      },
      isMaximized: () => false,
      isMinimized: () => false,
      isFullScreen: () => false,
    });
    const store = { get: vi.fn(), set: vi.fn() };
    trackWindowState(window, "main", store, 500);
    window.bounds = { x: 5, y: 5, width: 1000, height: 700 };
    window.emit("move");
    window.bounds = { x: 50.4, y: 60, width: 1000, height: 700 };
    window.emit("move");
    expect(store.set).not.toHaveBeenCalled();
    vi.advanceTimersByTime(500);
    expect(store.set.mock.calls).toEqual([
      ["main", { bounds: { x: 50, y: 60, width: 1000, height: 700 }, isMaximized: false }],
    ]);
    window.emit("close");
    expect(store.set).toHaveBeenCalledTimes(2);
  });
});
