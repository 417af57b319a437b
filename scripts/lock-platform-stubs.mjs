// The npm registry reachable here lacks some platform builds of @biomejs/biome (android, darwin,
// musl, win32). `npm install` then leaves them out of package-lock.json, and `npm ci` refuses a lock
// that misses an optional dependency. This records each missing platform package with its os/cpu
// (and libc), so `npm ci` knows it does not apply to this machine and skips it without a download.
// Run after any `npm install` that rewrote the lock: `node scripts/lock-platform-stubs.mjs`.
import { readFileSync, writeFileSync } from "node:fs";

const PLATFORMS = {
  "android-arm64": { os: ["android"], cpu: ["arm64"] },
  "android-x64": { os: ["android"], cpu: ["x64"] },
  "darwin-arm64": { os: ["darwin"], cpu: ["arm64"] },
  "darwin-x64": { os: ["darwin"], cpu: ["x64"] },
  "linux-arm64": { os: ["linux"], cpu: ["arm64"], libc: ["glibc"] },
  "linux-arm64-musl": { os: ["linux"], cpu: ["arm64"], libc: ["musl"] },
  "linux-x64": { os: ["linux"], cpu: ["x64"], libc: ["glibc"] },
  "linux-x64-musl": { os: ["linux"], cpu: ["x64"], libc: ["musl"] },
  "win32-arm64": { os: ["win32"], cpu: ["arm64"] },
  "win32-x64": { os: ["win32"], cpu: ["x64"] },
};

const lockPath = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(lockPath, "utf8"));
let added = 0;
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const prefix = path ? `${path}/` : "";
    if (lock.packages[`${prefix}node_modules/${name}`] || lock.packages[`node_modules/${name}`])
      continue;
    const platform = Object.entries(PLATFORMS).find(([suffix]) => name.endsWith(`-${suffix}`))?.[1];
    if (!platform)
      throw new Error(
        `${name} (wanted by ${path}) is missing from the lock and is no known platform build`,
      );
    lock.packages[`node_modules/${name}`] = {
      version,
      dev: entry.dev,
      optional: true,
      ...platform,
    };
    added += 1;
  }
}
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: ${added} platform-only optional package(s) recorded`);
