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
    navigateOnDragDrop: false,
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
    // Shown once the first paint is ready, so the agent never sees a white flash.
    show: false,
    webPreferences: secureWebPreferences(preloadPath),
  };
}
