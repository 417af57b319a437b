/**
 * The appeal simulator plays the platform from the pull feed: its parties receive CS's messages,
 * answer (or miss) evidence requests, and its escrowed trade is released when the decision comes.
 */
import type { MutationResponse } from "@shared/api/mutations";
import { CaseDetail } from "@shared/domain/appeal";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JOB_HANDLERS } from "../../server/deadlines/handlers";
import { runDueJobs } from "../../server/deadlines/jobs";
import { runSimulator } from "../../server/simulator/simulator";
import { ApiClient } from "../support/api";
import { type Backend, openBackend, SERVICE_TOKEN } from "../support/backends";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the simulator consumes the platform feed (PGlite)", () => {
  let backend: Backend;
  beforeAll(async () => {
    backend = await openBackend("PGlite", 3);
  });
  afterAll(async () => {
    await backend?.close();
  });

  it("messages arrive, evidence is answered or missed, and a decision releases the trade", async () => {
    const url = backend.server.url;
    const log: string[] = [];
    const simulator = runSimulator({
      baseUrl: url,
      serviceToken: SERVICE_TOKEN,
      seed: 7,
      ratePerMinute: 120,
      maxAppeals: 6,
      log: (line) => log.push(line),
    });
    try {
      const agent = await ApiClient.login(url, "agent1");
      const escalated = async () => {
        for (const id of simulator.trades.keys()) {
          const detail = CaseDetail.parse((await agent.get(`/cases/${id}`)).body);
          if (detail.status === "escalated") return detail;
        }
        return null;
      };
      await expect.poll(escalated, { timeout: 30_000, interval: 500 }).not.toBeNull();
      const detail = (await escalated()) as CaseDetail;
      expect(simulator.trades.get(detail.id)).toBe("escrow");
      let version = (
        await agent.post<MutationResponse>(
          `/cases/${detail.id}/claim`,
          {},
          { ifMatch: detail.version },
        )
      ).body.version;
      const sent = await agent.post<MutationResponse>(
        `/cases/${detail.id}/messages`,
        { to: "complainant", text: "Please keep the app open; we are checking the transfer." },
        { ifMatch: version },
      );
      version = sent.body.version;
      const asked = await agent.post<MutationResponse>(
        `/cases/${detail.id}/evidence-requests`,
        {
          party: "respondent",
          what: "Bank statement",
          dueAt: new Date(Date.now() + 2_000).toISOString(),
        },
        { ifMatch: version },
      );
      expect(asked.status).toBe(200);
      await expect.poll(() => simulator.inbox.get(detail.id) ?? 0, { timeout: 15_000 }).toBe(1);
      // Past the deadline: the job runs; a late party answers then, a silent one never does.
      await sleep(2_500);
      await runDueJobs(backend.server.db, JOB_HANDLERS);
      await expect
        .poll(
          async () => {
            const now = CaseDetail.parse((await agent.get(`/cases/${detail.id}`)).body);
            const [request] = now.evidenceRequests;
            return Boolean(request?.fulfilledAt) || Boolean(request?.lapsedAt);
          },
          { timeout: 15_000, interval: 300 },
        )
        .toBe(true);
      const current = CaseDetail.parse((await agent.get(`/cases/${detail.id}`)).body);
      const request = current.evidenceRequests[0];
      // Either the party uploaded (on time or after the deadline) or the deadline lapsed.
      if (request?.fulfilledAt)
        expect(current.evidence.some((e) => e.uploadedBy === "respondent")).toBe(true);
      else expect(request?.lapsedAt).not.toBeNull();

      const decided = await agent.post<MutationResponse>(
        `/cases/${detail.id}/decision`,
        {
          // The buyer receives the coins, whichever side complained: the money model names them.
          outcome: "release",
          rationale: "The buyer's transfer is on the statement.",
        },
        { ifMatch: current.version },
      );
      expect(decided.status).toBe(200);
      await expect
        .poll(() => simulator.trades.get(detail.id), { timeout: 15_000 })
        .toBe("released");
      expect(log.some((line) => line.includes("trade released"))).toBe(true);
    } finally {
      await simulator.stop();
    }
  });
});
