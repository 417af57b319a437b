import type { Database } from "./database";
import { MIGRATIONS } from "./migrations";

/** Arbitrary but fixed: serialises migrators when several server processes start on one database. */
const MIGRATION_LOCK_KEY = 7_231_004;

export interface Migration {
  /** Sortable and never renamed once shipped, e.g. "001-initial". */
  id: string;
  sql: string;
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
      await tx.query("insert into schema_migrations (id) values ($1)", [migration.id]);
      return true;
    });
    if (done) applied.push(migration.id);
  }
  return applied;
}

/**
 * Splits a migration into statements on semicolons at line ends. Migrations are ours and written
 * with that in mind (no semicolons inside function bodies), which keeps both drivers on the
 * extended protocol with one statement per call.
 */
function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
