// `npm run web`: builds the renderer and serves it from the reference server, which seeds the demo
// data into an empty data folder. Extra arguments go to the server (e.g. `npm run web -- --simulate`).
import { spawn } from "node:child_process";
// Vite's JS API, not its bin file: vite's package `exports` do not expose `bin/vite.js`, so
// resolving that path throws ERR_PACKAGE_PATH_NOT_EXPORTED before anything is built.
import { build } from "vite";

// A production bundle whatever the calling shell says: Vite follows NODE_ENV over its mode, and
// under a test runner (NODE_ENV=test) it built React's development bundle, whose StrictMode double
// effects stopped the search worker for good in every later page load of that build.
process.env.NODE_ENV = "production";

try {
  await build({ configFile: "renderer/vite.config.ts", logLevel: "warn" });
} catch (error) {
  console.error(`Arbiter Desk web build failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

const server = spawn(
  process.execPath,
  [
    "--import",
    "tsx",
    "server/main.ts",
    "--demo",
    "--static",
    "out/renderer",
    ...process.argv.slice(2),
  ],
  { stdio: "inherit" },
);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
