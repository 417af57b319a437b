// Finds the Electron executable the `electron` package would run, without its fallback of
// downloading one (which cannot work on machines that reach only the npm registry).
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);

/** @returns {string | null} the absolute path of the Electron binary, or null when it is absent. */
export function findElectronBinary() {
  let packageDir;
  try {
    packageDir = dirname(require.resolve("electron/package.json"));
  } catch {
    return null;
  }
  const pathFile = join(packageDir, "path.txt");
  const executable = existsSync(pathFile) ? readFileSync(pathFile, "utf8").trim() : "electron";
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, "dist");
  const binary = join(distDir, executable);
  return existsSync(binary) ? binary : null;
}
