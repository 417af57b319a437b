/**
 * Presence end to end: two agents' desks heartbeat a case open, each sees the other through the
 * `presence` live event, leaving and silence (expiry) both reach the other, and none of it touches
 * the case, the changes feed or the audit chain. On PGlite with one server, and on PostgreSQL with
 * two servers on one database (each with its own LISTEN connection), as behind a load balancer.
 */
import { CasePage } from "@shared/api/cases";
import { PresenceEvent } from "@shared/api/events";
import { CasePresence } from "@shared/api/presence";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../../server/start";
import { ApiClient } from "../support/api";
import { SERVICE_TOKEN } from "../support/backends";
import { postgresUnavailableReason, startPostgres, type TestPostgres } from "../support/postgres";
import { openSse, type SseMessage, type SseStream } from "../support/sse";

const MAI = "Mai Anh (agent)";
const CHEN = "Chen Hao (agent)";

/** Short, so expiry is seen within the test; the servers sweep every TTL/4. */
const TTL_MS = 1_500;

const SETUPS = [
  { name: "PGlite, one server", skip: null, servers: 1 },
  { name: "PostgreSQL, two servers", skip: postgresUnavailableReason(), servers: 2 },
] as const;

function viewersOf(message: SseMessage): string[] {
  return PresenceEvent.parse(message.data).viewers.map((v) => v.displayName);
}

/** The next presence event for `caseId` whose viewers are exactly `names`. */
function presenceOf(stream: SseStream, caseId: string, names: string[], timeoutMs?: number) {
  return stream.waitFor(
    (m) =>
      m.event === "presence" &&
      (m.data as { caseId: string }).caseId === caseId &&
      JSON.stringify(viewersOf(m)) === JSON.stringify(names),
    timeoutMs,
  );
}

for (const setup of SETUPS) {
  describe.skipIf(setup.skip !== null)(`presence on ${setup.name}`, () => {
    let postgres: TestPostgres | null = null;
    const servers: RunningServer[] = [];
    let agent1: ApiClient;
    let agent2: ApiClient;
    let caseId: string;

    beforeAll(async () => {
      let databaseUrl: string | undefined;
      if (setup.servers === 2) {
        postgres = await startPostgres();
        if (!postgres) throw new Error("no PostgreSQL");
        databaseUrl = await postgres.createDatabase("presence");
      }
      for (let i = 0; i < setup.servers; i++) {
        servers.push(
          await startServer({
            port: 0,
            databaseUrl,
            demo: i === 0,
            demoAppeals: 5,
            serviceToken: SERVICE_TOKEN,
            timerIntervalMs: 3_600_000,
            presenceTtlMs: TTL_MS,
          }),
        );
      }
      const urlA = servers[0]?.url ?? "";
      const urlB = servers[servers.length - 1]?.url ?? "";
      agent1 = await ApiClient.login(urlA, "agent1");
      agent2 = await ApiClient.login(urlB, "agent2");
      caseId = CasePage.parse((await agent1.get("/cases?limit=1")).body).items[0]?.id ?? "";
      expect(caseId).not.toBe("");
    });
    afterAll(async () => {
      for (const server of servers) await server.close();
      await postgres?.stop();
    });

    const stream = (client: ApiClient, query = "?types=presence") =>
      openSse(`${client.baseUrl}/api/v1/events${query}`, {
        authorization: `Bearer ${client.token}`,
      });
    const say = (client: ApiClient, state: "open" | "closed", id = caseId) =>
      client.post<CasePresence>(`/cases/${id}/presence`, { state }, { key: null });

    it("shows each agent the other's open case, then who left and whose heartbeat stopped", async () => {
      const db = servers[0]?.db;
      if (!db) throw new Error("no server");
      const counters = () =>
        db.query<{ s: string; a: string }>(
          "select last_seq as s, last_audit_seq as a from change_counter",
        );
      const before = await counters();
      const version = (await agent1.get<{ version: number }>(`/cases/${caseId}`)).body.version;

      const seen1 = await stream(agent1);
      const seen2 = await stream(agent2);
      // A stream that names no types gets the case events only, never presence.
      const plain = await stream(agent2, "");
      try {
        const opened = await say(agent1, "open");
        expect(opened.status).toBe(200);
        expect(CasePresence.parse(opened.body).viewers.map((v) => v.userId)).toContain("u-agent1");
        await presenceOf(seen2, caseId, [MAI]);

        expect((await say(agent2, "open")).status).toBe(200);
        const both = await presenceOf(seen1, caseId, [CHEN, MAI]);
        const viewer = PresenceEvent.parse(both.data).viewers[1];
        expect(viewer).toMatchObject({ userId: "u-agent1", role: "agent" });
        expect(Date.parse(viewer?.expiresAt ?? "")).toBeGreaterThan(Date.now());

        // A desk that connects later is told who is where at once, not at the next heartbeat.
        const late = await stream(agent1);
        try {
          await presenceOf(late, caseId, [CHEN, MAI], 2_000);
        } finally {
          late.close();
        }

        expect((await say(agent2, "closed")).status).toBe(200);
        await presenceOf(seen1, caseId, [MAI]);

        // agent1's desk goes silent (crash, lost network): the entry expires after the TTL.
        const silentSince = Date.now();
        await presenceOf(seen2, caseId, [], TTL_MS * 4);
        expect(Date.now() - silentSince).toBeGreaterThanOrEqual(TTL_MS / 2);

        expect(plain.messages.filter((m) => m.event === "presence")).toEqual([]);
        // Ephemeral: no version, no change in the feed, no audit entry.
        expect(await counters()).toEqual(before);
        expect((await agent1.get<{ version: number }>(`/cases/${caseId}`)).body.version).toBe(
          version,
        );
      } finally {
        seen1.close();
        seen2.close();
        plain.close();
      }
    });

    it("keeps an agent present while the desk heartbeats", async () => {
      const seen2 = await stream(agent2);
      const isEmptied = (m: SseMessage) =>
        m.event === "presence" &&
        (m.data as { caseId: string }).caseId === caseId &&
        viewersOf(m).length === 0;
      try {
        await say(agent1, "open");
        await presenceOf(seen2, caseId, [MAI]);
        for (let i = 0; i < 4; i++) {
          await new Promise((resolve) => setTimeout(resolve, TTL_MS / 3));
          await say(agent1, "open");
        }
        // Well past one TTL since the first heartbeat, and still present: no event emptied it.
        expect(seen2.messages.filter((m) => isEmptied(m)).length).toBe(0);
        await say(agent1, "closed");
        await presenceOf(seen2, caseId, []);
      } finally {
        seen2.close();
      }
    });

    it("answers only signed-in desks, for real cases, with a state it knows", async () => {
      const anonymous = new ApiClient(agent1.baseUrl);
      expect((await say(anonymous, "open")).status).toBe(401);
      expect((await say(agent1, "open", "no-such-case")).status).toBe(404);
      const bad = await agent1.post(`/cases/${caseId}/presence`, { state: "away" }, { key: null });
      expect(bad.status).toBe(400);
      expect((await stream(agent1, "?types=nonsense").catch((e: Error) => e)).toString()).toContain(
        "400",
      );
    });
  });
}
