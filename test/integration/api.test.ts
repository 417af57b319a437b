/**
 * The arbitration API end to end over HTTP, the same suite on PGlite and on a real PostgreSQL.
 * One server per backend for the whole file; each test files its own appeals so tests stay
 * independent without reseeding.
 */
import { AuditLog, AuditVerification } from "@shared/api/audit";
import { ChangesPage } from "@shared/api/cases";
import { type MutationResponse, PreconditionFailedProblem } from "@shared/api/mutations";
import type { Problem } from "@shared/api/problem";
import { CaseDetail } from "@shared/domain/appeal";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JOB_HANDLERS } from "../../server/deadlines/handlers";
import { runDueJobs } from "../../server/deadlines/jobs";
import { ApiClient } from "../support/api";
import { escalatedCase, filing, platform } from "../support/appeals";
import { BACKENDS, type Backend, openBackend } from "../support/backends";
import { openSse } from "../support/sse";

const RATIONALE = "The bank statement shows the transfer arrived on time and in full.";

for (const { name, skip } of BACKENDS) {
  describe.skipIf(skip !== null)(`arbitration API on ${name}${skip ? ` (${skip})` : ""}`, () => {
    let backend: Backend;
    let url: string;
    let agent1: ApiClient;
    let agent2: ApiClient;
    let supervisor1: ApiClient;
    let supervisor2: ApiClient;

    beforeAll(async () => {
      backend = await openBackend(name);
      url = backend.server.url;
      agent1 = await ApiClient.login(url, "agent1");
      agent2 = await ApiClient.login(url, "agent2");
      supervisor1 = await ApiClient.login(url, "supervisor1");
      supervisor2 = await ApiClient.login(url, "supervisor2");
    });
    afterAll(async () => {
      await backend?.close();
    });

    /** An escalated case claimed by agent1. */
    async function claimedCase(): Promise<CaseDetail> {
      const escalated = await escalatedCase(url);
      const claimed = await agent1.post<MutationResponse>(
        `/cases/${escalated.id}/claim`,
        {},
        { ifMatch: escalated.version },
      );
      expect(claimed.status).toBe(200);
      return CaseDetail.parse(claimed.body.case);
    }

    async function decidedCase(by: ApiClient = agent1): Promise<CaseDetail> {
      const escalated = await escalatedCase(url);
      const claimed = await by.post<MutationResponse>(
        `/cases/${escalated.id}/claim`,
        {},
        { ifMatch: escalated.version },
      );
      const decided = await by.post<MutationResponse>(
        `/cases/${escalated.id}/decision`,
        { outcome: "release", favouredParty: "complainant", rationale: RATIONALE },
        { ifMatch: claimed.body.version },
      );
      expect(decided.status).toBe(200);
      return CaseDetail.parse(decided.body.case);
    }

    it("refuses requests without a valid session (401) and the integration side to agents (403)", async () => {
      expect((await new ApiClient(url).get("/cases")).status).toBe(401);
      expect((await new ApiClient(url, "not-a-token").get("/cases")).status).toBe(401);
      const asAgent = await agent1.post("/integration/appeals", filing());
      expect(asAgent.status).toBe(403);
      expect(asAgent.headers.get("content-type")).toContain("application/problem+json");
      const wrong = await new ApiClient(url).request("POST", "/api/v1/auth/login", {
        body: { username: "agent1", password: "nope" },
      });
      expect(wrong.status).toBe(401);
      const session = await ApiClient.login(url, "agent2");
      expect((await session.post("/auth/logout", undefined, { key: null })).status).toBe(204);
      expect((await session.get("/me")).status).toBe(401);
    });

    it("walks the first stage: filed → escalated → claimed → evidence → decided → verified → closed", async () => {
      const service = platform(url);
      const filed = await service.post<{ case: CaseDetail }>("/integration/appeals", filing());
      expect(filed.status).toBe(201);
      const created = CaseDetail.parse(filed.body.case);
      expect(created.status).toBe("awaiting_respondent");
      expect(Date.parse(created.respondentDeadline ?? "")).toBeGreaterThan(Date.now() + 9 * 60_000);
      expect(created.slaClocks.find((c) => c.clockId === "respondent_window")?.status).toBe(
        "running",
      );

      const answered = await service.post<{ case: CaseDetail }>(
        `/integration/appeals/${created.id}/respondent-answer`,
        {
          answer: "negotiation_failed",
          statement: "我没有收到款。",
        },
      );
      expect(answered.body.case.status).toBe("escalated");
      expect(answered.body.case.escalatedAt).not.toBeNull();

      const early = await agent1.post(
        `/cases/${created.id}/decision`,
        { outcome: "release", favouredParty: "complainant", rationale: RATIONALE },
        { ifMatch: answered.body.case.version },
      );
      expect(early.status).toBe(409);

      const claimed = await agent1.post<MutationResponse>(
        `/cases/${created.id}/claim`,
        {},
        { ifMatch: answered.body.case.version },
      );
      expect(claimed.status).toBe(200);
      expect(claimed.headers.get("etag")).toBe(`"${claimed.body.version}"`);
      expect(claimed.body.case?.assigneeId).toBe("u-agent1");
      expect(claimed.body.case?.status).toBe("in_review");

      // Only the assigned agent (or a supervisor) may work the case.
      const other = await agent2.post(
        `/cases/${created.id}/messages`,
        { text: "Xin chào", to: "complainant" },
        { ifMatch: claimed.body.version },
      );
      expect(other.status).toBe(403);

      let version = claimed.body.version;
      const step = async (path: string, body: unknown, client = agent1) => {
        const response = await client.post<MutationResponse>(`/cases/${created.id}/${path}`, body, {
          ifMatch: version,
        });
        expect(response.status, JSON.stringify(response.body)).toBe(200);
        expect(response.body.version).toBe(version + 1);
        version = response.body.version;
        return CaseDetail.parse(response.body.case);
      };
      await step("messages", { text: "Vui lòng gửi sao kê ngân hàng.", to: "complainant" });
      await step("phone-contacts", {
        party: "respondent",
        outcome: "reached",
        summary: "Seller says no money arrived.",
      });
      await step("notes", { text: "Complainant's receipt looks genuine." });
      const dueAt = new Date(Date.now() + 24 * 3_600_000).toISOString();
      const waiting = await step("evidence-requests", {
        party: "respondent",
        what: "Bank statement for the day",
        dueAt,
      });
      expect(waiting.status).toBe("awaiting_evidence");
      expect(waiting.slaClocks.find((c) => c.clockId === "resolution")?.status).toBe("paused");

      const form = new FormData();
      form.set("party", "respondent");
      form.set("description", "Sao kê");
      form.set(
        "file",
        new Blob(["Statement 2025-01-01: no incoming transfer of 2,500,000 VND\n"]),
        "statement.txt",
      );
      const uploaded = await service.upload<{ case: CaseDetail; version: number }>(
        `/integration/appeals/${created.id}/evidence`,
        form,
      );
      expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(200);
      expect(uploaded.body.case.status).toBe("in_review");
      expect(uploaded.body.case.evidenceRequests[0]?.fulfilledAt).not.toBeNull();
      expect(uploaded.body.case.evidence.at(-1)?.mimeType).toBe("text/plain");
      version = uploaded.body.version;

      const missingAmount = await agent1.post<Problem>(
        `/cases/${created.id}/decision`,
        { outcome: "partial_refund", rationale: "short" },
        { ifMatch: version },
      );
      expect(missingAmount.status).toBe(400);
      expect(missingAmount.body.errors?.map((e) => e.field).sort()).toEqual([
        "body/amount",
        "body/rationale",
      ]);

      const decided = await step("decision", {
        outcome: "release",
        favouredParty: "complainant",
        rationale: RATIONALE,
      });
      expect(decided.status).toBe("decided");
      expect(decided.decisions).toHaveLength(1);
      // A release moves the escrow, to the buyer: the record says how much and to whom.
      expect(decided.decisions[0]).toMatchObject({
        amount: "98.430000",
        currency: "USDT",
        receiverSide: "buyer",
        favouredParty: "complainant",
      });
      await step("verification", { step: "records_checked" });
      await step("verification", { step: "feedback", satisfied: true });
      const closed = await step("verification", { step: "confirmed" });
      expect(closed.status).toBe("closed");
      expect(closed.verification?.confirmedAt).not.toBeNull();
      expect(closed.timeline.map((t) => t.type)).toEqual(
        expect.arrayContaining([
          "appeal_filed",
          "escalated",
          "claimed",
          "evidence_requested",
          "evidence_received",
          "decided",
          "verified",
          "closed",
        ]),
      );
    });

    it("runs the second stage with four-eyes: the first decider may not review", async () => {
      const decided = await decidedCase(supervisor1);
      const service = platform(url);
      const appealed = await service.post<{ case: CaseDetail }>(
        `/integration/appeals/${decided.id}/second-stage`,
        { party: "respondent", statement: "Tôi không đồng ý." },
      );
      expect(appealed.status).toBe(200);
      expect(appealed.body.case.status).toBe("second_stage");
      expect(appealed.body.case.stage).toBe("second");
      expect(appealed.body.case.assigneeId).toBeNull();

      const byAgent = await agent2.post(
        `/cases/${decided.id}/claim`,
        {},
        { ifMatch: appealed.body.case.version },
      );
      expect(byAgent.status).toBe(403);
      const byDecider = await supervisor1.post(
        `/cases/${decided.id}/claim`,
        {},
        { ifMatch: appealed.body.case.version },
      );
      expect(byDecider.status).toBe(403);
      const claimed = await supervisor2.post<MutationResponse>(
        `/cases/${decided.id}/claim`,
        {},
        { ifMatch: appealed.body.case.version },
      );
      expect(claimed.status).toBe(200);
      expect(claimed.body.case?.status).toBe("supervisor_review");

      const reviewByDecider = await supervisor1.post(
        `/cases/${decided.id}/review`,
        { verdict: "uphold", rationale: RATIONALE },
        { ifMatch: claimed.body.version },
      );
      expect(reviewByDecider.status).toBe(403);

      const noDecision = await supervisor2.post<Problem>(
        `/cases/${decided.id}/review`,
        { verdict: "overturn", rationale: RATIONALE },
        { ifMatch: claimed.body.version },
      );
      expect(noDecision.status).toBe(400);
      expect(noDecision.body.errors?.[0]?.field).toBe("body/decision");

      const overturned = await supervisor2.post<MutationResponse>(
        `/cases/${decided.id}/review`,
        {
          verdict: "overturn",
          rationale: RATIONALE,
          decision: {
            outcome: "cancel_order",
            favouredParty: "respondent",
            rationale: "The buyer's receipt was altered; the bank confirms no transfer.",
          },
        },
        { ifMatch: claimed.body.version },
      );
      expect(overturned.status).toBe(200);
      const detail = CaseDetail.parse(overturned.body.case);
      expect(detail.status).toBe("closed");
      expect(detail.decisions.map((d) => [d.stage, d.outcome, d.decidedBy])).toEqual([
        ["first", "release", "u-supervisor1"],
        ["second", "cancel_order", "u-supervisor2"],
      ]);
    });

    it("remands a second-stage appeal to another agent, who decides again", async () => {
      const decided = await decidedCase(agent1);
      const appealed = await supervisor1.post<MutationResponse>(
        `/cases/${decided.id}/appeal`,
        { party: "respondent", statement: "Disagree" },
        { ifMatch: decided.version },
      );
      expect(appealed.status).toBe(200);
      const claimed = await supervisor1.post<MutationResponse>(
        `/cases/${decided.id}/claim`,
        {},
        { ifMatch: appealed.body.version },
      );
      const toDecider = await supervisor1.post(
        `/cases/${decided.id}/review`,
        { verdict: "remand", rationale: RATIONALE, assignee: "u-agent1" },
        { ifMatch: claimed.body.version },
      );
      expect(toDecider.status).toBe(403);
      const remanded = await supervisor1.post<MutationResponse>(
        `/cases/${decided.id}/review`,
        { verdict: "remand", rationale: RATIONALE, assignee: "u-agent2" },
        { ifMatch: claimed.body.version },
      );
      expect(remanded.status).toBe(200);
      expect(remanded.body.case?.status).toBe("in_review");
      expect(remanded.body.case?.assigneeId).toBe("u-agent2");
      const again = await agent2.post<MutationResponse>(
        `/cases/${decided.id}/decision`,
        { outcome: "cancel_order", favouredParty: "respondent", rationale: RATIONALE },
        { ifMatch: remanded.body.version },
      );
      expect(again.status).toBe(200);
      expect(again.body.case?.decisions).toHaveLength(2);
    });

    it("enforces the mutation protocol: Idempotency-Key, If-Match, ETag, replay and 422", async () => {
      const detail = await claimedCase();
      const path = `/cases/${detail.id}/notes`;
      expect(
        (await agent1.post(path, { text: "a" }, { key: null, ifMatch: detail.version })).status,
      ).toBe(400);
      const noIfMatch = await agent1.post<Problem>(path, { text: "a" });
      expect(noIfMatch.status).toBe(428);
      expect(noIfMatch.headers.get("content-type")).toContain("application/problem+json");
      // A weak tag never matches under the strong comparison a write needs: 412, not 400.
      expect((await agent1.post(path, { text: "a" }, { ifMatch: 'W/"1"' })).status).toBe(412);

      const key = `note-${detail.id}`;
      const first = await agent1.post<MutationResponse>(
        path,
        { text: "first" },
        { key, ifMatch: detail.version },
      );
      expect(first.status).toBe(200);
      const retry = await agent1.post<MutationResponse>(
        path,
        { text: "first" },
        { key, ifMatch: detail.version },
      );
      expect(retry.status).toBe(200);
      expect(retry.body).toEqual(first.body);
      expect(retry.headers.get("idempotent-replayed")).toBe("true");
      const reused = await agent1.post<Problem>(
        path,
        { text: "different" },
        { key, ifMatch: first.body.version },
      );
      expect(reused.status).toBe(422);

      const current = await agent1.get<CaseDetail>(`/cases/${detail.id}`);
      expect(current.body.version).toBe(first.body.version);
      expect(current.body.notes).toHaveLength(1);
      expect(current.headers.get("etag")).toBe(`"${first.body.version}"`);

      const stale = await agent1.post(path, { text: "late" }, { ifMatch: detail.version });
      expect(stale.status).toBe(412);
      const problem = PreconditionFailedProblem.parse(stale.body);
      expect(problem.current.version).toBe(first.body.version);
      expect(problem.current.notes).toHaveLength(1);
    });

    it("escalates when the respondent's 10 minutes run out, and enforces the 5-minute re-file cool-down", async () => {
      const service = platform(url);
      const quiet = await service.post<{ case: CaseDetail }>("/integration/appeals", filing());
      await runDueJobs(backend.server.db, JOB_HANDLERS, new Date(Date.now() + 11 * 60_000));
      const after = await agent1.get<CaseDetail>(`/cases/${quiet.body.case.id}`);
      expect(after.body.status).toBe("escalated");
      expect(after.body.timeline.at(-1)?.summary).toContain("10 minutes");

      const body = filing();
      const agreed = await service.post<{ case: CaseDetail }>("/integration/appeals", body);
      const duplicate = await service.post("/integration/appeals", body);
      expect(duplicate.status).toBe(409);
      await service.post(`/integration/appeals/${agreed.body.case.id}/respondent-answer`, {
        answer: "agreement_reached",
      });
      const confirmed = await service.post<{ case: CaseDetail }>(
        `/integration/appeals/${agreed.body.case.id}/agreement`,
        { confirmed: true },
      );
      expect(confirmed.body.case.status).toBe("closed");
      const refile = await service.post<Problem & { retryAfterSeconds: number }>(
        "/integration/appeals",
        body,
      );
      expect(refile.status).toBe(409);
      expect(refile.body.retryAfterSeconds).toBeGreaterThan(240);

      const lapsing = await service.post<{ case: CaseDetail }>("/integration/appeals", filing());
      await service.post(`/integration/appeals/${lapsing.body.case.id}/respondent-answer`, {
        answer: "agreement_reached",
      });
      const lapsed = await service.post<{ case: CaseDetail }>(
        `/integration/appeals/${lapsing.body.case.id}/agreement`,
        { confirmed: false },
      );
      expect(lapsed.body.case.status).toBe("escalated");
    });

    it("feeds changes in commit order with a resumable cursor, and tombstones redacted cases", async () => {
      let cursor: string | undefined;
      let seen = 0;
      for (;;) {
        const page = await agent1.get(
          `/cases/changes?limit=100${cursor ? `&since=${cursor}` : ""}`,
        );
        const parsed = ChangesPage.parse(page.body);
        seen += parsed.changes.length;
        cursor = parsed.cursor;
        if (!parsed.hasMore) break;
      }
      expect(seen).toBeGreaterThanOrEqual(40);
      const empty = ChangesPage.parse((await agent1.get(`/cases/changes?since=${cursor}`)).body);
      expect(empty.changes).toEqual([]);
      expect(empty.cursor).toBe(cursor);

      const detail = await claimedCase();
      const other = await escalatedCase(url);
      const page = ChangesPage.parse((await agent1.get(`/cases/changes?since=${cursor}`)).body);
      const ids = page.changes.map((c) => (c.type === "upsert" ? c.case.id : c.id));
      // Each case once, at its latest change: the claimed case changed before the other was filed.
      expect(ids).toEqual([detail.id, other.id]);

      const redacted = await supervisor1.post<MutationResponse>(
        `/cases/${detail.id}/redact`,
        { reason: "Data-protection request" },
        { ifMatch: detail.version },
      );
      expect(redacted.status).toBe(200);
      expect(redacted.body.case).toBeNull();
      expect((await agent1.get(`/cases/${detail.id}`)).status).toBe(404);
      const after = ChangesPage.parse(
        (await agent1.get(`/cases/changes?since=${page.cursor}`)).body,
      );
      expect(after.changes).toEqual([{ type: "tombstone", id: detail.id, reason: "redacted" }]);

      expect((await agent1.get("/cases/changes?since=garbage")).status).toBe(400);
    });

    it("keeps a hash-chained audit log and reports the first edited entry", async () => {
      const detail = await claimedCase();
      await agent1.post(
        `/cases/${detail.id}/notes`,
        { text: "audit me" },
        { ifMatch: detail.version },
      );
      const log = AuditLog.parse((await agent1.get(`/cases/${detail.id}/audit`)).body);
      expect(log.entries.map((e) => e.action)).toEqual([
        "file",
        "respondent_answer:negotiation_failed",
        "claim",
        "note",
      ]);
      expect(log.entries.at(-1)).toMatchObject({
        actorId: "u-agent1",
        beforeVersion: detail.version,
        afterVersion: detail.version + 1,
      });
      expect(log.entries.at(-1)?.requestId).toBeTruthy();
      expect((await agent1.get("/audit/verify")).status).toBe(403);
      expect(AuditVerification.parse((await supervisor1.get("/audit/verify")).body)).toMatchObject({
        ok: true,
        firstBroken: null,
      });

      const db = backend.server.db;
      await expect(db.query("update audit_log set action = 'x' where seq = 1")).rejects.toThrow(
        /append-only/,
      );
      const target = log.entries[2];
      if (!target) throw new Error("no entry");
      // Someone with table-owner rights edits a row by hand: the chain must notice.
      await db.query("alter table audit_log disable trigger audit_log_no_update");
      await db.query("update audit_log set details = $2 where seq = $1", [
        target.seq,
        JSON.stringify({ forged: true }),
      ]);
      const broken = AuditVerification.parse((await supervisor1.get("/audit/verify")).body);
      expect(broken.ok).toBe(false);
      expect(broken.firstBroken).toEqual({ seq: target.seq, reason: "hash_mismatch" });
      await db.query("update audit_log set details = $2 where seq = $1", [
        target.seq,
        JSON.stringify(target.details),
      ]);
      await db.query("alter table audit_log enable trigger audit_log_no_update");
      expect(AuditVerification.parse((await supervisor1.get("/audit/verify")).body).ok).toBe(true);
    });

    it("stores evidence content-addressed, sniffs types by content and limits size", async () => {
      const detail = await claimedCase();
      const png = Buffer.from(
        "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763f8cfc000000301010018dd8db00000000049454e44ae426082",
        "hex",
      );
      const upload = (bytes: Uint8Array, name: string, version: number) => {
        const form = new FormData();
        form.set("description", "receipt");
        form.set("file", new Blob([new Uint8Array(bytes)]), name);
        return agent1.upload<MutationResponse>(`/cases/${detail.id}/evidence`, form, {
          ifMatch: version,
        });
      };
      const ok = await upload(png, "looks-like.pdf", detail.version);
      expect(ok.status, JSON.stringify(ok.body)).toBe(200);
      const evidence = ok.body.case?.evidence.at(-1);
      expect(evidence?.mimeType).toBe("image/png");
      const content = await fetch(`${url}/api/v1/evidence/${evidence?.id}/content`, {
        headers: { authorization: `Bearer ${agent1.token}` },
      });
      expect(content.status).toBe(200);
      expect(Buffer.from(await content.arrayBuffer()).equals(png)).toBe(true);
      expect(content.headers.get("x-content-sha256")).toBe(evidence?.sha256);
      expect(content.headers.get("repr-digest")).toBe(
        `sha-256=:${Buffer.from(evidence?.sha256 ?? "", "hex").toString("base64")}:`,
      );

      const exe = await upload(
        Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0xff, 0xfe]),
        "statement.png",
        ok.body.version,
      );
      expect(exe.status).toBe(415);
      const huge = await upload(
        new Uint8Array(20 * 1024 * 1024 + 10).fill(0x41),
        "big.txt",
        ok.body.version,
      );
      expect(huge.status).toBe(413);
      const again = await upload(png, "same.png", ok.body.version);
      expect(again.status).toBe(200);
      const [blobs] = await backend.server.db.query<{ n: number }>(
        "select count(*)::int as n from evidence_blobs where sha256 = $1",
        [evidence?.sha256],
      );
      expect(blobs?.n).toBe(1);
    });

    it("streams live events and resumes from Last-Event-ID", async () => {
      const headers = { authorization: `Bearer ${agent2.token}` };
      const stream = await openSse(`${url}/api/v1/events`, headers);
      try {
        const detail = await escalatedCase(url);
        const escalation = await stream.waitFor(
          (m) =>
            m.event === "new_escalation" && (m.data as { caseId: string }).caseId === detail.id,
        );
        expect(escalation.id).toBeNull();
        const changed = await stream.waitFor(
          (m) =>
            m.event === "case_changed" &&
            (m.data as { caseId: string; version: number }).caseId === detail.id &&
            (m.data as { version: number }).version === detail.version,
        );
        expect(changed.id).toBeTruthy();

        await agent1.post(`/cases/${detail.id}/claim`, {}, { ifMatch: detail.version });
        await stream.waitFor(
          (m) => m.event === "case_assigned" && (m.data as { caseId: string }).caseId === detail.id,
        );

        // A client that saw `changed` and reconnects gets the claim replayed from the feed.
        const resumed = await openSse(`${url}/api/v1/events`, {
          ...headers,
          "last-event-id": changed.id ?? "",
        });
        try {
          const replayed = await resumed.waitFor(
            (m) =>
              m.event === "case_changed" && (m.data as { caseId: string }).caseId === detail.id,
          );
          expect((replayed.data as { version: number }).version).toBe(detail.version + 1);
        } finally {
          resumed.close();
        }
      } finally {
        stream.close();
      }
    });

    it("filters the queue by breach risk and serves calendars and the OpenAPI document", async () => {
      const breached = (await agent1.get<{ items: CaseDetail[] }>("/cases?risk=breached&limit=500"))
        .body.items;
      expect(breached.length).toBeGreaterThan(0);
      for (const item of breached)
        expect(Date.parse(item.dueAt ?? "")).toBeLessThanOrEqual(Date.now());
      expect((await agent1.get("/cases?risk=soon")).status).toBe(400);

      const added = await agent1.get<{ due: string }>(
        "/calendars/CN/add?from=2025-09-30T01:00:00.000Z&minutes=540",
      );
      expect(added.status).toBe(200);
      // 30 Sep is a working day; 1–8 Oct is the National Day holiday: the day's work ends on 9 Oct.
      const between = await agent1.get<{ minutes: number }>(
        `/calendars/CN/between?from=2025-09-30T01:00:00.000Z&to=${added.body.due}`,
      );
      expect(between.body.minutes).toBe(540);
      expect(
        (await agent1.get("/calendars/XX/add?from=2025-01-01T00:00:00Z&minutes=1")).status,
      ).toBe(404);
      expect(
        (await agent1.get<{ calendars: unknown[] }>("/calendars")).body.calendars,
      ).toHaveLength(3);

      const doc = (
        await new ApiClient(url).get<{
          openapi: string;
          paths: Record<string, Record<string, unknown>>;
        }>("/openapi.json")
      ).body;
      expect(doc.openapi).toBe("3.1.0");
      for (const path of [
        "/api/v1/cases/{id}/decision",
        "/api/v1/cases/changes",
        "/api/v1/events",
        "/api/v1/integration/appeals/{id}/evidence",
        "/api/v1/audit/verify",
        "/api/v1/oversight/stats",
        "/api/v1/cases/{id}/report",
      ]) {
        expect(doc.paths[path], path).toBeDefined();
      }
      // Every documented operation is a route the server really has.
      for (const [path, operations] of Object.entries(doc.paths)) {
        for (const method of Object.keys(operations)) {
          const url = path.replace(/\{(\w+)\}/g, ":$1");
          expect(
            backend.server.app.hasRoute({ method: method.toUpperCase() as "GET" | "POST", url }),
            `${method} ${url}`,
          ).toBe(true);
        }
      }
    });
  });
}
