/**
 * PostgreSQL owner and app roles (`server/db/roles.ts`): the migrations run as the owner, the
 * server as the app role, and the app role cannot quietly rewrite the audit trail: every attempt
 * is refused by PostgreSQL's privileges (SQLSTATE 42501), not by the append-only trigger (which a
 * role allowed to disable it could get past). The server meanwhile works as usual.
 * PGlite (embedded, one user) has no roles: the checkpoint tests in `audit-anchor.test.ts` cover it.
 */
import { AuditLog, AuditVerification } from "@shared/api/audit";
import type { MutationResponse } from "@shared/api/mutations";
import type { CaseDetail } from "@shared/domain/appeal";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../../../server/start";
import { ApiClient } from "../../support/api";
import { escalatedCase } from "../../support/appeals";
import { SERVICE_TOKEN } from "../../support/backends";
import {
  postgresUnavailableReason,
  startPostgres,
  type TestPostgres,
} from "../../support/postgres";

const skip = postgresUnavailableReason();
const INSUFFICIENT_PRIVILEGE = "42501";

async function sqlError(url: string, sql: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
    return null;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  } finally {
    await client.end();
  }
}

describe.skipIf(skip !== null)(`PostgreSQL owner and app roles${skip ? ` (${skip})` : ""}`, () => {
  let postgres: TestPostgres | null = null;
  let urls: { ownerUrl: string; appUrl: string };
  let server: RunningServer;

  beforeAll(async () => {
    postgres = await startPostgres();
    if (!postgres) throw new Error("no PostgreSQL");
    urls = await postgres.createOwnedDatabase("roles");
    server = await startServer({
      port: 0,
      databaseUrl: urls.appUrl,
      databaseOwnerUrl: urls.ownerUrl,
      demo: true,
      demoAppeals: 10,
      serviceToken: SERVICE_TOKEN,
    });
  });
  afterAll(async () => {
    await server?.close();
    await postgres?.stop();
  });

  it("runs as the app role and serves a whole case: claim, reveal, decide, verify", async () => {
    const [role] = await server.db.query<{ name: string }>("select current_user as name");
    expect(role?.name).toBe("roles_app");
    const agent = await ApiClient.login(server.url, "agent1");
    const c = await escalatedCase(server.url);
    const claimed = await agent.post<MutationResponse>(
      `/cases/${c.id}/claim`,
      {},
      { ifMatch: c.version },
    );
    expect(claimed.status).toBe(200);
    const reveal = await agent.post(
      `/cases/${c.id}/contact-reveal`,
      { purpose: "contact_party", reason: "Calling the seller about the transfer" },
      { key: null },
    );
    expect(reveal.status).toBe(200);
    const decided = await agent.post<MutationResponse>(
      `/cases/${c.id}/decision`,
      {
        outcome: "cancel_order",
        favouredParty: "respondent",
        rationale: "Both bank statements agree: the transfer never left the buyer's account.",
      },
      { ifMatch: claimed.body.version },
    );
    expect(decided.status).toBe(200);
    const detail = (await agent.get<CaseDetail>(`/cases/${c.id}`)).body;
    expect(detail.decisions).toHaveLength(1);
    const audit = AuditLog.parse((await agent.get(`/cases/${c.id}/audit`)).body).entries;
    expect(audit.map((e) => e.action)).toEqual(
      expect.arrayContaining(["claim", "contact_reveal", "decide"]),
    );
    const supervisor = await ApiClient.login(server.url, "supervisor1");
    const verification = AuditVerification.parse((await supervisor.get("/audit/verify")).body);
    expect(verification).toMatchObject({ ok: true, firstBroken: null });
  });

  it("refuses the app role every way of rewriting the audit trail", async () => {
    const asApp = (sql: string) => sqlError(urls.appUrl, sql);
    for (const sql of [
      "alter table audit_log disable trigger audit_log_no_update",
      "alter table audit_log disable trigger all",
      "drop trigger audit_log_no_update on audit_log",
      "create or replace function audit_log_append_only() returns trigger language plpgsql as $$ begin return null; end $$",
      "create or replace function journal_seal() returns trigger language plpgsql as $$ begin return null; end $$",
      "create trigger sneaky before insert on audit_log for each row execute function audit_log_append_only()",
      "update audit_log set action = 'nothing' where seq = 1",
      "delete from audit_log where seq = (select max(seq) from audit_log)",
      "truncate audit_log",
      "insert into audit_log select * from audit_log where seq = 1",
      "update change_counter set last_audit_seq = 0, last_audit_hash = 'x' where id = 1",
      "drop table audit_log",
      "alter table audit_log rename to audit_log_old",
      "delete from schema_migrations",
    ]) {
      expect({ sql, code: await asApp(sql) }).toEqual({ sql, code: INSUFFICIENT_PRIVILEGE });
    }
    // The owner still can (it is the DBA's role, kept out of the server's hands).
    expect(await sqlError(urls.ownerUrl, "select tgenabled from pg_trigger limit 1")).toBeNull();
    const supervisor = await ApiClient.login(server.url, "supervisor1");
    const verification = AuditVerification.parse((await supervisor.get("/audit/verify")).body);
    expect(verification.ok).toBe(true);
  });

  it("refuses to start when the app role could get past the separation", async () => {
    if (!postgres) throw new Error("no PostgreSQL");
    const sameRole = startServer({
      port: 0,
      databaseUrl: urls.ownerUrl,
      databaseOwnerUrl: urls.ownerUrl,
    });
    await expect(sameRole).rejects.toThrow(/same role/);
    const superuser = startServer({
      port: 0,
      databaseUrl: urls.ownerUrl.replace("roles_owner@", "postgres@"),
      databaseOwnerUrl: urls.ownerUrl,
    });
    await expect(superuser).rejects.toThrow(/superuser/);
    // An app role made a member of the owner inherits the owner's rights over the trigger.
    expect(await sqlError(postgres.url, "grant roles_owner to roles_app")).toBeNull();
    const member = startServer({
      port: 0,
      databaseUrl: urls.appUrl,
      databaseOwnerUrl: urls.ownerUrl,
    });
    await expect(member).rejects.toThrow(/acts as its owner/);
    expect(await sqlError(postgres.url, "revoke roles_owner from roles_app")).toBeNull();
  });
});
