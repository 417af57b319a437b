import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import pg from "pg";

/** The slice of a SQL connection the server uses, identical for PGlite and PostgreSQL. */
export interface Queryable {
  query<Row extends object>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

export interface Database extends Queryable {
  readonly kind: "pglite" | "postgres";
  /** Runs `work` in one transaction; rolls back if it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Subscribes to `NOTIFY channel`. PostgreSQL: on a dedicated connection, so notifications from
   * every server process on the database arrive here. PGlite: the same API in process.
   * Returns the unsubscribe function.
   */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A PostgreSQL connection string; when absent the embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite's data folder; when absent (and no URL) the database lives in memory. */
  dataDir?: string | undefined;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(options.dataDir);
}

/** Lets the event loop read sockets between two turns of the embedded database. */
const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

async function openPglite(dataDir: string | undefined): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // pg_trgm backs the search index (migration 008), as on PostgreSQL.
  const db = await PGlite.create(dataDir, { extensions: { pg_trgm } });
  const run = async <Row extends object>(
    target: Pick<PGlite, "query">,
    sql: string,
    params?: readonly unknown[],
  ): Promise<Row[]> => (await target.query<Row>(sql, params ? [...params] : undefined)).rows;
  // PGlite is one connection in this process, so statements and transactions take turns in one
  // first-come, first-served line. Its work resolves through promises alone (no I/O), so a line of
  // waiting transactions would run back to back without the event loop ever reading a socket: under
  // 50 clients some requests went unread for over 10 s. Each turn therefore starts after the loop
  // has polled I/O once.
  let tail: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const turn = tail.then(yieldToIo, yieldToIo).then(work);
    tail = turn.catch(() => undefined);
    return turn;
  };
  return {
    kind: "pglite",
    query: (sql, params) => inTurn(() => run(db, sql, params)),
    transaction: (work) =>
      inTurn(() => db.transaction((tx) => work({ query: (sql, params) => run(tx, sql, params) }))),
    listen: (channel, onNotify) => db.listen(channel, onNotify),
    close: () => db.close(),
  };
}

/** Distinct statement texts prepared per connection; any beyond run unprepared. */
const MAX_PREPARED = 500;

async function openPostgres(connectionString: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // An idle client that errors (the server restarted) must not take the process down.
  pool.on("error", () => undefined);
  const listeners = new Set<pg.Client>();
  // Fail fast with a clear message instead of at the first request.
  await pool.query("select 1");
  const statementNames = new Map<string, string>();
  // Every statement with parameters runs as a named prepared statement, parsed and planned once
  // per connection instead of on every call (the server's SQL is a fixed set of texts).
  const named = (sql: string, params: readonly unknown[] | undefined): pg.QueryConfig => {
    if (!params) return { text: sql };
    let name = statementNames.get(sql);
    if (name === undefined && statementNames.size < MAX_PREPARED) {
      name = `s${statementNames.size + 1}`;
      statementNames.set(sql, name);
    }
    return name === undefined
      ? { text: sql, values: [...params] }
      : { name, text: sql, values: [...params] };
  };
  const run = async <Row extends object>(
    target: pg.Pool | pg.PoolClient,
    sql: string,
    params?: readonly unknown[],
  ): Promise<Row[]> => (await target.query<Row>(named(sql, params))).rows;
  return {
    kind: "postgres",
    query: (sql, params) => run(pool, sql, params),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query("begin");
        const result = await work({ query: (sql, params) => run(client, sql, params) });
        await client.query("commit");
        return result;
      } catch (error) {
        await client.query("rollback").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async listen(channel, onNotify) {
      if (!/^[a-z_]+$/.test(channel)) throw new Error(`bad channel name ${channel}`);
      // A client of its own, outside the pool: a LISTENing connection must stay checked out.
      const client = new pg.Client({ connectionString });
      await client.connect();
      client.on("notification", (message) => {
        if (message.channel === channel) onNotify(message.payload ?? "");
      });
      // A dropped listener connection must not crash the process; the hub's poll covers the gap.
      client.on("error", () => undefined);
      await client.query(`listen ${channel}`);
      listeners.add(client);
      return async () => {
        listeners.delete(client);
        await client.end().catch(() => undefined);
      };
    },
    async close() {
      await Promise.all([...listeners].map((c) => c.end().catch(() => undefined)));
      listeners.clear();
      await pool.end();
    },
  };
}
