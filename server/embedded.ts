/**
 * Entry of the reference server when the desktop app embeds it: forked by the Electron main
 * process (utilityProcess) or by Node (child_process.fork, in tests). It listens on a free
 * loopback port and reports `{ type: "listening", port }` to its parent, then serves until told
 * `{ type: "stop" }` or its parent goes away.
 */
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { EmbeddedServerCommand, type EmbeddedServerMessage } from "@shared/ipc/embedded-server";
import { startServer } from "./start";

/**
 * The integration API's token of this install: random, made on first start, kept (0600) in the
 * data folder. A well-known token would let any local program file or answer appeals.
 */
function installServiceToken(dataDir: string): string {
  const path = join(dataDir, "service-token");
  if (!existsSync(path)) {
    writeFileSync(path, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  }
  return readFileSync(path, "utf8").trim();
}

interface ParentPort {
  postMessage(message: unknown): void;
  on(event: "message", listener: (event: { data: unknown }) => void): void;
}

/** Electron's utility process exposes `process.parentPort`; Node's fork exposes `process.send`. */
function parentChannel() {
  const electronPort = (process as NodeJS.Process & { parentPort?: ParentPort }).parentPort;
  if (electronPort) {
    return {
      send: (message: unknown) => electronPort.postMessage(message),
      onMessage: (listener: (message: unknown) => void) =>
        electronPort.on("message", (event) => listener(event.data)),
    };
  }
  return {
    send: (message: unknown) => process.send?.(message),
    onMessage: (listener: (message: unknown) => void) => process.on("message", listener),
  };
}

async function main(): Promise<void> {
  const channel = parentChannel();
  const dataDir = process.env.ARBITER_DATA_DIR;
  if (!dataDir) throw new Error("ARBITER_DATA_DIR is not set");
  const { mkdirSync } = await import("node:fs");
  mkdirSync(dataDir, { recursive: true });
  const server = await startServer({
    host: "127.0.0.1",
    port: 0,
    dataDir,
    demo: process.env.ARBITER_DEMO === "1",
    serviceToken: installServiceToken(dataDir),
  });
  channel.send({ type: "listening", port: server.port } satisfies EmbeddedServerMessage);
  const stop = () => {
    server.close().finally(() => process.exit(0));
  };
  channel.onMessage((message) => {
    if (EmbeddedServerCommand.safeParse(message).success) stop();
  });
  process.once("disconnect", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  const channel = parentChannel();
  channel.send({
    type: "failed",
    message: error instanceof Error ? error.message : String(error),
  } satisfies EmbeddedServerMessage);
  process.exit(1);
});
