/**
 * Webhook delivery to a receiver that fails, times out and so receives some events twice: every
 * event arrives, signed, each delivery id acknowledged once, a case's events in commit order; a
 * receiver that never answers gets dead letters, which a supervisor lists and replays.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { MutationResponse } from "@shared/api/mutations";
import { DeadLetterList, PlatformEvent, WEBHOOK_HEADERS } from "@shared/api/platform-events";
import { CaseDetail } from "@shared/domain/appeal";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyWebhook } from "../../server/outbox/signature";
import { type RunningServer, startServer } from "../../server/start";
import { ApiClient } from "../support/api";
import { escalatedCase } from "../support/appeals";
import { BACKENDS, SERVICE_TOKEN } from "../support/backends";
import { startPostgres, type TestPostgres } from "../support/postgres";

const SECRET = "webhook-secret-for-the-tests";

interface Receipt {
  id: string;
  event: PlatformEvent;
  signed: boolean;
}

/** A platform's receiver with scripted misbehaviour, keyed by how often it saw a delivery id. */
async function startReceiver(
  behave: (event: PlatformEvent, seen: number) => "ok" | "fail" | "slow",
): Promise<{ url: string; receipts: Receipt[]; server: Server }> {
  const receipts: Receipt[] = [];
  const seen = new Map<string, number>();
  const read = async (request: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  };
  const server = createServer((request, response) => {
    read(request).then((body) => {
      const id = String(request.headers[WEBHOOK_HEADERS.id]);
      const signed = verifyWebhook(
        SECRET,
        Number(request.headers[WEBHOOK_HEADERS.timestamp]),
        body,
        String(request.headers[WEBHOOK_HEADERS.signature]),
      );
      const event = PlatformEvent.parse(JSON.parse(body));
      const count = (seen.get(id) ?? 0) + 1;
      seen.set(id, count);
      const how = behave(event, count);
      if (how === "fail") {
        response.writeHead(503).end();
        return;
      }
      // Received (processed) even when the answer comes too late: the sender will retry it.
      receipts.push({ id, event, signed });
      if (how === "slow") setTimeout(() => response.writeHead(200).end(), 700);
      else response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks`, receipts, server };
}

for (const { name, skip } of BACKENDS) {
  describe.skipIf(skip !== null)(`webhooks on ${name}${skip ? ` (${skip})` : ""}`, () => {
    let postgres: TestPostgres | null = null;
    let server: RunningServer;
    let receiver: Awaited<ReturnType<typeof startReceiver>>;
    let neverAnswer = new Set<string>();

    beforeAll(async () => {
      receiver = await startReceiver((event, seen) => {
        if (neverAnswer.has(event.caseId)) return "fail";
        if (seen > 1) return "ok";
        // First attempts: every third fails, every third answers too late.
        return event.seq % 3 === 0 ? "fail" : event.seq % 3 === 1 ? "slow" : "ok";
      });
      postgres = name === "PostgreSQL" ? await startPostgres() : null;
      server = await startServer({
        port: 0,
        databaseUrl: postgres ? await postgres.createDatabase("webhooks") : undefined,
        demo: true,
        demoAppeals: 5,
        serviceToken: SERVICE_TOKEN,
        timerIntervalMs: 3_600_000,
        jobIntervalMs: 3_600_000,
        webhook: {
          url: receiver.url,
          secret: SECRET,
          timeoutMs: 300,
          baseDelayMs: 50,
          maxDelayMs: 200,
          maxAttempts: 4,
          intervalMs: 50,
        },
      });
    });
    afterAll(async () => {
      await server?.close();
      await new Promise((resolve) => receiver?.server.close(resolve));
      await postgres?.stop();
    });

    const delivered = async (ids: readonly string[]) => {
      const rows = await server.db.query<{ state: string }>(
        "select state from webhook_deliveries where event_id = any($1::text[])",
        [ids],
      );
      return rows.filter((r) => r.state !== "pending").length;
    };

    it("delivers every event, signed, once per delivery id, in order per case", async () => {
      const agent = await ApiClient.login(server.url, "agent1");
      const cases: string[] = [];
      for (let i = 0; i < 3; i++) {
        const escalated = await escalatedCase(server.url);
        let version = (
          await agent.post<MutationResponse>(
            `/cases/${escalated.id}/claim`,
            {},
            { ifMatch: escalated.version },
          )
        ).body.version;
        for (let m = 0; m < 4; m++) {
          const sent = await agent.post<MutationResponse>(
            `/cases/${escalated.id}/messages`,
            { to: m % 2 ? "respondent" : "complainant", text: `Message ${m}` },
            { ifMatch: version },
          );
          expect(sent.status).toBe(200);
          version = sent.body.version;
        }
        cases.push(escalated.id);
      }
      const outbox = await server.db.query<{ id: string; case_id: string; seq: string }>(
        "select id, case_id, seq from outbox_events where case_id = any($1::text[]) order by seq",
        [cases],
      );
      expect(outbox).toHaveLength(12);
      await expect
        .poll(() => delivered(outbox.map((o) => o.id)), { timeout: 20_000, interval: 100 })
        .toBe(12);
      const states = await server.db.query<{ state: string }>(
        "select state from webhook_deliveries where event_id = any($1::text[])",
        [outbox.map((o) => o.id)],
      );
      expect(states.every((s) => s.state === "delivered")).toBe(true);

      const mine = receiver.receipts.filter((r) => cases.includes(r.event.caseId));
      expect(mine.every((r) => r.signed)).toBe(true);
      // Some answers came too late, so the receiver saw those ids twice; deduplicated, each once.
      expect(mine.length).toBeGreaterThan(12);
      const firstSeen = mine.filter((r, i) => mine.findIndex((o) => o.id === r.id) === i);
      expect(firstSeen.map((r) => r.id).sort()).toEqual(outbox.map((o) => o.id).sort());
      for (const caseId of cases) {
        const order = firstSeen.filter((r) => r.event.caseId === caseId).map((r) => r.event.seq);
        expect(order).toEqual([...order].sort((a, b) => a - b));
        expect(order).toHaveLength(4);
      }
    });

    it("dead-letters what never gets through; a supervisor lists and replays it", async () => {
      const agent = await ApiClient.login(server.url, "agent1");
      const supervisor = await ApiClient.login(server.url, "supervisor1");
      const escalated = await escalatedCase(server.url);
      neverAnswer = new Set([escalated.id]);
      const claim = await agent.post<MutationResponse>(
        `/cases/${escalated.id}/claim`,
        {},
        { ifMatch: escalated.version },
      );
      const sent = await agent.post<MutationResponse>(
        `/cases/${escalated.id}/messages`,
        { to: "complainant", text: "We are looking into it." },
        { ifMatch: claim.body.version },
      );
      expect(sent.status).toBe(200);
      const list = async () => {
        const r = await supervisor.get<DeadLetterList>("/webhooks/dead-letters");
        expect(r.status).toBe(200);
        return DeadLetterList.parse(r.body).items.filter((d) => d.caseId === escalated.id);
      };
      await expect
        .poll(async () => (await list()).length, { timeout: 20_000, interval: 100 })
        .toBe(1);
      const [dead] = await list();
      expect(dead).toMatchObject({
        type: "message",
        attempts: 4,
        reference: CaseDetail.parse(sent.body.case).reference,
      });
      expect(dead?.lastError).toContain("503");
      expect((await agent.get("/webhooks/dead-letters")).status).toBe(403);

      neverAnswer = new Set();
      const replay = await supervisor.post(`/webhooks/dead-letters/${dead?.eventId}/replay`, {});
      expect(replay.status).toBe(204);
      await expect
        .poll(() => delivered([dead?.eventId ?? ""]), { timeout: 10_000, interval: 100 })
        .toBe(1);
      expect(await list()).toEqual([]);
      expect(receiver.receipts.some((r) => r.id === dead?.eventId)).toBe(true);
      // A second replay finds nothing dead.
      expect(
        (await supervisor.post(`/webhooks/dead-letters/${dead?.eventId}/replay`, {})).status,
      ).toBe(404);
    });
  });
}
