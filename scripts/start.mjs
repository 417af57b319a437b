// `npm start`: builds the desktop app and launches it with Electron. Where the Electron binary is
// missing (it is downloaded outside the npm registry), says so in one line and points to web mode.
import { spawnSync } from "node:child_process";
import { findElectronBinary } from "./electron-binary.mjs";

const binary = findElectronBinary();
if (!binary) {
  console.error(
    "Arbiter Desk cannot launch: the Electron binary is not installed on this machine. Run `npm run web` to use the desk in a browser.",
  );
  process.exit(1);
}

// electron-vite's JS API, not its bin file, which the package's `exports` do not expose. Imported
// only here so the one-line message above never waits for the bundler to load.
const { build } = await import("electron-vite");
// A production bundle whatever the calling shell says (Vite follows NODE_ENV over its mode).
process.env.NODE_ENV = "production";
try {
  await build({ logLevel: "warn" });
} catch (error) {
  console.error(`Arbiter Desk build failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

const run = spawnSync(binary, ["."], { stdio: "inherit" });
process.exit(run.status ?? 0);
