/**
 * PostgreSQL owner and app roles. The migrations run as the owner (`DATABASE_OWNER_URL`), which
 * owns every table, function and trigger; the server then serves requests as the app role
 * (`DATABASE_URL`), which reads and writes rows but cannot touch the audit trail's defences:
 * only a table's owner may disable, drop or replace its triggers, and the app role is granted no
 * INSERT/UPDATE/DELETE/TRUNCATE on `audit_log` (entries arrive through the owner's SECURITY
 * DEFINER seal, migration 010) nor UPDATE of the chain head in `change_counter`.
 *
 * The grants are applied at every start, not once in a migration, so they follow the app role
 * named in `DATABASE_URL` and cover the tables later migrations add. PGlite (embedded, one user)
 * has no roles to separate: there the signed checkpoints alone catch tampering.
 */
import type { Database, Queryable } from "./database";
import { MIGRATION_LOCK_KEY } from "./migrate";

/** Quotes a role name as an SQL identifier. */
function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The role a connection runs as, and whether it could bypass every grant. */
export async function currentRole(db: Queryable): Promise<{ name: string; isSuperuser: boolean }> {
  const [row] = await db.query<{ name: string; super: boolean }>(
    "select current_user as name, rolsuper as super from pg_roles where rolname = current_user",
  );
  if (!row) throw new Error("cannot read the current database role");
  return { name: row.name, isSuperuser: row.super };
}

/**
 * As the owner, after the migrations: gives `appRole` what the server needs and nothing that
 * would let it rewrite the audit trail. Refuses an app role that is the owner or a superuser,
 * since then the separation would be a promise only. Idempotent; serialised with the migrators
 * (concurrent GRANTs on one object can fail with "tuple concurrently updated").
 */
export async function grantAppRole(owner: Database, appRole: string): Promise<void> {
  const ownerRole = await currentRole(owner);
  if (ownerRole.name === appRole) {
    throw new Error(
      "DATABASE_URL and DATABASE_OWNER_URL sign in as the same role: the server needs an app role of its own",
    );
  }
  const [app] = await owner.query<{ super: boolean }>(
    "select rolsuper as super from pg_roles where rolname = $1",
    [appRole],
  );
  if (!app) throw new Error(`the app role ${appRole} does not exist`);
  if (app.super) {
    throw new Error(`the app role ${appRole} is a superuser: it could disable the audit trigger`);
  }
  const role = ident(appRole);
  await owner.transaction(async (tx) => {
    await tx.query("select pg_advisory_xact_lock($1)", [MIGRATION_LOCK_KEY]);
    const [audit] = await tx.query<{ owner: string }>(
      "select tableowner as owner from pg_tables where schemaname = 'public' and tablename = 'audit_log'",
    );
    if (audit?.owner === appRole) {
      throw new Error(`the app role ${appRole} owns audit_log: run the migrations as the owner`);
    }
    for (const statement of [
      `grant usage on schema public to ${role}`,
      `grant select, insert, update, delete on all tables in schema public to ${role}`,
      `grant usage, select, update on all sequences in schema public to ${role}`,
      // Read only: the trail itself, the record of applied migrations.
      `revoke insert, update, delete, truncate, references, trigger on audit_log from ${role}`,
      `revoke insert, update, delete, truncate on schema_migrations from ${role}`,
      // The change and outbox counters move with every action; the chain head only in the seal.
      // (A table-level REVOKE also drops column grants, so the column grant comes after it.)
      `revoke update on change_counter from ${role}`,
      `grant update (last_seq, last_outbox_seq) on change_counter to ${role}`,
    ]) {
      await tx.query(statement);
    }
  });
}

/**
 * As the app role, before serving: confirms the separation holds (a wrong grant by hand, or an
 * app role that is a member of the owner, would leave the audit trail writable).
 */
export async function assertAppRoleConfined(app: Queryable): Promise<void> {
  const [row] = await app.query<{ writable: boolean; owner: boolean }>(
    `select has_table_privilege(current_user, 'audit_log', 'UPDATE, DELETE, TRUNCATE, INSERT') as writable,
            pg_has_role(current_user, (select tableowner from pg_tables
              where schemaname = 'public' and tablename = 'audit_log'), 'USAGE') as owner`,
  );
  if (row?.writable || row?.owner) {
    throw new Error(
      "the app role (DATABASE_URL) can write audit_log or acts as its owner: grant it only what server/db/roles.ts grants",
    );
  }
}
