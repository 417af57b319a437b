/**
 * The sync engine (Node, fake-indexeddb) against the REAL server (PGlite in a temp dir), through a
 * proxy that drops, delays, duplicates and reorders requests and answers 500/503/429. After the
 * network heals, the server must hold exactly the actions taken, once each, in order, and the
 * cache must equal the server.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { API_BASE } from "@shared/api/paths";
import type { CaseSummary } from "@shared/domain/appeal";
import type { DeskAction } from "@shared/domain/desk-action";
import { afterAll, beforeAll, expect, test } from "vitest";
import { type ApiClient, createApiClient } from "../../../renderer/src/api/api-client";
import { toSummary } from "../../../renderer/src/desk-data/cases/desk-db";
import { createDeskData } from "../../../renderer/src/desk-data/create-desk-data";
import { soloElection } from "../../../renderer/src/desk-data/session/leader";
import { syncApiOf } from "../../../renderer/src/desk-data/sync/sync-api";
import { type RunningServer, startServer } from "../../../server/start";
import { FAKE_IDB } from "../../support/fake-indexeddb";
import { type FaultProxy, seededRandom, startFaultProxy } from "./fault-proxy";

const SEED = Number(process.env.SYNC_FAULT_SEED ?? 20250301);
let server: RunningServer;
let proxy: FaultProxy;
let dataDir: string;
let direct: ApiClient;
let token: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "arbiter-sync-"));
  server = await startServer({ port: 0, dataDir, demo: true, demoAppeals: 40 });
  proxy = await startFaultProxy(server.url, seededRandom(SEED));
  direct = createApiClient({ baseUrl: `${server.url}${API_BASE}`, getToken: () => token });
  token = (await direct.login({ username: "agent1", password: "demo" })).token;
});

afterAll(async () => {
  await proxy?.close();
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function until(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string) {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Every case the server holds now, read from the start of its changes feed. */
async function serverCases(): Promise<Map<string, CaseSummary>> {
  const cases = new Map<string, CaseSummary>();
  let since: string | null = null;
  for (;;) {
    const page = await direct.changes(since, 500);
    for (const change of page.changes) {
      if (change.type === "upsert") cases.set(change.case.id, change.case);
      else cases.delete(change.id);
    }
    since = page.cursor;
    if (!page.hasMore) return cases;
  }
}

test("after drops, duplicates, delays and 5xx/429, the server holds each action once, in order, and the cache equals the server", async () => {
  const random = seededRandom(SEED + 1);
  const viaProxy = createApiClient({
    baseUrl: `${proxy.url}${API_BASE}`,
    getToken: () => token,
    timeoutMs: 5_000,
  });
  const data = createDeskData({
    userId: `agent1-${SEED}`,
    api: syncApiOf(viaProxy),
    dexieOptions: FAKE_IDB,
    leader: soloElection(),
    engine: { pollIntervalMs: 250, backoff: { baseMs: 20, capMs: 400 }, random },
  });

  // The initial fill runs through the faults too.
  proxy.setPlan({
    weights: {
      "drop-request": 0.1,
      "drop-response": 0.12,
      duplicate: 0.1,
      "500": 0.06,
      "503": 0.06,
      "429": 0.06,
    },
    maxDelayMs: 40,
  });
  await data.start();
  await until(
    async () => data.status.getState().lastSyncAt !== null && (await data.allCases()).length > 0,
    60_000,
    "initial fill",
  );

  const escalated = (await data.allCases())
    // P2P trades: a release fits each of them, whoever complained.
    .filter((c) => c.status === "escalated" && c.stage === "first" && c.kind === "p2p_trade")
    .slice(0, 6);
  expect(escalated.length).toBeGreaterThanOrEqual(4);

  // The agent works through the cases while the network misbehaves.
  const taken: Array<{ caseId: string; key: string; action: DeskAction["type"] }> = [];
  const act = async (caseId: string, action: DeskAction) => {
    const { idempotencyKey } = await data.enqueue(caseId, action);
    if (idempotencyKey) taken.push({ caseId, key: idempotencyKey, action: action.type });
  };
  for (const [i, c] of escalated.entries()) {
    await act(c.id, { type: "claim", body: {} });
    await act(c.id, { type: "notes", body: { text: `first look at ${c.reference} (${i})` } });
    await act(c.id, {
      type: "messages",
      body: { to: "complainant", text: `Please send the bank statement for ${c.reference}.` },
    });
    await act(c.id, { type: "notes", body: { text: `statement requested for ${c.reference}` } });
    if (i % 2 === 0) {
      await act(c.id, {
        type: "decision",
        body: {
          outcome: "release",
          rationale: `Payment for ${c.reference} verified on the bank statement.`,
        },
      });
    } else {
      await act(c.id, { type: "release", body: { reason: "end of shift" } });
    }
  }
  // Optimistic: the cache shows the agent's actions at once.
  const claimed = await data.casesByIds([escalated[0]!.id]);
  expect(claimed[0]?.pendingCount).toBeGreaterThan(0);

  await new Promise((r) => setTimeout(r, 1_500));
  proxy.setPlan(null); // the network heals
  await until(
    async () => (await data.pendingForSignOut()).entries.length === 0,
    60_000,
    "the outbox to drain",
  );
  await data.syncNow();

  // Exactly once, in order: the audit log holds every idempotency key once, in the order taken.
  const expected = new Map<string, string[]>();
  for (const t of taken) expected.set(t.caseId, [...(expected.get(t.caseId) ?? []), t.key]);
  for (const [caseId, keys] of expected) {
    const audit = await direct.caseAudit(caseId);
    const ours = audit.entries.filter((e) => e.idempotencyKey && keys.includes(e.idempotencyKey));
    expect(
      ours.map((e) => e.idempotencyKey),
      `audit of ${caseId}`,
    ).toEqual(keys);
    const detail = await direct.getCase(caseId);
    expect(detail.notes.filter((n) => n.text.includes("statement requested")).length).toBe(1);
    expect(detail.decisions.length).toBeLessThanOrEqual(1);
  }

  // The cache equals the server.
  const onServer = await serverCases();
  const cached = await data.allCases();
  expect(cached.length).toBe(onServer.size);
  for (const row of cached) expect(toSummary(row), row.id).toEqual(onServer.get(row.id));
  expect(cached.every((r) => r.pendingCount === 0)).toBe(true);

  console.info("faults injected:", JSON.stringify(proxy.counts));
  expect(proxy.counts["drop-response"] + proxy.counts.duplicate).toBeGreaterThan(0);
  await data.wipe();
});
