/**
 * The README's commands, spawned exactly as a user types them (`npm run …`), not through the fast
 * path the other e2e tests take: a break in `scripts/` or `package.json` fails here.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, test } from "vitest";
import { ApiClient } from "../support/api";
import { launchChromium } from "./support/chromium";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const running: ChildProcess[] = [];
const folders: string[] = [];

interface Command {
  child: ChildProcess;
  output(): string;
  /** Resolves with the first match of `pattern` in the output (stdout and stderr). */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  exited: Promise<number | null>;
}

function throwawayDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "arbiter-readme-"));
  folders.push(dir);
  return dir;
}

/** `npm <args>` in the repository, in its own process group so the whole tree can be stopped. */
function npm(args: string[], env: Record<string, string | undefined>): Command {
  const child = spawn("npm", args, {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: undefined, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  running.push(child);
  let output = "";
  const listeners = new Set<() => void>();
  const onData = (data: Buffer) => {
    output += data.toString();
    for (const listener of listeners) listener();
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  return {
    child,
    exited,
    output: () => output,
    waitFor(pattern, timeoutMs = 120_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(output);
          if (!match) return;
          listeners.delete(check);
          clearTimeout(timer);
          resolve(match);
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`\`npm ${args.join(" ")}\` never printed ${pattern}:\n${output}`));
        }, timeoutMs);
        listeners.add(check);
        exited.then(() => {
          if (listeners.has(check)) {
            listeners.delete(check);
            clearTimeout(timer);
            reject(new Error(`\`npm ${args.join(" ")}\` exited:\n${output}`));
          }
        });
        check();
      });
    },
  };
}

async function stop(command: Command): Promise<void> {
  if (command.child.exitCode !== null || command.child.pid === undefined) return;
  process.kill(-command.child.pid, "SIGTERM");
  const timeout = new Promise((resolve) => setTimeout(resolve, 10_000, "timeout"));
  if ((await Promise.race([command.exited, timeout])) === "timeout") {
    process.kill(-command.child.pid, "SIGKILL");
  }
}

afterAll(async () => {
  for (const child of running) {
    if (child.exitCode === null && child.pid !== undefined) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  }
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

const LISTENING = /listening on (http:\/\/\S+)/;

async function signIn(url: string, username: string): Promise<ApiClient> {
  const login = await new ApiClient(url).request<{ token: string; user: { username: string } }>(
    "POST",
    "/api/v1/auth/login",
    { body: { username, password: "demo" } },
  );
  expect(login.status).toBe(200);
  expect(login.body.user.username).toBe(username);
  return new ApiClient(url, login.body.token);
}

test("`npm run web` builds the desk, serves it with demo data, and agent1/demo signs in", async () => {
  const web = npm(["run", "web"], { PORT: "0", DATA_DIR: throwawayDir() });
  try {
    const [, url] = await web.waitFor(LISTENING, 170_000);
    if (!url) throw new Error("no URL");
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const shell = await fetch(url);
    expect(shell.status).toBe(200);
    expect(await shell.text()).toContain('<div id="root">');

    const browser = await launchChromium();
    try {
      const page = await browser.context.newPage();
      await page.goto(url);
      await page.getByLabel("Username").fill("agent1");
      await page.getByLabel("Password").fill("demo");
      await page.getByRole("button", { name: "Sign in" }).click();
      const queue = page.getByRole("table", { name: "Appeal queue" });
      await expect
        .poll(() => queue.getAttribute("aria-rowcount"), { timeout: 30_000 })
        .toBe(String(240 + 1));
    } finally {
      await browser.close();
    }
  } finally {
    await stop(web);
  }
}, 240_000);

test("`npm run server -- --demo` serves the API; `npm run simulate -- --seed 42` files appeals into it", async () => {
  const server = npm(["run", "server", "--", "--demo"], { PORT: "0", DATA_DIR: throwawayDir() });
  try {
    const [, url] = await server.waitFor(LISTENING);
    if (!url) throw new Error("no URL");
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    const agent = await signIn(url, "agent1");
    const before = await agent.get<{ items: { reference: string }[] }>("/cases?limit=500");
    expect(before.body.items).toHaveLength(240);

    // The simulator's default URL is the server's default port; ARBITER_URL points it elsewhere.
    const simulator = npm(["run", "simulate", "--", "--seed", "42"], { ARBITER_URL: url });
    try {
      const [, reference] = await simulator.waitFor(/filed (AP-\d{6})/, 60_000);
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      expect(simulator.child.exitCode).toBeNull();
      expect(simulator.output()).not.toMatch(/filing failed|→ [45]\d\d/);
      const after = await agent.get<{ items: { reference: string }[] }>("/cases?limit=500");
      expect(after.body.items.length).toBeGreaterThan(240);
      expect(after.body.items.map((item) => item.reference)).toContain(reference);
    } finally {
      await stop(simulator);
    }
  } finally {
    await stop(server);
  }
}, 180_000);

test("`npm start` without an Electron binary says so in one line and points to web mode", async () => {
  // An empty dist folder stands in for a machine where the binary was never downloaded.
  const start = npm(["start"], { ELECTRON_OVERRIDE_DIST_PATH: throwawayDir() });
  const code = await start.exited;
  expect(code).toBe(1);
  const lines = start
    .output()
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.startsWith(">"));
  expect(lines).toEqual([
    "Arbiter Desk cannot launch: the Electron binary is not installed on this machine. Run `npm run web` to use the desk in a browser.",
  ]);
}, 60_000);
