import type { Database, Queryable } from "./database";
import { MIGRATIONS } from "./migrations";

/** Arbitrary but fixed: serialises migrators when several server processes start on one database. */
export const MIGRATION_LOCK_KEY = 7_231_004;

export interface Migration {
  /** Sortable and never renamed once shipped, e.g. "001-initial". */
  id: string;
  sql: string;
  /** A step SQL cannot express (rewriting stored JSON through the shared schemas), after `sql`. */
  run?: (tx: Queryable) => Promise<void>;
}

/**
 * Applies, in order and each in its own transaction, the migrations the database has not seen.
 * Returns the ids applied. Safe to call from several processes at once.
 */
export async function migrate(db: Database): Promise<string[]> {
  await db.query(
    "create table if not exists schema_migrations (id text primary key, applied_at timestamptz not null default now())",
  );
  const applied: string[] = [];
  for (const migration of MIGRATIONS) {
    const done = await db.transaction(async (tx) => {
      await tx.query("select pg_advisory_xact_lock($1)", [MIGRATION_LOCK_KEY]);
      const seen = await tx.query("select 1 from schema_migrations where id = $1", [migration.id]);
      if (seen.length > 0) return false;
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await migration.run?.(tx);
      await tx.query("insert into schema_migrations (id) values ($1)", [migration.id]);
      return true;
    });
    if (done) applied.push(migration.id);
  }
  return applied;
}

/**
 * Splits a migration into statements on semicolons at line ends, except inside dollar-quoted
 * bodies (functions), so both drivers stay on the extended protocol with one statement per call.
 */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let current = "";
  let inBody = false;
  for (const line of sql.split("\n")) {
    current += `${line}\n`;
    if ((line.match(/\$\$/g)?.length ?? 0) % 2 === 1) inBody = !inBody;
    if (!inBody && /;\s*$/.test(line)) {
      statements.push(current.trim().replace(/;$/, ""));
      current = "";
    }
  }
  if (current.trim()) statements.push(current.trim());
  return statements.filter((s) => s.length > 0);
}
