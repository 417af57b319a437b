// `npm start`: builds the desktop app and launches it with Electron. Where the Electron binary is
// missing (it is downloaded outside the npm registry), says so in one line and points to web mode.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { findElectronBinary } from "./electron-binary.mjs";

const require = createRequire(import.meta.url);
const binary = findElectronBinary();
if (!binary) {
  console.error(
    "Arbiter Desk cannot launch: the Electron binary is not installed on this machine. Run `npm run web` to use the desk in a browser.",
  );
  process.exit(1);
}

const build = spawnSync(
  process.execPath,
  [require.resolve("electron-vite/bin/electron-vite.js"), "build"],
  {
    stdio: "inherit",
  },
);
if (build.status !== 0) process.exit(build.status ?? 1);

const run = spawnSync(binary, ["."], { stdio: "inherit" });
process.exit(run.status ?? 0);
