import type { ChangesPage } from "@shared/api/cases";
import type { MutationResponse } from "@shared/api/mutations";
import type { CaseDetail } from "@shared/domain/appeal";
import type { DeskAction } from "@shared/domain/desk-action";
import { afterEach, expect, test } from "vitest";
import { ApiError } from "../../../../renderer/src/api/api-error";
import { createDeskData } from "../../../../renderer/src/desk-data/create-desk-data";
import { soloElection } from "../../../../renderer/src/desk-data/session/leader";
import type { MutationOptions, SyncApi } from "../../../../renderer/src/desk-data/sync/sync-api";
import { bareDetail as detail } from "../../../support/case-detail";
import { FAKE_IDB, freshUser } from "../../../support/fake-indexeddb";

/**
 * A small model of the server's mutation protocol — the network edge, not the thing under test:
 * idempotent replay by key, If-Match checked after replay, versions, a changes feed.
 */
class ModelServer implements SyncApi {
  cases = new Map<string, CaseDetail>();
  applied: Array<{ caseId: string; key: string; type: string }> = [];
  private replies = new Map<string, MutationResponse>();
  private log: string[] = [];
  /** Scripted faults for the next mutation attempts. */
  faults: Array<"lose-response" | { status: number; retryAfter?: string }> = [];

  constructor(ids: string[]) {
    for (const id of ids) this.touch(detail(id));
  }
  touch(c: CaseDetail) {
    this.cases.set(c.id, c);
    this.log.push(c.id);
  }
  async changes(since: string | null): Promise<ChangesPage> {
    const from = since ? Number(since) : 0;
    const ids = [...new Set(this.log.slice(from))];
    return {
      changes: ids.map((id) => ({ type: "upsert" as const, case: this.cases.get(id)! })),
      cursor: String(this.log.length),
      hasMore: false,
    };
  }
  async getCase(id: string) {
    return this.cases.get(id)!;
  }
  async mutate(caseId: string, action: DeskAction, { idempotencyKey, ifMatch }: MutationOptions) {
    const fault = this.faults.shift();
    if (fault && fault !== "lose-response") {
      throw new ApiError("injected", fault.status, null, null, fault.retryAfter ?? null);
    }
    const replay = this.replies.get(idempotencyKey);
    if (replay) return replay;
    const current = this.cases.get(caseId)!;
    if (action.type === "decision" && action.body.rationale.length < 20) {
      throw new ApiError("rationale: at least 20 characters", 422, null);
    }
    if (current.version !== ifMatch) {
      throw new ApiError("stale", 412, null, {
        type: "about:blank",
        title: "Precondition failed",
        status: 412,
        current,
      });
    }
    const next: CaseDetail = {
      ...current,
      version: current.version + 1,
      ...(action.type === "claim" ? { assigneeId: "agent1", status: "in_review" as const } : {}),
    };
    this.touch(next);
    this.applied.push({ caseId, key: idempotencyKey, type: action.type });
    const reply = { case: next, version: next.version };
    this.replies.set(idempotencyKey, reply);
    if (fault === "lose-response") throw new ApiError("The server cannot be reached.", 0, null);
    return reply;
  }
  async evidenceContent() {
    return new ArrayBuffer(0);
  }
  // Attachments have their own model and tests (uploads/upload-queue.test.ts).
  uploadEvidence(): Promise<MutationResponse> {
    return Promise.reject(new Error("not used"));
  }
  eventStream() {
    return { url: "http://invalid/events", headers: () => ({}) };
  }
}

const running: Array<{ wipe(): Promise<void> }> = [];
afterEach(async () => {
  for (const d of running.splice(0)) await d.wipe();
});

async function setup(server: ModelServer) {
  const data = createDeskData({
    userId: freshUser(),
    api: server,
    dexieOptions: FAKE_IDB,
    leader: soloElection(),
    engine: { useLiveEvents: false, pollIntervalMs: 50, backoff: { baseMs: 5, capMs: 20 } },
  });
  running.push(data);
  await data.start();
  await until(async () => (await data.allCases()).length === server.cases.size);
  return data;
}

async function until(check: () => Promise<boolean>, timeoutMs = 5_000) {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 10));
  }
}
const drained = (data: Awaited<ReturnType<typeof setup>>) => async () =>
  (await data.pendingForSignOut()).pending === 0;

test("an action shows at once, then reaches the server once even when its answer is lost", async () => {
  const server = new ModelServer(["c1"]);
  const data = await setup(server);
  server.faults.push("lose-response", { status: 503, retryAfter: "0" }, { status: 429 });
  await data.enqueue("c1", { type: "claim", body: {} });
  await data.enqueue("c1", { type: "notes", body: { text: "looked at it" } });
  const [row] = await data.casesByIds(["c1"]);
  expect(row).toMatchObject({ status: "in_review", assigneeId: data.userId, pendingCount: 2 });

  await until(drained(data));
  expect(server.applied.map((a) => a.type)).toEqual(["claim", "notes"]);
  const [after] = await data.casesByIds(["c1"]);
  expect(after).toMatchObject({ version: 3, pendingCount: 0, assigneeId: "agent1" });
  expect(data.status.getState().pendingCount).toBe(0);
});

test("a 412 stops only its case's queue and keeps the action until the agent resolves it", async () => {
  const server = new ModelServer(["c1", "c2"]);
  const data = await setup(server);
  // Someone else changes c1 on the server before the agent's action arrives.
  server.touch({
    ...server.cases.get("c1")!,
    version: 2,
    assigneeId: "u-agent2",
    status: "in_review",
  });
  await data.enqueue("c1", { type: "claim", body: {} });
  await data.enqueue("c1", { type: "notes", body: { text: "after claim" } });
  await data.enqueue("c2", { type: "notes", body: { text: "other case" } });

  await until(
    async () => server.applied.length === 1 && data.status.getState().conflictCount === 1,
  );
  expect(server.applied[0]).toMatchObject({ caseId: "c2" });
  const conflicts = await new Promise<import("../../../../renderer/src/desk-data").ConflictView[]>(
    (resolve) => {
      const stop = data.observeConflicts((list) => {
        if (list.length) {
          stop();
          resolve(list);
        }
      });
    },
  );
  expect(conflicts[0]).toMatchObject({
    caseId: "c1",
    entry: { action: { type: "claim" }, baseVersion: 1 },
  });
  expect(conflicts[0]?.theirs).toMatchObject({ version: 2, assigneeId: "u-agent2" });
  // The note on c1 waits behind the claim; c2's note went ahead (other case).
  expect(conflicts[0]?.queuedBehind.map((e) => e.action.type)).toEqual(["notes"]);
  expect((await data.pendingForSignOut()).entries.map((e) => e.state)).toEqual([
    "conflict",
    "pending",
  ]);

  await data.resolveConflict(conflicts[0]!.seq, { kind: "reapply" });
  await until(drained(data));
  expect(server.applied.map((a) => `${a.caseId}:${a.type}`)).toEqual([
    "c2:notes",
    "c1:claim",
    "c1:notes",
  ]);
});

test("other 4xx mark the action failed with the server's message and undo its optimistic effect", async () => {
  const server = new ModelServer(["c1"]);
  const data = await setup(server);
  await data.enqueue("c1", {
    type: "decision",
    body: { outcome: "mediation", rationale: "too short" },
  });
  await until(async () => data.status.getState().failedCount === 1);
  const { entries } = await data.pendingForSignOut();
  expect(entries[0]).toMatchObject({
    state: "failed",
    lastStatus: 422,
    lastError: "rationale: at least 20 characters",
  });
  expect((await data.casesByIds(["c1"]))[0]?.status).toBe("escalated");
  await data.dismissFailed(entries[0]!.seq!);
  expect((await data.pendingForSignOut()).entries).toEqual([]);
});

test("sign-out risk lists pending actions; wipe deletes the user's cache", async () => {
  const server = new ModelServer(["c1"]);
  const data = await setup(server);
  await data.stop();
  await data.enqueue("c1", { type: "notes", body: { text: "not sent yet" } });
  expect(await data.pendingForSignOut()).toMatchObject({ pending: 1, conflicts: 0, failed: 0 });
  await data.wipe();
  running.pop();
  const again = createDeskData({
    userId: data.userId,
    api: server,
    dexieOptions: FAKE_IDB,
    leader: soloElection(),
  });
  expect(await again.allCases()).toEqual([]);
  await again.wipe();
});

test("live events reach onLiveEvent parsed, after they woke a pull; malformed ones are dropped", async () => {
  const server = new ModelServer(["c1"]);
  const attention = {
    type: "case_attention",
    cursor: "7",
    at: "2026-03-02T02:00:05.000Z",
    caseId: "c1",
    assigneeId: "u-agent1",
    reason: "evidence_deadline_passed",
  };
  // The stream as the server writes it: a keep-alive, a bad event, then the real one.
  const body = [
    ": keep-alive\n\n",
    'event: case_attention\ndata: {"type":"case_attention","caseId":1}\n\n',
    "event: case_attention\ndata: not json\n\n",
    `id: 7\nevent: case_attention\ndata: ${JSON.stringify(attention)}\n\n`,
  ].join("");
  const realFetch = globalThis.fetch;
  let streams = 0;
  globalThis.fetch = (async () => {
    streams += 1;
    // Once: a reconnect gets an empty, failing stream and backs off.
    if (streams > 1) return new Response(null, { status: 503 });
    return new Response(new Blob([body]).stream(), {
      headers: { "content-type": "text/event-stream" },
    });
  }) as typeof fetch;
  try {
    const data = createDeskData({
      userId: freshUser(),
      api: server,
      dexieOptions: FAKE_IDB,
      leader: soloElection(),
      engine: { pollIntervalMs: 60_000, backoff: { baseMs: 1_000, capMs: 1_000 } },
    });
    running.push(data);
    const heard: unknown[] = [];
    const unsubscribe = data.onLiveEvent((event) => heard.push(event));
    await data.start();
    await until(async () => heard.length > 0);
    expect(heard).toEqual([attention]);
    // The event also pulled: the case is in the cache without waiting for the minute's poll.
    await until(async () => (await data.allCases()).length === 1);
    unsubscribe();
    await data.stop();
  } finally {
    globalThis.fetch = realFetch;
  }
});
