/** Runs `server/main.ts` as a separate Node process, as a deployment would (one per machine). */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll } from "vitest";
import { SERVICE_TOKEN } from "./backends";
import { startPostgres, type TestPostgres } from "./postgres";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** `env` adds to this process's environment; an `undefined` value removes a variable. */
export async function startServerProcess(
  env: Record<string, string | undefined>,
  args: string[] = [],
): Promise<ServerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 90_000);
    const onData = (data: Buffer) => {
      output += data.toString();
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
      reject(new Error(`server exited (${code}):\n${output}`));
    });
  });
  return {
    url,
    child,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}

export interface ServerPair {
  /** The first process: it seeded the demo. */
  readonly a: ServerProcess;
  /** The second: a plain replica of the API on the same database. */
  readonly b: ServerProcess;
}

/**
 * Two server processes on one throwaway PostgreSQL database, as deployed behind a load balancer:
 * migrations as the owner role, both serving as the app role, one audit folder shared as on one
 * volume (its own, so a previous run's checkpoints are not reported as truncation). Started before
 * the describe block's tests, stopped after them; read the fields inside tests.
 */
export function twoServerProcesses(database: string, demoAppeals: number): ServerPair {
  let postgres: TestPostgres | null = null;
  let auditDir: string | undefined;
  const started: { a?: ServerProcess; b?: ServerProcess } = {};
  beforeAll(async () => {
    postgres = await startPostgres();
    if (!postgres) throw new Error("no PostgreSQL");
    const { ownerUrl, appUrl } = await postgres.createOwnedDatabase(database);
    auditDir = mkdtempSync(join(tmpdir(), `arbiter-${database}-`));
    const env = {
      DATABASE_URL: appUrl,
      DATABASE_OWNER_URL: ownerUrl,
      SERVICE_TOKEN,
      AUDIT_DIR: auditDir,
    };
    started.a = await startServerProcess(env, ["--demo", "--demo-appeals", String(demoAppeals)]);
    started.b = await startServerProcess(env);
  });
  afterAll(async () => {
    await Promise.all([started.a?.stop(), started.b?.stop()]);
    await postgres?.stop();
    if (auditDir) rmSync(auditDir, { recursive: true, force: true });
  });
  const get = (name: "a" | "b") => {
    const server = started[name];
    if (!server) throw new Error("the server pair has not started");
    return server;
  };
  return {
    get a() {
      return get("a");
    },
    get b() {
      return get("b");
    },
  };
}
