/**
 * Least privilege over HTTP, on PGlite and PostgreSQL: who may reveal contacts and how it is
 * recorded; sign-in throttling and the bounded password hashing; the live stream's single-use
 * tickets and its end with the session; no-store/nosniff headers; idempotency kept 7 days.
 */
import { randomUUID } from "node:crypto";
import { AuditLog } from "@shared/api/audit";
import type { MutationResponse } from "@shared/api/mutations";
import type { CaseDetail } from "@shared/domain/appeal";
import { ContactRevealResponse } from "@shared/reports/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { purgeExpiredKeys } from "../../../server/idempotency/store";
import { ApiClient } from "../../support/api";
import { escalatedCase } from "../../support/appeals";
import { BACKENDS, type Backend, openBackend } from "../../support/backends";

const DAY = 24 * 60 * 60 * 1000;

for (const { name, skip } of BACKENDS) {
  describe.skipIf(skip !== null)(`privacy rules on ${name}${skip ? ` (${skip})` : ""}`, () => {
    let backend: Backend;
    let url: string;
    let agent1: ApiClient;
    let agent2: ApiClient;
    let supervisor1: ApiClient;

    beforeAll(async () => {
      backend = await openBackend(name, 5);
      url = backend.server.url;
      agent1 = await ApiClient.login(url, "agent1");
      agent2 = await ApiClient.login(url, "agent2");
      supervisor1 = await ApiClient.login(url, "supervisor1");
    });
    afterAll(async () => {
      await backend?.close();
    });

    async function claimedByAgent1(): Promise<CaseDetail> {
      const c = await escalatedCase(url);
      const r = await agent1.post<MutationResponse>(
        `/cases/${c.id}/claim`,
        {},
        { ifMatch: c.version },
      );
      expect(r.status).toBe(200);
      return r.body.case as CaseDetail;
    }
    const reveal = (client: ApiClient, id: string, reason: string) =>
      client.post(
        `/cases/${id}/contact-reveal`,
        { purpose: "contact_party", reason },
        { key: null },
      );

    it("reveals contacts to the assignee and supervisors only, with a reason, audited, never cached", async () => {
      const c = await claimedByAgent1();
      expect(c.complainant.phone).toBe("+84 ••• ••• 678");
      const before = AuditLog.parse((await agent1.get(`/cases/${c.id}/audit`)).body).entries;

      const stranger = await reveal(agent2, c.id, "Just curious about this one");
      expect(stranger.status).toBe(403);
      expect((await reveal(agent1, c.id, "")).status).toBe(400);
      expect((await reveal(agent1, c.id, " ab ")).status).toBe(400);
      // Refusals change nothing: no audit entry.
      expect(AuditLog.parse((await agent1.get(`/cases/${c.id}/audit`)).body).entries).toHaveLength(
        before.length,
      );

      const ok = await reveal(agent1, c.id, "Calling the seller about the transfer");
      expect(ok.status).toBe(200);
      expect(ok.headers.get("cache-control")).toBe("no-store");
      const body = ContactRevealResponse.parse(ok.body);
      expect(body.contacts.find((p) => p.role === "complainant")?.phone).toBe("+84 912345678");
      const bySupervisor = await reveal(supervisor1, c.id, "Complaint from the buyer's bank");
      expect(bySupervisor.status).toBe(200);

      const after = AuditLog.parse((await agent1.get(`/cases/${c.id}/audit`)).body).entries;
      const reveals = after.filter((e) => e.action === "contact_reveal");
      expect(reveals.map((e) => [e.actorId, e.details.reason])).toEqual([
        ["u-agent1", "Calling the seller about the transfer"],
        ["u-supervisor1", "Complaint from the buyer's bank"],
      ]);
      // The audit trail records the reveal, not the revealed values.
      expect(JSON.stringify(after)).not.toContain("912345678");
    });

    it("sends no-store and nosniff with API answers; evidence is not kept in the browser cache", async () => {
      const c = await claimedByAgent1();
      const detail = await agent2.get(`/cases/${c.id}`);
      expect(detail.headers.get("cache-control")).toBe("no-store");
      expect(detail.headers.get("x-content-type-options")).toBe("nosniff");
      const list = await agent2.get("/cases?limit=5");
      expect(list.headers.get("cache-control")).toBe("no-store");
      const problem = await agent2.get("/cases/no-such-case");
      expect(problem.headers.get("cache-control")).toBe("no-store");
      const form = new FormData();
      form.set(
        "file",
        new Blob(["Bank statement, 2 500 000 VND"], { type: "text/plain" }),
        "s.txt",
      );
      const uploaded = await agent1.upload<MutationResponse>(`/cases/${c.id}/evidence`, form, {
        ifMatch: c.version,
      });
      const evidenceId = uploaded.body.case?.evidence.at(-1)?.id;
      const content = await agent2.get(`/evidence/${evidenceId}/content`);
      expect(content.status).toBe(200);
      expect(content.headers.get("cache-control")).toContain("no-store");
      expect(content.headers.get("cache-control")).not.toContain("max-age");
    });

    it("opens the live stream with a single-use ticket, never the token in the URL, and ends it with the session", async () => {
      const session = await ApiClient.login(url, "agent2");
      // The bearer token in the query is not accepted any more.
      const byToken = await fetch(`${url}/api/v1/events?access_token=${session.token}`);
      expect(byToken.status).toBe(401);
      const issued = await session.post<{ ticket: string; expiresAt: string }>(
        "/events/ticket",
        undefined,
        { key: null },
      );
      expect(issued.status).toBe(200);
      expect(Date.parse(issued.body.expiresAt) - Date.now()).toBeLessThanOrEqual(30_000);
      const controller = new AbortController();
      const stream = await fetch(`${url}/api/v1/events?ticket=${issued.body.ticket}`, {
        signal: controller.signal,
      });
      expect(stream.status).toBe(200);
      expect(stream.headers.get("cache-control")).toContain("no-store");
      // Spent: a second use (a replayed URL from a log) opens nothing.
      const again = await fetch(`${url}/api/v1/events?ticket=${issued.body.ticket}`);
      expect(again.status).toBe(401);
      expect((await fetch(`${url}/api/v1/events?ticket=made-up`)).status).toBe(401);
      // An expired ticket opens nothing either.
      const old = await session.post<{ ticket: string }>("/events/ticket", undefined, {
        key: null,
      });
      await backend.server.db.query(
        "update event_tickets set expires_at = now() - interval '1 second'",
      );
      expect((await fetch(`${url}/api/v1/events?ticket=${old.body.ticket}`)).status).toBe(401);

      // Signing out ends the open stream: the body reaches its end.
      const reader = stream.body?.getReader();
      const ended = (async () => {
        for (;;) {
          const chunk = await reader?.read();
          if (!chunk || chunk.done) return true;
        }
      })();
      expect((await session.post("/auth/logout", undefined, { key: null })).status).toBe(204);
      await expect(ended).resolves.toBe(true);
      controller.abort();
    });

    it("keeps idempotency keys 7 days: a retry after 6 days offline is still a replay", async () => {
      const c = await claimedByAgent1();
      const key = randomUUID();
      const note = { text: "Written offline on Monday." };
      const first = await agent1.post<MutationResponse>(`/cases/${c.id}/notes`, note, {
        key,
        ifMatch: c.version,
      });
      expect(first.status).toBe(200);
      const aged = (days: number) =>
        backend.server.db.query(
          "update idempotency_keys set created_at = now() - make_interval(days => $2) where key = $1",
          [key, days],
        );
      await aged(6);
      await purgeExpiredKeys(backend.server.db);
      const retry = await agent1.post<MutationResponse>(`/cases/${c.id}/notes`, note, {
        key,
        ifMatch: c.version,
      });
      expect(retry.headers.get("idempotent-replayed")).toBe("true");
      expect(retry.body.version).toBe(first.body.version);
      await aged(8);
      await purgeExpiredKeys(backend.server.db);
      const [left] = await backend.server.db.query<{ n: number }>(
        "select count(*)::int as n from idempotency_keys where key = $1",
        [key],
      );
      expect(left?.n).toBe(0);
      // A shorter retention (IDEMPOTENCY_RETENTION_DAYS) is honoured by the purge too.
      const other = randomUUID();
      await agent1.post(
        `/cases/${c.id}/notes`,
        { text: "Second note." },
        {
          key: other,
          ifMatch: first.body.version,
        },
      );
      await backend.server.db.query(
        "update idempotency_keys set created_at = now() - interval '2 days' where key = $1",
        [other],
      );
      await purgeExpiredKeys(backend.server.db, new Date(), DAY);
      const [gone] = await backend.server.db.query<{ n: number }>(
        "select count(*)::int as n from idempotency_keys where key = $1",
        [other],
      );
      expect(gone?.n).toBe(0);
    });

    it("redaction removes the case's copies: its unshared evidence bytes and stored replays; the feed tombstones it", async () => {
      const c = await claimedByAgent1();
      const other = await claimedByAgent1();
      const upload = async (caseId: string, version: number, text: string) => {
        const form = new FormData();
        form.set("file", new Blob([text], { type: "text/plain" }), "statement.txt");
        const r = await agent1.upload<MutationResponse>(`/cases/${caseId}/evidence`, form, {
          ifMatch: version,
        });
        expect(r.status).toBe(200);
        return r.body;
      };
      const own = await upload(c.id, c.version, `Bank statement of ${randomUUID()}`);
      const shared = `Shared receipt ${randomUUID()}`;
      const withShared = await upload(c.id, own.version, shared);
      await upload(other.id, other.version, shared);
      const ownSha = own.case?.evidence.at(-1)?.sha256;
      const sharedSha = withShared.case?.evidence.at(-1)?.sha256;
      const key = randomUUID();
      const note = { text: "Called the buyer." };
      const noted = await agent1.post<MutationResponse>(`/cases/${c.id}/notes`, note, {
        key,
        ifMatch: withShared.version,
      });
      expect(noted.status).toBe(200);

      const redacted = await supervisor1.post<MutationResponse>(
        `/cases/${c.id}/redact`,
        { reason: "Data-subject erasure request." },
        { ifMatch: noted.body.version },
      );
      expect(redacted.status).toBe(200);
      expect(redacted.body.case).toBeNull();
      const blobs = async (sha: string | undefined) =>
        (
          await backend.server.db.query<{ n: number }>(
            "select count(*)::int as n from evidence_blobs where sha256 = $1",
            [sha],
          )
        )[0]?.n;
      expect(await blobs(ownSha)).toBe(0);
      expect(await blobs(sharedSha)).toBe(1); // still another case's evidence
      const [stored] = await backend.server.db.query<{ n: number }>(
        "select count(*)::int as n from idempotency_keys where position($1 in response) > 0",
        [`"id":"${c.id}"`],
      );
      expect(stored?.n).toBe(0);
      // The retried note is no longer a replay of an answer carrying the case: the case is gone.
      const retry = await agent1.post(`/cases/${c.id}/notes`, note, {
        key,
        ifMatch: withShared.version,
      });
      expect(retry.status).toBe(404);
      const feed = await agent2.get<{ changes: { type: string; id?: string }[] }>(
        "/cases/changes?limit=1000",
      );
      expect(feed.body.changes).toContainEqual({ type: "tombstone", id: c.id, reason: "redacted" });
    });

    const login = (username: string, password: string) =>
      new ApiClient(url).request<{ retryAfterSeconds?: number }>("POST", "/api/v1/auth/login", {
        body: { username, password },
      });

    it("locks an account after five wrong passwords: 429 with Retry-After, even for the right one", async () => {
      for (let i = 0; i < 6; i++) expect((await login("agent2", "wrong")).status).toBe(401);
      const locked = await login("agent2", "wrong");
      expect(locked.status).toBe(429);
      const wait = Number(locked.headers.get("retry-after"));
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(30);
      expect(locked.body.retryAfterSeconds).toBe(wait);
      // The right password does not get through a lockout (that is what makes guessing pointless).
      expect((await login("agent2", "demo")).status).toBe(429);
      // Another account from the same address signs in.
      expect((await login("supervisor2", "demo")).status).toBe(200);
    });

    it("bounds concurrent password hashing: a flood gets 503 with Retry-After, the rest are served", async () => {
      const answers = await Promise.all(
        Array.from({ length: 40 }, () => login("supervisor1", "demo")),
      );
      const statuses = answers.map((a) => a.status);
      const busy = answers.filter((a) => a.status === 503);
      expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(34);
      expect(busy.length).toBeGreaterThan(0);
      expect(busy.every((a) => a.headers.get("retry-after") === "1")).toBe(true);
      expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
      // The server is still answering everything else.
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
    });

    // Last: it locks this test's only client address for every account.
    it("locks a client address spraying many accounts", async () => {
      let status = 0;
      for (let i = 0; i < 25 && status !== 429; i++) {
        status = (await login(`nobody${i}`, "guess")).status;
      }
      expect(status).toBe(429);
      const fresh = await login("agent1", "demo");
      expect(fresh.status).toBe(429);
      expect(Number(fresh.headers.get("retry-after"))).toBeGreaterThan(0);
    });
  });
}
