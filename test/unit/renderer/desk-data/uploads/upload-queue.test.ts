import { createHash } from "node:crypto";
import type { ChangesPage } from "@shared/api/cases";
import type { MutationResponse } from "@shared/api/mutations";
import type { CaseDetail } from "@shared/domain/appeal";
import { afterEach, expect, test } from "vitest";
import type { EvidenceUpload, UploadOptions } from "../../../../../renderer/src/api/api-client";
import { ApiError } from "../../../../../renderer/src/api/api-error";
import { createDeskData } from "../../../../../renderer/src/desk-data/create-desk-data";
import { soloElection } from "../../../../../renderer/src/desk-data/session/leader";
import type { MutationOptions, SyncApi } from "../../../../../renderer/src/desk-data/sync/sync-api";
import { bareDetail as detail } from "../../../../support/case-detail";
import { FAKE_IDB, freshUser } from "../../../../support/fake-indexeddb";

const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763f8cfc000000301010018dd8db00000000049454e44ae426082",
  "hex",
);
const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const hex = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

type Fault = "lose-response" | { status: number };

/**
 * A model of the server's upload protocol (the network edge): replay by Idempotency-Key,
 * If-Match after replay, the declared SHA-256 checked against the bytes received.
 */
class UploadServer implements SyncApi {
  cases = new Map<string, CaseDetail>();
  filed: Array<{ caseId: string; key: string; sha256: string; bytes: Uint8Array }> = [];
  faults: Fault[] = [];
  attempts = 0;
  private replies = new Map<string, MutationResponse>();
  private log: string[] = [];

  constructor(ids: string[]) {
    for (const id of ids) this.touch(detail(id));
  }
  touch(c: CaseDetail) {
    this.cases.set(c.id, c);
    this.log.push(c.id);
  }
  async changes(since: string | null): Promise<ChangesPage> {
    const ids = [...new Set(this.log.slice(since ? Number(since) : 0))];
    return {
      changes: ids.map((id) => ({ type: "upsert" as const, case: this.cases.get(id)! })),
      cursor: String(this.log.length),
      hasMore: false,
    };
  }
  async getCase(id: string) {
    return this.cases.get(id)!;
  }
  async mutate(caseId: string, _action: unknown, { ifMatch }: MutationOptions) {
    const current = this.cases.get(caseId)!;
    if (current.version !== ifMatch) throw new ApiError("stale", 412, null, { current });
    const next = { ...current, version: current.version + 1 };
    this.touch(next);
    return { case: next, version: next.version };
  }
  async evidenceContent() {
    return new ArrayBuffer(0);
  }
  eventStream() {
    return { url: "http://invalid/events", headers: () => ({}) };
  }
  async uploadEvidence(
    caseId: string,
    upload: EvidenceUpload,
    { idempotencyKey, ifMatch, onProgress }: UploadOptions,
  ): Promise<MutationResponse> {
    this.attempts += 1;
    const fault = this.faults.shift();
    if (fault && fault !== "lose-response") throw new ApiError("injected", fault.status, null);
    onProgress?.(upload.file.size / 2, upload.file.size);
    const replay = this.replies.get(idempotencyKey);
    if (replay) return replay;
    const current = this.cases.get(caseId)!;
    if (current.version !== ifMatch) {
      throw new ApiError("stale", 412, null, {
        type: "https://arbiter.desk/problems/precondition-failed",
        title: "Precondition failed",
        status: 412,
        current,
      });
    }
    const bytes = new Uint8Array(await upload.file.arrayBuffer());
    if (hex(bytes) !== upload.sha256) throw new ApiError("digest", 422, null);
    const next: CaseDetail = {
      ...current,
      version: current.version + 1,
      evidence: [
        ...current.evidence,
        {
          id: `ev-${this.filed.length + 1}`,
          uploadedBy: "agent",
          fileName: upload.fileName,
          mimeType: upload.file.type as "image/png",
          size: bytes.length,
          sha256: upload.sha256,
          description: upload.description,
          uploadedAt: "2026-03-02T03:00:00.000Z",
        },
      ],
    };
    this.touch(next);
    this.filed.push({ caseId, key: idempotencyKey, sha256: upload.sha256, bytes });
    const reply = { case: next, version: next.version };
    this.replies.set(idempotencyKey, reply);
    if (fault === "lose-response") throw new ApiError("The server cannot be reached.", 0, null);
    return reply;
  }
}

const running: Array<{ stop(): Promise<void> }> = [];
afterEach(async () => {
  for (const d of running.splice(0)) await d.stop();
});

async function setup(server: UploadServer, userId = freshUser()) {
  const data = createDeskData({
    userId,
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

async function until(check: () => Promise<boolean> | boolean, timeoutMs = 5_000) {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 10));
  }
}

const agentEvidence = async (data: Awaited<ReturnType<typeof setup>>, caseId: string) => {
  const view = await data.getCase(caseId);
  return view?.detail?.evidence.filter((e) => e.uploadedBy === "agent") ?? [];
};

test("an attached file is hashed on the desk, filed once although its answer was lost, and shown with its hash", async () => {
  const server = new UploadServer(["c1"]);
  const data = await setup(server);
  server.faults.push("lose-response", { status: 503 });
  const seen: number[] = [];
  const stop = data.observeUploads((views) => {
    for (const v of views) if (v.progress) seen.push(v.progress.sent);
  }, "c1");
  const result = await data.attach("c1", new Blob([PNG]), "bank-reply.png", " from the bank ");
  expect(result.ok).toBe(true);

  await until(() => server.filed.length === 1 && data.status.getState().uploadCount === 0);
  await until(async () => (await agentEvidence(data, "c1")).length === 1);
  stop();
  expect(server.filed).toHaveLength(1);
  expect(server.filed[0]?.sha256).toBe(hex(PNG));
  // Sent three times (lost answer, 503, then the replay), filed once under one key.
  expect(server.attempts).toBe(3);
  const [evidence] = await agentEvidence(data, "c1");
  expect(evidence).toMatchObject({
    sha256: hex(PNG),
    fileName: "bank-reply.png",
    description: "from the bank",
  });
  expect(seen.length).toBeGreaterThan(0);
});

test("files the server would refuse are refused on the desk, and nothing is queued", async () => {
  const server = new UploadServer(["c1"]);
  const data = await setup(server);
  const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0xff, 0xfe]);
  expect(await data.attach("c1", new Blob([exe]), "statement.png", "")).toEqual({
    ok: false,
    reason: "unsupported_type",
  });
  expect(await data.attach("c1", new Blob([]), "empty.txt", "")).toEqual({
    ok: false,
    reason: "empty",
  });
  const huge = new Blob([new Uint8Array(20 * 1024 * 1024 + 1)]);
  expect(await data.attach("c1", huge, "big.pdf", "")).toEqual({ ok: false, reason: "too_large" });
  expect(await data.attach("nope", new Blob([PNG]), "x.png", "")).toEqual({
    ok: false,
    reason: "not_cached",
  });
  let views: unknown[] = [1];
  data.observeUploads((v) => {
    views = v;
  });
  await until(() => views.length === 0);
  expect(server.attempts).toBe(0);
});

test("queued while the server is unreachable, it survives a reload and is filed once when back", async () => {
  const server = new UploadServer(["c1"]);
  const userId = freshUser();
  const first = await setup(server, userId);
  for (let i = 0; i < 1_000; i++) server.faults.push({ status: 0 });
  await first.attach("c1", new Blob([PDF]), "statement.pdf", "");
  // The failed attempt reports reachability after it has stored its outcome: wait for both.
  await until(
    () =>
      first.status.getState().uploadCount === 1 &&
      server.faults.length < 1_000 &&
      !first.status.getState().isOnline,
  );
  expect(first.status.getState().isOnline).toBe(false);
  await first.stop();

  // A reload: a new data layer over the same IndexedDB, and the server reachable again.
  server.faults = [];
  const second = await setup(server, userId);
  expect(second.status.getState().uploadCount).toBeLessThanOrEqual(1);
  await until(() => server.filed.length === 1 && second.status.getState().uploadCount === 0);
  await until(async () => (await agentEvidence(second, "c1")).length === 1);
  expect(server.filed[0]?.bytes).toEqual(new Uint8Array(PDF));
});

test("a case that moved on is not a conflict for an attachment: it is sent again on the current version", async () => {
  const server = new UploadServer(["c1"]);
  const data = await setup(server);
  server.faults.push({ status: 0 });
  await data.attach("c1", new Blob([PNG]), "a.png", "");
  server.touch({ ...server.cases.get("c1")!, version: 5 });
  await until(() => server.filed.length === 1);
  await until(async () => (await data.getCase("c1"))?.detail?.version === 6);
});

test("an attachment waits behind the agent's queued actions on the same case", async () => {
  const server = new UploadServer(["c1"]);
  const data = await setup(server);
  await data.stop();
  await data.enqueue("c1", { type: "notes", body: { text: "before the file" } });
  await data.attach("c1", new Blob([PNG]), "a.png", "");
  await data.start();
  await until(() => server.filed.length === 1);
  // The note went first (version 2), the file on top of it (version 3): no conflict on the way.
  expect((await data.pendingForSignOut()).conflicts).toBe(0);
  await until(async () => (await data.getCase("c1"))?.detail?.version === 3);
});
