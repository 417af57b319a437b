import type { BrowserWindowConstructorOptions } from "electron";

/**
 * Size, title and background of each kind of window. Their web preferences are not here: they are
 * written out at the one `new BrowserWindow` call (window-factory.ts), where a static scanner such
 * as Electronegativity sees them, and the security test reads them from the constructed window.
 */
type WindowLook = Omit<BrowserWindowConstructorOptions, "webPreferences">;

export function mainWindowOptions(): WindowLook {
  return {
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    title: "Arbiter Desk",
    backgroundColor: "#f5f6f8",
    show: false,
  };
}

/** A case on its own, typically on the second monitor next to the queue. */
export function caseWindowOptions(reference: string): WindowLook {
  return {
    width: 1100,
    height: 860,
    minWidth: 720,
    minHeight: 560,
    title: `${reference} — Arbiter Desk`,
    backgroundColor: "#f5f6f8",
    show: false,
  };
}
