import type { ArbiterBridge } from "@shared/ipc/contract";
import { describe, expect, test } from "vitest";
import { findElectronBinary } from "../../scripts/electron-binary.mjs";

const binary = findElectronBinary();

/** The page's global as the preload leaves it. */
type DeskPage = typeof globalThis & { arbiter?: ArbiterBridge };

if (!binary) {
  console.warn(
    "SKIPPED: Electron e2e — no Electron binary on this machine (its download is outside the npm registry). It runs where `node_modules/electron/dist` holds one.",
  );
}

describe.skipIf(!binary)("Electron app (needs the Electron binary)", () => {
  test("launches, signs in, opens a case in its own window and exports it to PDF", async () => {
    const { _electron } = await import("playwright-core");
    const { spawnSync } = await import("node:child_process");
    const build = spawnSync(
      process.execPath,
      ["node_modules/electron-vite/bin/electron-vite.js", "build"],
      { stdio: "inherit" },
    );
    expect(build.status).toBe(0);
    const { mkdtempSync, readFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const userData = mkdtempSync(join(tmpdir(), "arbiter-electron-e2e-"));
    const app = await _electron.launch({
      executablePath: binary ?? undefined,
      // A fresh profile: its own embedded database, settings and window state.
      args: [".", `--user-data-dir=${userData}`],
      // The embedded server, whatever the developer's shell points at.
      env: Object.fromEntries(
        Object.entries(process.env).filter(
          (entry): entry is [string, string] =>
            entry[0] !== "ARBITER_API_URL" && entry[1] !== undefined,
        ),
      ),
    });
    try {
      const window = await app.firstWindow();
      await window.getByLabel("Username").fill("agent1");
      await window.getByLabel("Password").fill("demo");
      await window.getByRole("button", { name: "Sign in" }).click();
      await window.getByRole("table", { name: "Appeal queue" }).waitFor({ timeout: 60_000 });
      // Isolation as the page sees it: no Node, no require, only the named bridge.
      const exposed = await window.evaluate(() => ({
        hasProcess: typeof (globalThis as { process?: unknown }).process !== "undefined",
        hasRequire: typeof (globalThis as { require?: unknown }).require !== "undefined",
        bridge: Object.keys((globalThis as { arbiter?: object }).arbiter ?? {}),
      }));
      expect(exposed.hasProcess).toBe(false);
      expect(exposed.hasRequire).toBe(false);
      expect(exposed.bridge.sort()).toEqual(
        [
          "getConfig",
          "relaunch",
          "loadCredentials",
          "saveCredentials",
          "clearCredentials",
          "showNotification",
          "setBadgeCount",
          "openCaseWindow",
          "printToPdf",
          "savePdf",
          "getSettings",
          "setSettings",
          "onOpenCase",
          "onMenuCommand",
        ].sort(),
      );

      // Open a case in its own window, as the second-monitor button does.
      const reference = await window
        .getByRole("table", { name: "Appeal queue" })
        .evaluate((table) => {
          const match = /AP-\d{6,}/.exec(table.textContent ?? "");
          return match?.[0] ?? "AP-000001";
        });
      const [caseWindow] = await Promise.all([
        app.waitForEvent("window"),
        window.evaluate((ref) => (globalThis as DeskPage).arbiter?.openCaseWindow(ref), reference),
      ]);
      await caseWindow.waitForLoadState();
      expect(caseWindow.url()).toBe(`app://desk/case/${reference}`);
      const config = await caseWindow.evaluate(() => (globalThis as DeskPage).arbiter?.getConfig());
      expect(config?.caseReference).toBe(reference);

      // Export the case window to PDF; the save dialog is answered in the main process.
      const target = join(userData, `${reference}.pdf`);
      await app.evaluate(({ dialog }, filePath) => {
        dialog.showSaveDialog = async () => ({ canceled: false, filePath });
      }, target);
      const saved = await caseWindow.evaluate(
        (name) => (globalThis as DeskPage).arbiter?.printToPdf({ suggestedFileName: name }),
        `${reference}.pdf`,
      );
      expect(saved).toEqual({ saved: true, filePath: target });
      expect(readFileSync(target).subarray(0, 5).toString()).toBe("%PDF-");
    } finally {
      await app.close();
    }
  });
});
