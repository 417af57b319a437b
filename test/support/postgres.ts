/**
 * A throwaway PostgreSQL server for tests and benches: initdb into a fresh temporary directory,
 * start on a free loopback port, drop everything on stop. Uses Debian's packaged binaries
 * (/usr/lib/postgresql/<n>/bin, or PG_BIN). As root, initdb and postgres run as the `postgres`
 * user, which is how the packaged binaries insist on being run.
 *
 * `startPostgres()` returns null when no binaries are installed: callers skip, and say so.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

export interface TestPostgres {
  /** Connection string of the default `postgres` database. */
  url: string;
  port: number;
  /** Creates an empty database and returns its connection string. */
  createDatabase(name: string): Promise<string>;
  /**
   * Creates a database owned by a fresh login role `<name>_owner`, and a login role `<name>_app`
   * with no rights in it yet: the owner/app split a DBA sets up (`server/db/roles.ts`).
   */
  createOwnedDatabase(name: string): Promise<{ ownerUrl: string; appUrl: string }>;
  stop(): Promise<void>;
}

export interface PostgresOptions {
  /**
   * false (tests): fsync off, nothing is written durably, fastest. true (benches): the defaults a
   * production server runs with, so commit latency is real.
   */
  durable?: boolean;
}

export function findPostgresBin(): string | null {
  const candidates = process.env.PG_BIN
    ? [process.env.PG_BIN]
    : existsSync("/usr/lib/postgresql")
      ? readdirSync("/usr/lib/postgresql")
          .sort((a, b) => Number(b) - Number(a))
          .map((v) => `/usr/lib/postgresql/${v}/bin`)
      : [];
  return (
    candidates.find(
      (bin) => existsSync(join(bin, "initdb")) && existsSync(join(bin, "postgres")),
    ) ?? null
  );
}

/** Why PostgreSQL tests would be skipped, for the skip message; null when they can run. */
export function postgresUnavailableReason(): string | null {
  return findPostgresBin()
    ? null
    : "PostgreSQL binaries not found (install Debian's `postgresql` or set PG_BIN): the PostgreSQL half is SKIPPED";
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`postgres exited (${child.exitCode}):\n${log()}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`postgres did not start in 30 s:\n${log()}`);
      await new Promise((r) => setTimeout(r, 150));
    }
  }
}

export async function startPostgres(options: PostgresOptions = {}): Promise<TestPostgres | null> {
  const bin = findPostgresBin();
  if (!bin) return null;
  const asRoot = process.getuid?.() === 0;
  const runAs = (command: string, args: string[]) =>
    asRoot
      ? { command: "runuser", args: ["-u", "postgres", "--", command, ...args] }
      : { command, args };
  const dir = mkdtempSync(join(tmpdir(), "arbiter-pg-"));
  if (asRoot) execFileSync("chown", ["postgres:postgres", dir]);
  const data = join(dir, "data");
  const init = runAs(join(bin, "initdb"), [
    "-D",
    data,
    "-A",
    "trust",
    "-U",
    "postgres",
    "-E",
    "UTF8",
    "--locale=C",
    "--no-sync",
  ]);
  execFileSync(init.command, init.args, { stdio: "pipe" });
  const port = await freePort();
  const settings = [
    "-c",
    "listen_addresses=127.0.0.1",
    "-c",
    `unix_socket_directories=${dir}`,
    "-c",
    "max_connections=200",
    ...(options.durable
      ? []
      : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]),
  ];
  const run = runAs(join(bin, "postgres"), ["-D", data, "-p", String(port), ...settings]);
  const child = spawn(run.command, run.args, { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  try {
    await waitUntilReady(url, child, () => output);
  } catch (error) {
    child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    port,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`create database "${name.replace(/"/g, "")}"`);
      await client.end();
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async createOwnedDatabase(name) {
      const safe = name.replace(/[^a-z0-9_]/g, "");
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`create role ${safe}_owner login`);
      await client.query(`create role ${safe}_app login`);
      await client.query(`create database ${safe} owner ${safe}_owner`);
      await client.end();
      const at = (role: string) => `postgres://${role}@127.0.0.1:${port}/${safe}`;
      return { ownerUrl: at(`${safe}_owner`), appUrl: at(`${safe}_app`) };
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        // SIGINT to the postmaster itself (runuser does not pass signals on): "fast" shutdown,
        // which disconnects clients instead of waiting for them.
        const pidFile = join(data, "postmaster.pid");
        const pid = existsSync(pidFile)
          ? Number(readFileSync(pidFile, "utf8").split("\n")[0])
          : NaN;
        if (Number.isInteger(pid) && pid > 0) process.kill(pid, "SIGINT");
        else child.kill("SIGINT");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
