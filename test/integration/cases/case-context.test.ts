/**
 * Party context through the HTTP API a platform and a desk call, on PGlite and on a real
 * PostgreSQL: the platform files with account facts (optional fields of the filing contract),
 * the same platform user appeals again, a second appeal on the same order follows a closed one,
 * and `GET /cases/:id/context` shows each party's facts, their other appeals with outcomes, and
 * the linked case.
 */
import { randomUUID } from "node:crypto";
import { CaseContext } from "@shared/api/case-context";
import type { FileAppealRequest } from "@shared/api/integration";
import type { CaseDetail } from "@shared/domain/appeal";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../../support/api";
import { escalatedCase, filing, platform } from "../../support/appeals";
import { BACKENDS, type Backend, openBackend } from "../../support/backends";

const ACCOUNT = { openedAt: "2023-05-01T00:00:00.000Z", completedTrades: 412, kycLevel: 2 };

for (const { name, skip } of BACKENDS) {
  describe.skipIf(skip !== null)(`party context on ${name}${skip ? ` (${skip})` : ""}`, () => {
    let backend: Backend;
    let agent: ApiClient;
    let first: CaseDetail;
    let second: CaseDetail;
    const userId = `CTX-${randomUUID().slice(0, 8)}`;

    const complainant = (): FileAppealRequest["complainant"] => ({
      ...filing().complainant,
      externalUserId: userId,
      account: ACCOUNT,
    });

    beforeAll(async () => {
      backend = await openBackend(name, 5);
      agent = await ApiClient.login(backend.server.url, "agent1");
      first = await escalatedCase(backend.server.url, { complainant: complainant() });
      // Worked to the end (claim, decide, verify, close): the order is free for a new appeal.
      let current = first;
      const step = async (action: string, body: object) => {
        const response = await agent.post<{ case: CaseDetail }>(
          `/cases/${first.id}/${action}`,
          body,
          { ifMatch: current.version },
        );
        expect(response.status, JSON.stringify(response.body)).toBe(200);
        current = response.body.case;
      };
      await step("claim", {});
      await step("decision", {
        outcome: "release",
        favouredParty: "complainant",
        rationale: "The bank statement shows the transfer arrived on time and in full.",
      });
      await step("verification", { step: "records_checked" });
      await step("verification", { step: "feedback", satisfied: true });
      await step("verification", { step: "confirmed" });
      expect(current.status).toBe("closed");
      // The same user appeals again, on the same order, once the first appeal is closed.
      const trade = first.trade ?? filing().trade;
      second = await escalatedCase(backend.server.url, {
        complainant: complainant(),
        trade,
      });
    });
    afterAll(async () => {
      await backend?.close();
    });

    it("shows the parties' account facts, their other appeals with outcomes, and the linked case", async () => {
      const response = await agent.get(`/cases/${second.id}/context`);
      expect(response.status).toBe(200);
      const context = CaseContext.parse(response.body);
      const [buyer, seller] = context.parties;
      expect(buyer).toMatchObject({
        role: "complainant",
        externalUserId: userId,
        account: ACCOUNT,
      });
      expect(buyer?.otherAppeals).toEqual([
        expect.objectContaining({
          id: first.id,
          reference: first.reference,
          status: "closed",
          outcome: "release",
          role: "complainant",
        }),
      ]);
      // The respondent's platform sent no facts; it has appeared in other tests' cases (U2002).
      expect(seller).toMatchObject({ role: "respondent", account: null });
      expect(seller?.otherAppeals.some((a) => a.id === first.id)).toBe(true);
      expect(context.linked).toEqual([
        expect.objectContaining({ id: first.id, link: "order", outcome: "release" }),
      ]);

      // And from the first case, the second is the other appeal, not yet decided.
      const back = CaseContext.parse((await agent.get(`/cases/${first.id}/context`)).body);
      expect(back.parties[0]?.otherAppeals.map((a) => [a.id, a.outcome])).toEqual([
        [second.id, null],
      ]);
    });

    it("refuses bad account facts at filing and changes nothing; 404 and 401 as elsewhere", async () => {
      const service = platform(backend.server.url);
      const bad = await service.post("/integration/appeals", {
        ...filing(),
        complainant: { ...complainant(), account: { ...ACCOUNT, kycLevel: 7 } },
      });
      expect(bad.status).toBe(400);
      const after = CaseContext.parse((await agent.get(`/cases/${second.id}/context`)).body);
      expect(after.parties[0]?.otherAppeals).toHaveLength(1);
      expect((await agent.get("/cases/no-such-case/context")).status).toBe(404);
      expect(
        (await new ApiClient(backend.server.url).get(`/cases/${second.id}/context`)).status,
      ).toBe(401);
    });
  });
}
