import type { FastifyInstance } from "fastify";
import { buildApp } from "./app";
import { type Database, openDatabase } from "./db/database";
import { migrate } from "./db/migrate";
import { isEmpty, seedDemo } from "./demo/seed";

export interface ServerOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** Seed the demo accounts and appeals when the database is empty. */
  demo?: boolean;
  demoAppeals?: number;
  staticDir?: string | undefined;
  logger?: boolean;
}

export interface RunningServer {
  url: string;
  port: number;
  db: Database;
  app: FastifyInstance;
  close(): Promise<void>;
}

/** Opens the database, brings its schema up to date, seeds the demo if asked, and listens. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const db = await openDatabase({ databaseUrl: options.databaseUrl, dataDir: options.dataDir });
  try {
    await migrate(db);
    if (options.demo && (await isEmpty(db))) await seedDemo(db, { appeals: options.demoAppeals });
    const app = await buildApp({
      db,
      staticDir: options.staticDir,
      logger: options.logger ?? false,
    });
    await app.listen({ host: options.host ?? "127.0.0.1", port: options.port ?? 8787 });
    const address = app.server.address();
    const port = typeof address === "object" && address ? address.port : (options.port ?? 8787);
    const host = options.host ?? "127.0.0.1";
    return {
      url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
      port,
      db,
      app,
      async close() {
        await app.close();
        await db.close();
      },
    };
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}
