import type { BrowserWindowConstructorOptions, WebPreferences } from "electron";

/**
 * The web preferences of every window the app opens. The security test reads this very object,
 * so a regression here fails the build rather than shipping.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
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
    // Evidence is read, not edited: no reason for pages to run plugins or open pop-ups by script.
    plugins: false,
    javascript: true,
    safeDialogs: true,
    spellcheck: true,
  };
}

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    title: "Arbiter Desk",
    backgroundColor: "#f5f6f8",
    show: false,
    webPreferences: secureWebPreferences(preloadPath),
  };
}

/** A case on its own, typically on the second monitor next to the queue. */
export function caseWindowOptions(
  preloadPath: string,
  reference: string,
): BrowserWindowConstructorOptions {
  return {
    width: 1100,
    height: 860,
    minWidth: 720,
    minHeight: 560,
    title: `${reference} — Arbiter Desk`,
    backgroundColor: "#f5f6f8",
    show: false,
    webPreferences: secureWebPreferences(preloadPath),
  };
}
