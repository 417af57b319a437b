/**
 * Replies and macros through HTTP on both databases: everyone reads, only supervisors write;
 * unknown placeholders and inconsistent macros are 400s that change nothing; updates and archives
 * go at the version If-Match names (412 otherwise, 409 once archived); an Idempotency-Key replays;
 * `since` returns exactly what changed; every write is on the verified audit chain.
 */
import type { AuditVerification } from "@shared/api/audit";
import { Reply, ReplyList, type ReplyWrite } from "@shared/api/replies";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, type SignedInClient } from "../../support/api";
import { BACKENDS, type Backend, openBackend } from "../../support/backends";

const WRITE: ReplyWrite = {
  kind: "reply",
  title: "Refund on its way",
  tags: ["refund"],
  bodies: {
    vi: "Chào {partyName}, khoản hoàn {amount} cho {reference} đang được xử lý.",
    "zh-Hans": "{partyName}您好，{reference} 的退款 {amount} 正在处理中。",
    "zh-Hant": "{partyName}您好，{reference} 的退款 {amount} 正在處理中。",
    en: "Hello {partyName}, the refund of {amount} for {reference} is on its way.",
  },
};

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip !== null)(`replies API on ${backend.name}`, () => {
    let open: Backend;
    let agent: SignedInClient;
    let supervisor: SignedInClient;

    beforeAll(async () => {
      open = await openBackend(backend.name, 2);
      agent = await ApiClient.login(open.server.url, "agent1");
      supervisor = await ApiClient.login(open.server.url, "supervisor1");
    });
    afterAll(async () => open?.close());

    it("lists the seeded replies and macros to an agent, in all four languages", async () => {
      const res = await agent.get("/replies");
      expect(res.status).toBe(200);
      const list = ReplyList.parse(res.body);
      expect(list.replies.length).toBeGreaterThanOrEqual(5);
      expect(list.replies.some((r) => r.kind === "decision_macro" && r.outcome === "release")).toBe(
        true,
      );
      for (const reply of list.replies) expect(reply.bodies.vi.length).toBeGreaterThan(0);
      expect(list.cursor).toBe(Math.max(...list.replies.map((r) => r.seq)));
    });

    it("refuses writes from an agent and unauthenticated callers", async () => {
      expect((await agent.post("/replies", WRITE)).status).toBe(403);
      expect((await new ApiClient(open.server.url).post("/replies", WRITE)).status).toBe(401);
    });

    it("refuses an unknown placeholder and an inconsistent macro, naming the field", async () => {
      const before = ReplyList.parse((await agent.get("/replies")).body).cursor;
      const typo = await supervisor.post("/replies", {
        ...WRITE,
        bodies: { ...WRITE.bodies, vi: "Chào {partyNme}, {amount}" },
      });
      expect(typo.status).toBe(400);
      expect(JSON.stringify(typo.body)).toContain("bodies/vi");
      expect(JSON.stringify(typo.body)).toContain("{partyNme}");
      const noOutcome = await supervisor.post("/replies", { ...WRITE, kind: "decision_macro" });
      expect(noOutcome.status).toBe(400);
      expect(JSON.stringify(noOutcome.body)).toContain("outcome");
      const missingLanguage = await supervisor.post("/replies", {
        ...WRITE,
        bodies: { vi: "x", en: "x", "zh-Hans": "x" },
      });
      expect(missingLanguage.status).toBe(400);
      // Nothing was written.
      const after = ReplyList.parse((await agent.get(`/replies?since=${before}`)).body);
      expect(after.replies).toEqual([]);
    });

    it("creates, updates and archives at versions, replays a key, and feeds `since`", async () => {
      const start = ReplyList.parse((await agent.get("/replies")).body).cursor;

      const key = `create-${Date.now()}`;
      const created = await supervisor.post("/replies", WRITE, { key });
      expect(created.status).toBe(201);
      const reply = Reply.parse(created.body);
      expect(reply).toMatchObject({ version: 1, archived: false, updatedBy: "u-supervisor1" });
      const replay = await supervisor.post("/replies", WRITE, { key });
      expect(replay.status).toBe(201);
      expect(Reply.parse(replay.body).id).toBe(reply.id);

      const delta = ReplyList.parse((await agent.get(`/replies?since=${start}`)).body);
      expect(delta.replies.map((r) => r.id)).toEqual([reply.id]);
      expect(delta.cursor).toBe(reply.seq);

      const edited = { ...WRITE, title: "Refund sent" };
      expect((await supervisor.post(`/replies/${reply.id}`, edited)).status).toBe(428);
      const stale = await supervisor.post(`/replies/${reply.id}`, edited, { ifMatch: 7 });
      expect(stale.status).toBe(412);
      expect((stale.body as { current: Reply }).current.version).toBe(1);
      const updated = await supervisor.post(`/replies/${reply.id}`, edited, { ifMatch: 1 });
      expect(updated.status).toBe(200);
      expect(Reply.parse(updated.body)).toMatchObject({ version: 2, title: "Refund sent" });
      expect((await supervisor.post(`/replies/${reply.id}`, edited, { ifMatch: 1 })).status).toBe(
        412,
      );

      expect((await agent.post(`/replies/${reply.id}/archive`, {}, { ifMatch: 2 })).status).toBe(
        403,
      );
      const archived = await supervisor.post(`/replies/${reply.id}/archive`, {}, { ifMatch: 2 });
      expect(archived.status).toBe(200);
      expect(Reply.parse(archived.body)).toMatchObject({ version: 3, archived: true });
      const again = await supervisor.post(`/replies/${reply.id}`, edited, { ifMatch: 3 });
      expect(again.status).toBe(409);
      expect((await supervisor.post("/replies/rp-nope", edited, { ifMatch: 1 })).status).toBe(404);

      // The feed after the creation holds only the latest state, archived.
      const later = ReplyList.parse((await agent.get(`/replies?since=${reply.seq}`)).body);
      expect(later.replies).toHaveLength(1);
      expect(later.replies[0]).toMatchObject({ id: reply.id, archived: true, version: 3 });
      expect(
        ReplyList.parse((await agent.get(`/replies?since=${later.cursor}`)).body).replies,
      ).toEqual([]);
    });

    it("puts every supervisor write on the hash-chained audit trail", async () => {
      const verify = async () => {
        const res = await supervisor.get<AuditVerification>("/audit/verify");
        expect(res.status).toBe(200);
        expect(res.body.firstBroken).toBeNull();
        return res.body.checked;
      };
      const before = await verify();
      const created = Reply.parse((await supervisor.post("/replies", WRITE)).body);
      expect(await verify()).toBe(before + 1);
      await supervisor.post(`/replies/${created.id}/archive`, {}, { ifMatch: 1 });
      expect(await verify()).toBe(before + 2);
      // A refused write leaves no entry.
      await supervisor.post(`/replies/${created.id}/archive`, {}, { ifMatch: 1 });
      expect(await verify()).toBe(before + 2);
    });
  });
}
