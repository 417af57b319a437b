import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface WebServer {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Starts the server the way `npm run web` does (built renderer, demo seed) on a free port and a
 * temporary data folder, and resolves once it prints the line with its URL.
 */
export async function startWebServer(extraArgs: readonly string[] = []): Promise<WebServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "arbiter-e2e-"));
  // The web e2e always runs on the embedded PGlite, whatever the surrounding shell points at.
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", "server/main.ts", "--demo", "--static", "out/renderer", ...extraArgs],
    { env: { ...env, PORT: "0", DATA_DIR: dataDir }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not start in 90 s:\n${output}`)),
      90_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    dataDir,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => {
          rmSync(dataDir, { recursive: true, force: true });
          resolve();
        });
        child.kill("SIGTERM");
      }),
  };
}
