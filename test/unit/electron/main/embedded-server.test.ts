/**
 * The embedded backend's lifecycle with the real reference server: `server/embedded.ts` forked
 * with Node (tsx) exactly as Electron's utilityProcess forks the bundled copy, on a fresh PGlite
 * folder. It must start on a free loopback port, come back after being killed, and stop cleanly.
 */
import { type ChildProcess, fork } from "node:child_process";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, test } from "vitest";
import {
  type ForkServer,
  type SupervisedServer,
  startEmbeddedServer,
  superviseEmbeddedServer,
} from "../../../../electron/main/embedded-server";

const ENTRY = fileURLToPath(new URL("../../../../server/embedded.ts", import.meta.url));
const children: ChildProcess[] = [];

const forkWithNode: ForkServer = (entry, env) => {
  const child = fork(entry, [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  children.push(child);
  return {
    onMessage: (listener) => child.on("message", listener),
    onExit: (listener) => child.on("exit", (code) => listener(code)),
    send: (message) => child.send(message as object),
    kill: () => child.kill("SIGKILL"),
  };
};

async function health(url: string): Promise<number> {
  return (await fetch(`${url}/healthz`)).status;
}

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
});

describe("embedded server lifecycle (real server module)", () => {
  let supervised: SupervisedServer;
  const restarts: string[] = [];

  test("starts on a free loopback port with its database in the data folder", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "arbiter-embedded-"));
    supervised = await superviseEmbeddedServer({
      start: () =>
        startEmbeddedServer({ fork: forkWithNode, entry: ENTRY, dataDir, timeoutMs: 150_000 }),
      onRestarted: (server) => restarts.push(server.url),
      onGaveUp: (error) => {
        throw error;
      },
      log: () => {},
      backoffMs: () => 50,
    });
    const { url, port } = supervised.current();
    expect(url).toBe(`http://127.0.0.1:${port}`);
    expect(port).toBeGreaterThan(0);
    expect(await health(url)).toBe(200);

    // No demo data was asked for: no demo accounts to sign in with.
    const login = await fetch(`${url}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "agent1", password: "demo" }),
    });
    expect(login.status).toBe(401);
    // The integration API has a random token of this install, kept private in the data folder.
    const tokenFile = join(dataDir, "service-token");
    expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
    const token = readFileSync(tokenFile, "utf8").trim();
    expect(token).toMatch(/^[\w-]{43}$/);
    const asPlatform = (t: string) =>
      fetch(`${url}/api/v1/integration/appeals/no-such-case`, {
        headers: { authorization: `Bearer ${t}` },
      });
    expect((await asPlatform(token)).status).toBe(404);
    expect((await asPlatform("demo-service-token")).status).toBe(403);
    // DNS rebinding: a page of another site, re-pointed at 127.0.0.1, is refused.
    const asHost = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const request = httpRequest(`${url}/healthz`, { headers: { host } }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        });
        request.on("error", reject);
        request.end();
      });
    expect(await asHost(`evil.example:${port}`)).toBe(421);
    expect(await asHost(`localhost:${port}`)).toBe(200);
    expect(await asHost(`127.0.0.1:${port}`)).toBe(200);
  }, 180_000);

  test("comes back by itself when the process dies", async () => {
    const first = children.at(-1)!;
    const before = supervised.current();
    first.kill("SIGKILL");
    await expect.poll(() => restarts.length, { timeout: 150_000, interval: 200 }).toBe(1);
    const after = supervised.current();
    expect(after).not.toBe(before);
    expect(await health(after.url)).toBe(200);
    await expect(health(before.url)).rejects.toThrow();
  }, 180_000);

  test("stops cleanly when asked (the process exits, no restart follows)", async () => {
    const child = children.at(-1)!;
    const exited = new Promise<number | null>((resolve) =>
      child.once("exit", (code) => resolve(code)),
    );
    await supervised.stop();
    expect(await exited).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(restarts.length).toBe(1);
    expect(children.length).toBe(2);
  }, 60_000);
});

describe("start-up failures", () => {
  test("a server that cannot start is reported, not waited for", async () => {
    // No ARBITER_DATA_DIR reaches the child: the entry reports "failed" and exits.
    const failing: ForkServer = (entry, env) =>
      forkWithNode(entry, { ...env, ARBITER_DATA_DIR: "" });
    await expect(
      startEmbeddedServer({ fork: failing, entry: ENTRY, dataDir: "", timeoutMs: 60_000 }),
    ).rejects.toThrow(/failed to start|exited during start-up/);
  }, 90_000);
});
