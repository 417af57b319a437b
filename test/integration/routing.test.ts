/**
 * Routing through the HTTP API, on PGlite and PostgreSQL: new escalations go round-robin to the
 * available agents with the case's skill and room for it; away, paused and signed-out agents get
 * nothing; a case nobody can take waits and is assigned when someone becomes available; the
 * round-robin cursor survives a restart; supervisors override, and a reassign that would break
 * four-eyes, skills or capacity is refused with its own problem type.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AuditLog } from "@shared/api/audit";
import type { FileAppealRequest } from "@shared/api/integration";
import type { MutationResponse } from "@shared/api/mutations";
import { PROBLEM_TYPE_BASE } from "@shared/api/problem-types";
import { RoutingAgent, RoutingAgentList } from "@shared/api/routing";
import type { CaseDetail } from "@shared/domain/appeal";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../../server/start";
import { ApiClient, type SignedInClient } from "../support/api";
import { escalatedCase, filing } from "../support/appeals";
import { BACKENDS, SERVICE_TOKEN } from "../support/backends";
import { startPostgres, type TestPostgres } from "../support/postgres";

const RATIONALE = "Both bank statements agree: the transfer never left the buyer's account.";

/** A Chinese trade in China: only Chen Hao (agent2) has that skill in the demo team. */
function chineseFiling(): Partial<FileAppealRequest> {
  const base = filing();
  return {
    region: "CN",
    currency: "CNY",
    amount: "700",
    complainant: {
      ...base.complainant,
      language: "zh",
      displayName: "王伟",
      phone: "+86 13800138000",
    },
    respondent: {
      ...base.respondent,
      language: "zh",
      displayName: "李娜",
      phone: "+86 13900139000",
    },
    statement: "我已经付款，但卖家没有放币。",
    trade: base.trade ? { ...base.trade, fiatAmount: "700", fiatCurrency: "CNY" } : null,
  };
}

for (const { name, skip } of BACKENDS) {
  describe.skipIf(skip !== null)(`routing on ${name}${skip ? ` (${skip})` : ""}`, () => {
    let postgres: TestPostgres | null = null;
    let databaseUrl: string | undefined;
    let dataDir: string | undefined;
    let server: RunningServer;
    let agent1: SignedInClient;
    let agent2: SignedInClient;
    let supervisor1: SignedInClient;
    let supervisor2: SignedInClient;

    async function start(): Promise<RunningServer> {
      return startServer({
        port: 0,
        databaseUrl,
        dataDir,
        demo: true,
        demoAppeals: 6,
        serviceToken: SERVICE_TOKEN,
        timerIntervalMs: 3_600_000,
        jobIntervalMs: 3_600_000,
        // Routing here happens only on the events under test, never on a timer.
        routingIntervalMs: 3_600_000,
      });
    }
    /** The clients follow the server (sessions live in the database, so tokens stay valid). */
    function rebind(url: string) {
      for (const c of [agent1, agent2, supervisor1, supervisor2])
        Object.assign(c, { baseUrl: url });
    }

    beforeAll(async () => {
      if (name === "PostgreSQL") {
        postgres = await startPostgres();
        if (!postgres) throw new Error("no PostgreSQL");
        databaseUrl = await postgres.createDatabase("routing");
      } else {
        dataDir = mkdtempSync(join(tmpdir(), "arbiter-routing-"));
      }
      server = await start();
      agent1 = await ApiClient.login(server.url, "agent1");
      agent2 = await ApiClient.login(server.url, "agent2");
      supervisor1 = await ApiClient.login(server.url, "supervisor1");
      supervisor2 = await ApiClient.login(server.url, "supervisor2");
    });
    afterAll(async () => {
      await server?.close();
      await postgres?.stop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    const heartbeat = async (client: ApiClient, state: "online" | "away") => {
      const r = await client.post("/routing/heartbeat", { state }, { key: null });
      expect(r.status).toBe(200);
      return RoutingAgent.parse(r.body);
    };
    const team = async () =>
      RoutingAgentList.parse((await supervisor1.get("/routing/agents")).body);
    const member = async (id: string) => {
      const found = (await team()).agents.find((a) => a.id === id);
      if (!found) throw new Error(`no ${id}`);
      return found;
    };
    const update = async (id: string, body: Record<string, unknown>) => {
      const r = await supervisor1.post(`/routing/agents/${id}`, body, { key: null });
      expect(r.status).toBe(200);
      return RoutingAgent.parse(r.body);
    };
    const detail = async (id: string) => (await supervisor1.get<CaseDetail>(`/cases/${id}`)).body;
    const escalate = (overrides: Partial<FileAppealRequest> = {}) =>
      escalatedCase(server.url, overrides);

    it("shows the team with names, skills, capacity, load and presence; only to supervisors", async () => {
      expect((await agent1.get("/routing/agents")).status).toBe(403);
      const list = await team();
      const mai = list.agents.find((a) => a.id === "u-agent1");
      expect(mai).toMatchObject({
        displayName: "Mai Anh (agent)",
        languages: ["vi", "en"],
        regions: ["VN", "UTC"],
        capacity: 150,
        presence: "offline",
        paused: false,
      });
      expect(list.waiting).toBe(0);
      expect(await heartbeat(agent1, "online")).toMatchObject({
        id: "u-agent1",
        presence: "online",
      });
      expect(await heartbeat(agent2, "away")).toMatchObject({ presence: "away" });
      expect((await member("u-agent2")).presence).toBe("away");
      // A bad heartbeat changes nothing.
      const bad = await agent1.post("/routing/heartbeat", { state: "asleep" }, { key: null });
      expect(bad.status).toBe(400);
      expect((await member("u-agent1")).presence).toBe("online");
    });

    it("routes new escalations round-robin within the skill, audited, and skips away agents", async () => {
      await heartbeat(agent1, "online");
      await heartbeat(agent2, "online");
      const before1 = (await member("u-agent1")).load;
      const cases = [];
      for (let i = 0; i < 4; i++) cases.push(await escalate());
      const assignees = cases.map((c) => c.assigneeId);
      expect(new Set(assignees)).toEqual(new Set(["u-agent1", "u-agent2"]));
      // Turns alternate: never the same agent twice in a row within one skill.
      for (let i = 1; i < assignees.length; i++) expect(assignees[i]).not.toBe(assignees[i - 1]);
      expect(cases.every((c) => c.status === "in_review")).toBe(true);
      expect((await member("u-agent1")).load).toBe(before1 + 2);

      const audit = AuditLog.parse((await supervisor1.get(`/cases/${cases[0]?.id}/audit`)).body);
      const routed = audit.entries.filter((e) => e.action === "route");
      expect(routed).toHaveLength(1);
      expect(routed[0]).toMatchObject({
        actorRole: "system",
        details: { routed: true, skill: "vi|VN|p2p_trade", assignee: assignees[0] },
      });

      // A Chinese case in China goes to the one agent with that skill, whoever's turn it is.
      for (let i = 0; i < 2; i++)
        expect((await escalate(chineseFiling())).assigneeId).toBe("u-agent2");

      // Away: agent1 gets nothing, agent2 everything.
      await heartbeat(agent1, "away");
      for (let i = 0; i < 3; i++) expect((await escalate()).assigneeId).toBe("u-agent2");
      await heartbeat(agent1, "online");
    });

    it("skips paused agents and agents at capacity; a case nobody can take waits until someone can", async () => {
      await heartbeat(agent1, "online");
      await heartbeat(agent2, "online");
      expect(await update("u-agent1", { paused: true })).toMatchObject({ paused: true });
      for (let i = 0; i < 2; i++) expect((await escalate()).assigneeId).toBe("u-agent2");
      await update("u-agent1", { paused: false });

      // agent2 full: agent1 takes the next ones.
      const load2 = (await member("u-agent2")).load;
      await update("u-agent2", { capacity: load2 });
      for (let i = 0; i < 2; i++) expect((await escalate()).assigneeId).toBe("u-agent1");
      // Both full: the case waits, unassigned, and the team view counts it.
      const load1 = (await member("u-agent1")).load;
      await update("u-agent1", { capacity: load1 });
      const waiting = await escalate();
      expect(waiting).toMatchObject({ status: "escalated", assigneeId: null });
      expect((await team()).waiting).toBe(1);
      // Room again: the waiting case is given out at once.
      await update("u-agent1", { capacity: load1 + 5 });
      expect(await detail(waiting.id)).toMatchObject({
        status: "in_review",
        assigneeId: "u-agent1",
      });
      expect((await team()).waiting).toBe(0);
      await update("u-agent2", { capacity: 150 });

      // Nobody present: it waits until an agent's heartbeat says they are back.
      await heartbeat(agent1, "away");
      await heartbeat(agent2, "away");
      const nobody = await escalate();
      expect(nobody.assigneeId).toBeNull();
      await heartbeat(agent2, "online");
      expect((await detail(nobody.id)).assigneeId).toBe("u-agent2");

      // Nobody with the skill online: a Chinese case waits even though agent1 is there.
      await heartbeat(agent1, "online");
      await heartbeat(agent2, "away");
      const chinese = await escalate(chineseFiling());
      expect(chinese.assigneeId).toBeNull();
      await heartbeat(agent2, "online");
      expect((await detail(chinese.id)).assigneeId).toBe("u-agent2");
    });

    it("treats a signed-out desk as offline and gives a released case to someone else", async () => {
      const temp = await ApiClient.login(server.url, "agent1");
      await heartbeat(agent2, "online");
      await heartbeat(temp, "online");
      const own = await escalate();
      const owner = own.assigneeId === "u-agent1" ? agent1 : agent2;
      const other = own.assigneeId === "u-agent1" ? "u-agent2" : "u-agent1";
      const released = await owner.post<MutationResponse>(
        `/cases/${own.id}/release`,
        {},
        { ifMatch: own.version },
      );
      expect(released.status).toBe(200);
      expect((await detail(own.id)).assigneeId).toBe(other);

      // agent1 signs out everywhere: offline at once, though the heartbeat is fresh.
      for (const c of [temp, agent1])
        expect((await c.post("/auth/logout", {}, { key: null })).status).toBe(204);
      expect((await member("u-agent1")).presence).toBe("offline");
      for (let i = 0; i < 2; i++) expect((await escalate()).assigneeId).toBe("u-agent2");
      agent1 = await ApiClient.login(server.url, "agent1");
      await heartbeat(agent1, "online");
    });

    it("refuses reassigns that break skills, capacity or four-eyes with their own problem types", async () => {
      await heartbeat(agent1, "away");
      await heartbeat(agent2, "away");
      const chinese = await escalate(chineseFiling());
      expect(chinese.assigneeId).toBeNull();
      const noSkill = await supervisor1.post(
        `/cases/${chinese.id}/reassign`,
        { assignee: "u-agent1" },
        { ifMatch: chinese.version },
      );
      expect(noSkill.status).toBe(422);
      expect(noSkill.body).toMatchObject({
        type: `${PROBLEM_TYPE_BASE}missing-skill`,
        missing: ["language", "region"],
      });
      expect((await detail(chinese.id)).assigneeId).toBeNull();

      // Over capacity: refused, unless the supervisor confirms.
      const load2 = (await member("u-agent2")).load;
      await update("u-agent2", { capacity: load2 });
      const full = await supervisor1.post(
        `/cases/${chinese.id}/reassign`,
        { assignee: "u-agent2" },
        { ifMatch: chinese.version },
      );
      expect(full.status).toBe(409);
      expect(full.body).toMatchObject({
        type: `${PROBLEM_TYPE_BASE}over-capacity`,
        load: load2,
        capacity: load2,
      });
      const confirmed = await supervisor1.post<MutationResponse>(
        `/cases/${chinese.id}/reassign`,
        {
          assignee: "u-agent2",
          confirmOverCapacity: true,
          reason: "Chen Hao knows this merchant.",
        },
        { ifMatch: chinese.version },
      );
      expect(confirmed.status).toBe(200);
      expect(confirmed.body.case).toMatchObject({ assigneeId: "u-agent2", status: "in_review" });
      expect((await team()).waiting).toBe(0);
      await update("u-agent2", { capacity: 150 });

      // Four-eyes: the first decider may not take the second stage.
      const work = await escalate();
      const claimed = await supervisor1.post<MutationResponse>(
        `/cases/${work.id}/claim`,
        {},
        { ifMatch: work.version },
      );
      const decided = await supervisor1.post<MutationResponse>(
        `/cases/${work.id}/decision`,
        { outcome: "cancel_order", favouredParty: "respondent", rationale: RATIONALE },
        { ifMatch: claimed.body.version },
      );
      expect(decided.status).toBe(200);
      const appealed = await supervisor2.post<MutationResponse>(
        `/cases/${work.id}/appeal`,
        { party: "complainant", statement: "Người bán đã nhận tiền." },
        { ifMatch: decided.body.version },
      );
      expect(appealed.status).toBe(200);
      const fourEyes = await supervisor2.post(
        `/cases/${work.id}/reassign`,
        { assignee: "u-supervisor1" },
        { ifMatch: appealed.body.version },
      );
      expect(fourEyes.status).toBe(403);
      expect(fourEyes.body).toMatchObject({ type: `${PROBLEM_TYPE_BASE}four-eyes` });
      // A second-stage case is never routed to agents.
      expect((await detail(work.id)).assigneeId).toBeNull();
    });

    it("validates supervisor changes and refuses unknown agents", async () => {
      const empty = await supervisor1.post("/routing/agents/u-agent1", {}, { key: null });
      expect(empty.status).toBe(400);
      const wrong = await supervisor1.post(
        "/routing/agents/u-agent1",
        { languages: ["fr"] },
        { key: null },
      );
      expect(wrong.status).toBe(400);
      const missing = await supervisor1.post(
        "/routing/agents/u-nobody",
        { paused: true },
        { key: null },
      );
      expect(missing.status).toBe(404);
      const byAgent = await agent1.post(
        "/routing/agents/u-agent1",
        { paused: false },
        { key: null },
      );
      expect(byAgent.status).toBe(403);
      expect(await member("u-agent1")).toMatchObject({ languages: ["vi", "en"], paused: false });
    });

    it("keeps the round-robin position across a restart", async () => {
      await heartbeat(agent1, "online");
      await heartbeat(agent2, "online");
      // End on agent1's turn: a cursor that forgot would start again at agent1 (the first id).
      let last = (await escalate()).assigneeId;
      if (last !== "u-agent1") last = (await escalate()).assigneeId;
      expect(last).toBe("u-agent1");
      await server.close();
      server = await start();
      rebind(server.url);
      // Presence and sessions are in the database too: both are still online.
      expect((await member("u-agent1")).presence).toBe("online");
      expect((await escalate()).assigneeId).toBe("u-agent2");
    });
  });
}
