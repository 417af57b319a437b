/**
 * Runs the reference server in a child process (Electron's utilityProcess in the app, Node's
 * child_process.fork in tests) and waits until it reports the loopback port it listens on.
 */
import { type EmbeddedServerCommand, EmbeddedServerMessage } from "@shared/ipc/embedded-server";

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
  /** Called once if the process ends without `stop()` having been asked (a crash, a kill). */
  onUnexpectedExit(listener: (code: number | null) => void): void;
}

interface StartOptions {
  fork: ForkServer;
  entry: string;
  dataDir: string;
  /**
   * Seed the demo accounts and appeals into an empty database. Off in a packaged install unless
   * asked for (ARBITER_DEMO=1): a real install never has accounts with the password "demo".
   */
  demo?: boolean;
  /** PGlite's first start takes ~5 s on a slow machine; the demo seed a few more. */
  timeoutMs?: number;
}

export function startEmbeddedServer({
  fork,
  entry,
  dataDir,
  demo = false,
  timeoutMs = 60_000,
}: StartOptions): Promise<EmbeddedServer> {
  const child = fork(entry, { ARBITER_DATA_DIR: dataDir, ARBITER_DEMO: demo ? "1" : "0" });
  let exited = false;
  let stopping = false;
  const exitWaiters: (() => void)[] = [];
  const unexpectedExitListeners: ((code: number | null) => void)[] = [];
  child.onExit((code) => {
    exited = true;
    for (const resolve of exitWaiters.splice(0)) resolve();
    if (!stopping) for (const listener of unexpectedExitListeners.splice(0)) listener(code);
  });

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`The embedded server did not start within ${timeoutMs / 1000} s.`));
    }, timeoutMs);

    child.onExit((code) => {
      clearTimeout(timer);
      // After start-up this rejection is ignored (the promise is settled); onUnexpectedExit reports it.
      reject(new Error(`The embedded server exited during start-up (code ${code}).`));
    });

    child.onMessage((raw) => {
      const parsed = EmbeddedServerMessage.safeParse(raw);
      if (!parsed.success) return;
      const message = parsed.data;
      clearTimeout(timer);
      if (message.type === "failed") {
        reject(new Error(`The embedded server failed to start: ${message.message}`));
        return;
      }
      resolve({
        url: `http://127.0.0.1:${message.port}`,
        port: message.port,
        onUnexpectedExit: (listener) => {
          if (!exited) unexpectedExitListeners.push(listener);
        },
        stop: (graceMs = 5_000) =>
          new Promise<void>((done) => {
            stopping = true;
            if (exited) return done();
            exitWaiters.push(done);
            child.send({ type: "stop" } satisfies EmbeddedServerCommand);
            setTimeout(() => {
              if (!exited) child.kill();
            }, graceMs).unref?.();
          }),
      });
    });
  });
}

export interface SupervisedServer {
  /** The server now running (it changes after a restart: the port is new). */
  current(): EmbeddedServer;
  /** Stops the server and any restart in progress; the supervisor is done after this. */
  stop(): Promise<void>;
}

interface SuperviseOptions {
  start: () => Promise<EmbeddedServer>;
  /** A new server is up after a crash; the shell points its windows at the new URL. */
  onRestarted: (server: EmbeddedServer) => void;
  /** Restarts failed `maxRestarts` times in a row: the shell tells the agent and stays up. */
  onGaveUp: (error: Error) => void;
  log: (message: string) => void;
  maxRestarts?: number;
  /** Wait before restart n (0-based): doubles from 1 s, at most 30 s, so a crash loop does not spin. */
  backoffMs?: (attempt: number) => number;
}

/**
 * Starts the embedded server and starts it again whenever it dies on its own. Restarting is safe:
 * the server keeps nothing but its PGlite folder, which a new process reopens, and the renderer
 * keeps unsent work in its outbox until the server acknowledges it.
 */
export async function superviseEmbeddedServer({
  start,
  onRestarted,
  onGaveUp,
  log,
  maxRestarts = 5,
  backoffMs = (attempt) => Math.min(30_000, 1_000 * 2 ** attempt),
}: SuperviseOptions): Promise<SupervisedServer> {
  let server = await start();
  let stopped = false;
  let failures = 0;
  let pendingRestart: Promise<void> | null = null;

  const restart = async (code: number | null) => {
    log(`Embedded server exited unexpectedly (code ${code}); restarting.`);
    while (!stopped) {
      await new Promise((resolve) => setTimeout(resolve, backoffMs(failures)));
      if (stopped) return;
      try {
        server = await start();
        failures = 0;
        watch(server);
        log(`Embedded server restarted on ${server.url}.`);
        if (!stopped) onRestarted(server);
        return;
      } catch (error) {
        failures += 1;
        log(`Embedded server restart ${failures} failed: ${String(error)}`);
        if (failures >= maxRestarts) {
          onGaveUp(error instanceof Error ? error : new Error(String(error)));
          return;
        }
      }
    }
  };

  const watch = (running: EmbeddedServer) =>
    running.onUnexpectedExit((code) => {
      if (stopped) return;
      pendingRestart = restart(code).finally(() => {
        pendingRestart = null;
      });
    });
  watch(server);

  return {
    current: () => server,
    stop: async () => {
      stopped = true;
      await pendingRestart;
      await server.stop();
    },
  };
}
