/**
 * When a window's renderer crashes or hangs, the agent is asked whether to reload it. Reloading
 * loses nothing: decisions and notes wait in the renderer's outbox (IndexedDB) until the server
 * acknowledges them, and the reloaded page sends them again.
 */

export interface RecoverableWindow {
  readonly webContents: {
    on(
      event: "render-process-gone",
      listener: (event: unknown, details: { reason: string; exitCode: number }) => void,
    ): unknown;
    on(event: "unresponsive" | "responsive", listener: () => void): unknown;
    reload(): void;
    forcefullyCrashRenderer(): void;
  };
  isDestroyed(): boolean;
  close(): void;
}

/** Electron's `dialog.showMessageBox` reduced to one question with buttons. */
export type AskUser = (question: {
  title: string;
  message: string;
  detail: string;
  buttons: string[];
}) => Promise<number>;

export function installCrashRecovery(
  window: RecoverableWindow,
  ask: AskUser,
  log: (message: string) => void,
): void {
  let asking = false;
  let hung = false;
  // Set while we end a hung renderer ourselves, so its "killed" exit does not ask again.
  let isKillingHungRenderer = false;

  window.webContents.on("render-process-gone", (_event, details) => {
    log(`Renderer gone: ${details.reason} (exit code ${details.exitCode}).`);
    if (isKillingHungRenderer) {
      isKillingHungRenderer = false;
      return;
    }
    // "clean-exit" is a normal close; nothing to recover.
    if (details.reason === "clean-exit" || asking || window.isDestroyed()) return;
    asking = true;
    void ask({
      title: "Arbiter Desk",
      message: "This window stopped working.",
      detail: `Reason: ${details.reason}. Reloading keeps your unsent decisions and notes: they are saved on this computer until the server has them.`,
      buttons: ["Reload", "Close Window"],
    })
      .then((choice) => {
        if (window.isDestroyed()) return;
        if (choice === 0) window.webContents.reload();
        else window.close();
      })
      .finally(() => {
        asking = false;
      });
  });

  window.webContents.on("unresponsive", () => {
    log("Renderer unresponsive.");
    if (asking || window.isDestroyed()) return;
    asking = true;
    hung = true;
    void ask({
      title: "Arbiter Desk",
      message: "This window is not responding.",
      detail: "You can wait for it, or reload it. Unsent decisions and notes are kept either way.",
      buttons: ["Wait", "Reload"],
    })
      .then((choice) => {
        // The page may have recovered while the dialog was open: then there is nothing to do.
        if (choice === 1 && hung && !window.isDestroyed()) {
          // A hung renderer cannot run a reload itself: end its process, then load anew.
          isKillingHungRenderer = true;
          window.webContents.forcefullyCrashRenderer();
          window.webContents.reload();
        }
      })
      .finally(() => {
        asking = false;
      });
  });

  window.webContents.on("responsive", () => {
    hung = false;
    log("Renderer responsive again.");
  });
}
