import { describe, expect, test } from "vitest";
import { findElectronBinary } from "../../scripts/electron-binary.mjs";

const binary = findElectronBinary();

if (!binary) {
  console.warn(
    "SKIPPED: Electron e2e — no Electron binary on this machine (its download is outside the npm registry). It runs where `node_modules/electron/dist` holds one.",
  );
}

describe.skipIf(!binary)("Electron app (needs the Electron binary)", () => {
  test("launches, starts the embedded server and shows the sign-in screen", async () => {
    const { _electron } = await import("playwright-core");
    const { spawnSync } = await import("node:child_process");
    const build = spawnSync(
      process.execPath,
      ["node_modules/electron-vite/bin/electron-vite.js", "build"],
      { stdio: "inherit" },
    );
    expect(build.status).toBe(0);
    const app = await _electron.launch({ executablePath: binary ?? undefined, args: ["."] });
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
      expect(exposed).toEqual({ hasProcess: false, hasRequire: false, bridge: ["getConfig"] });
    } finally {
      await app.close();
    }
  });
});
