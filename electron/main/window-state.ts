import { z } from "zod";
import { createJsonFile } from "./json-file";

const Bounds = z.object({
  x: z.int(),
  y: z.int(),
  width: z.int().min(200).max(20_000),
  height: z.int().min(200).max(20_000),
});
export type Bounds = z.infer<typeof Bounds>;

const WindowState = z.object({ bounds: Bounds, isMaximized: z.boolean() });
export type WindowState = z.infer<typeof WindowState>;

/** One entry per kind of window: the queue window, and the last case window (second monitor). */
const WindowStateFile = z.object({
  main: WindowState.optional(),
  case: WindowState.optional(),
});
export type WindowKind = keyof z.infer<typeof WindowStateFile>;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * At least this much of the title bar must land on a screen, or the saved position is dropped:
 * the monitor it was on may be unplugged (the laptop left the dock), and a window the agent
 * cannot reach is worse than one at the default place.
 */
const MIN_VISIBLE = { width: 120, height: 40 };

/**
 * The bounds to open a window with: the saved ones when still reachable on the current displays
 * (their work areas), else only the saved size (capped to the primary display) and no position,
 * which lets the OS centre the window.
 */
export function restoreBounds(
  saved: WindowState | undefined,
  workAreas: readonly Rect[],
  defaults: { width: number; height: number },
): { bounds: Partial<Rect> & { width: number; height: number }; isMaximized: boolean } {
  if (!saved) return { bounds: { ...defaults }, isMaximized: false };
  const { bounds } = saved;
  const titleBar: Rect = {
    x: bounds.x,
    y: bounds.y,
    width: bounds.width,
    height: MIN_VISIBLE.height,
  };
  const reachable = workAreas.some((area) => {
    const overlap = intersection(titleBar, area);
    return (
      overlap.width >= Math.min(MIN_VISIBLE.width, bounds.width) &&
      overlap.height >= MIN_VISIBLE.height
    );
  });
  if (reachable) return { bounds: { ...bounds }, isMaximized: saved.isMaximized };
  const primary = workAreas[0];
  return {
    bounds: {
      width: primary ? Math.min(bounds.width, primary.width) : bounds.width,
      height: primary ? Math.min(bounds.height, primary.height) : bounds.height,
    },
    isMaximized: saved.isMaximized,
  };
}

function intersection(a: Rect, b: Rect): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

export interface WindowStateStore {
  get(kind: WindowKind): WindowState | undefined;
  set(kind: WindowKind, state: WindowState): void;
}

/** `window-state.json` in the user-data folder. */
export function createWindowStateStore(path: string): WindowStateStore {
  const file = createJsonFile(path, WindowStateFile, {});
  return {
    get: (kind) => file.read()[kind],
    set: (kind, state) => file.write({ ...file.read(), [kind]: state }),
  };
}

/** What tracking uses of a BrowserWindow; Electron's satisfies it. */
export interface TrackedWindow {
  on(event: "resize" | "move" | "close", listener: () => void): unknown;
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  isMinimized(): boolean;
  isFullScreen(): boolean;
}

/**
 * Saves the window's normal (un-maximized) bounds a moment after it stops moving, and once more
 * when it closes. `getNormalBounds` is used so a maximized window reopens maximized over the
 * size it had before, not stuck at screen size.
 */
export function trackWindowState(
  window: TrackedWindow,
  kind: WindowKind,
  store: WindowStateStore,
  debounceMs = 500,
): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    clearTimeout(timer);
    timer = undefined;
    if (window.isMinimized() || window.isFullScreen()) return;
    const parsed = Bounds.safeParse(roundRect(window.getNormalBounds()));
    if (parsed.success) store.set(kind, { bounds: parsed.data, isMaximized: window.isMaximized() });
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, debounceMs);
  };
  window.on("resize", later);
  window.on("move", later);
  window.on("close", save);
}

function roundRect(rect: Rect): Rect {
  return {
    x: Math.round(rect.x),
    y: Math.round(rect.y),
    width: Math.round(rect.width),
    height: Math.round(rect.height),
  };
}
