/**
 * Races, on both databases: two people deciding the same case at once, a client retrying one
 * request many times in parallel, and a changes-feed reader polling while writers commit.
 */
import { ChangesPage } from "@shared/api/cases";
import type { MutationResponse } from "@shared/api/mutations";
import type { CaseDetail } from "@shared/domain/appeal";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../support/api";
import { escalatedCase } from "../support/appeals";
import { BACKENDS, type Backend, openBackend } from "../support/backends";

const RATIONALE = "The payment proof is consistent with the bank's own records.";
const ROUNDS = 12;

for (const { name, skip } of BACKENDS) {
  describe.skipIf(skip !== null)(`concurrency on ${name}${skip ? ` (${skip})` : ""}`, () => {
    let backend: Backend;
    let url: string;
    let agent: ApiClient;
    let supervisor: ApiClient;

    beforeAll(async () => {
      backend = await openBackend(name, 10);
      url = backend.server.url;
      agent = await ApiClient.login(url, "agent1");
      supervisor = await ApiClient.login(url, "supervisor1");
    });
    afterAll(async () => {
      await backend?.close();
    });

    it(`two deciders at once: exactly one 200 and one 412, ${ROUNDS} times over`, async () => {
      for (let round = 0; round < ROUNDS; round++) {
        const escalated = await escalatedCase(url);
        const claimed = await agent.post<MutationResponse>(
          `/cases/${escalated.id}/claim`,
          {},
          { ifMatch: escalated.version },
        );
        const version = claimed.body.version;
        const decide = (client: ApiClient, outcome: "release" | "cancel_order") =>
          client.post(
            `/cases/${escalated.id}/decision`,
            {
              outcome,
              favouredParty: outcome === "release" ? "complainant" : "respondent",
              rationale: RATIONALE,
            },
            { ifMatch: version },
          );
        const results = await Promise.all([
          decide(agent, "release"),
          decide(supervisor, "cancel_order"),
        ]);
        expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
        const detail = (await agent.get<CaseDetail>(`/cases/${escalated.id}`)).body;
        expect(detail.decisions).toHaveLength(1);
        expect(detail.version).toBe(version + 1);
      }
    });

    it("N parallel retries of one idempotent request have one effect", async () => {
      const escalated = await escalatedCase(url);
      const claimed = await agent.post<MutationResponse>(
        `/cases/${escalated.id}/claim`,
        {},
        { ifMatch: escalated.version },
      );
      const key = `retry-${escalated.id}`;
      const attempts = await Promise.all(
        Array.from({ length: 10 }, () =>
          agent.post<MutationResponse>(
            `/cases/${escalated.id}/notes`,
            { text: "called the bank" },
            { key, ifMatch: claimed.body.version },
          ),
        ),
      );
      expect(attempts.map((a) => a.status)).toEqual(Array(10).fill(200));
      expect(new Set(attempts.map((a) => JSON.stringify(a.body))).size).toBe(1);
      const detail = (await agent.get<CaseDetail>(`/cases/${escalated.id}`)).body;
      expect(detail.notes).toHaveLength(1);
      expect(detail.version).toBe(claimed.body.version + 1);
    });

    it("a feed reader polling during concurrent writes never skips a change", async () => {
      const start = ChangesPage.parse((await agent.get("/cases/changes?limit=500")).body);
      let cursor = start.cursor;
      while (true) {
        const page = ChangesPage.parse(
          (await agent.get(`/cases/changes?since=${cursor}&limit=500`)).body,
        );
        cursor = page.cursor;
        if (!page.hasMore) break;
      }
      const cases = await Promise.all(Array.from({ length: 6 }, () => escalatedCase(url)));
      const seen = new Set<string>();
      let writing = true;
      const reader = (async () => {
        while (writing) {
          const page = ChangesPage.parse(
            (await agent.get(`/cases/changes?since=${cursor}&limit=50`)).body,
          );
          for (const change of page.changes)
            if (change.type === "upsert") seen.add(`${change.case.id}@${change.case.version}`);
          cursor = page.cursor;
        }
      })();
      const written: string[] = [];
      await Promise.all(
        cases.map(async (c) => {
          let version = c.version;
          for (let i = 0; i < 4; i++) {
            const r = await agent.post<MutationResponse>(
              `/cases/${c.id}/notes`,
              { text: `note ${i}` },
              { ifMatch: version },
            );
            expect(r.status).toBe(200);
            version = r.body.version;
          }
          written.push(`${c.id}@${version}`);
        }),
      );
      writing = false;
      await reader;
      // One last read: whatever committed after the reader's last poll.
      const tail = ChangesPage.parse(
        (await agent.get(`/cases/changes?since=${cursor}&limit=500`)).body,
      );
      for (const change of tail.changes)
        if (change.type === "upsert") seen.add(`${change.case.id}@${change.case.version}`);
      // Every case's final version reached the reader (a skipped change would leave it stale).
      for (const final of written) expect(seen.has(final), final).toBe(true);
    });
  });
}
