/**
 * Runs the reference server in a child process (Electron's utilityProcess in the app, Node's
 * child_process.fork in tests) and waits until it reports the loopback port it listens on.
 */

/** The minimal surface shared by Electron's UtilityProcess and Node's ChildProcess. */
export interface ServerProcess {
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number | null) => void): void;
  send(message: unknown): void;
  kill(): void;
}

export type ForkServer = (entry: string, env: Record<string, string>) => ServerProcess;

export interface EmbeddedServer {
  readonly url: string;
  readonly port: number;
  /** Asks the server to close its database and exit; kills it if it has not within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

interface StartOptions {
  fork: ForkServer;
  entry: string;
  dataDir: string;
  /** PGlite's first start takes ~5 s on a slow machine; the demo seed a few more. */
  timeoutMs?: number;
}

export function startEmbeddedServer({
  fork,
  entry,
  dataDir,
  timeoutMs = 60_000,
}: StartOptions): Promise<EmbeddedServer> {
  const child = fork(entry, { ARBITER_DATA_DIR: dataDir });
  let exited = false;
  const exitWaiters: (() => void)[] = [];
  child.onExit(() => {
    exited = true;
    for (const resolve of exitWaiters.splice(0)) resolve();
  });

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`The embedded server did not start within ${timeoutMs / 1000} s.`));
    }, timeoutMs);

    child.onExit((code) => {
      clearTimeout(timer);
      reject(new Error(`The embedded server exited during start-up (code ${code}).`));
    });

    child.onMessage((message) => {
      if (!isServerMessage(message)) return;
      clearTimeout(timer);
      if (message.type === "failed") {
        reject(new Error(`The embedded server failed to start: ${message.message}`));
        return;
      }
      resolve({
        url: `http://127.0.0.1:${message.port}`,
        port: message.port,
        stop: (graceMs = 5_000) =>
          new Promise<void>((done) => {
            if (exited) return done();
            exitWaiters.push(done);
            child.send({ type: "stop" });
            setTimeout(() => {
              if (!exited) child.kill();
            }, graceMs).unref?.();
          }),
      });
    });
  });
}

type ServerMessage = { type: "listening"; port: number } | { type: "failed"; message: string };

function isServerMessage(message: unknown): message is ServerMessage {
  if (typeof message !== "object" || message === null || !("type" in message)) return false;
  if (message.type === "listening") return "port" in message && typeof message.port === "number";
  return message.type === "failed" && "message" in message && typeof message.message === "string";
}
