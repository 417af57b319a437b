// `npm run web`: builds the renderer and serves it from the reference server, which seeds the demo
// data into an empty data folder. Extra arguments go to the server (e.g. `npm run web -- --simulate`).
import { spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

const build = spawnSync(
  process.execPath,
  [
    require.resolve("vite/bin/vite.js"),
    "build",
    "-c",
    "renderer/vite.config.ts",
    "--logLevel",
    "warn",
  ],
  {
    stdio: "inherit",
  },
);
if (build.status !== 0) process.exit(build.status ?? 1);

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
