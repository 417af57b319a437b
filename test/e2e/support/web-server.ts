import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServerProcess } from "../../support/server-process";

export interface WebServer {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Starts the server the way `npm run web` does (built renderer, demo seed) on a free port and a
 * temporary data folder. The web e2e always runs on the embedded PGlite, whatever the
 * surrounding shell points at.
 */
export async function startWebServer(
  extraArgs: readonly string[] = [],
  /** More environment for the server (a webhook receiver's URL…). */
  env: Record<string, string | undefined> = {},
): Promise<WebServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "arbiter-e2e-"));
  const server = await startServerProcess({ ...env, DATABASE_URL: undefined, DATA_DIR: dataDir }, [
    "--demo",
    "--static",
    "out/renderer",
    ...extraArgs,
  ]);
  return {
    url: server.url,
    dataDir,
    async stop() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
