/**
 * Contract details that users' tools rely on: If-Match compared as RFC 9110 says (any tag that
 * does not match → 412 with the current case, never 400), authorisation before state (403 for a
 * role that may never act, whatever the case's status or version), and calendars as pinned
 * (signed `between`, 404 for an unknown calendar).
 */
import { type MutationResponse, PreconditionFailedProblem } from "@shared/api/mutations";
import type { Problem } from "@shared/api/problem";
import { CaseDetail } from "@shared/domain/appeal";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../support/api";
import { escalatedCase } from "../support/appeals";
import { BACKENDS, type Backend, openBackend } from "../support/backends";

const RATIONALE = "The bank statement shows the transfer arrived on time and in full.";

for (const { name, skip } of BACKENDS) {
  describe.skipIf(skip !== null)(`contract details on ${name}`, () => {
    let backend: Backend;
    let url: string;
    let agent1: ApiClient;

    beforeAll(async () => {
      backend = await openBackend(name, 10);
      url = backend.server.url;
      agent1 = await ApiClient.login(url, "agent1");
    });
    afterAll(async () => {
      await backend?.close();
    });

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

    it("answers any entity tag that does not match with 412 and the current case", async () => {
      const detail = await claimedCase();
      const path = `/cases/${detail.id}/notes`;
      const current = `"${detail.version}"`;
      for (const tag of [
        '"abc"',
        '"v7"',
        '""',
        `W/${current}`,
        '"0"',
        `"${detail.version + 1}"`,
        '"1", "2"',
      ]) {
        const response = await agent1.post<Problem>(path, { text: "never" }, { ifMatch: tag });
        expect(response.status, tag).toBe(412);
        expect(response.headers.get("etag")).toBe(current);
        const problem = PreconditionFailedProblem.parse(response.body);
        expect(problem.current.version).toBe(detail.version);
        expect(problem.current.notes).toHaveLength(0);
      }
      // A list that names the current version among others matches (RFC 9110 §13.1.1).
      const listed = await agent1.post<MutationResponse>(
        path,
        { text: "listed" },
        { ifMatch: `"abc", W/"9", ${current}` },
      );
      expect(listed.status).toBe(200);
      expect(listed.body.version).toBe(detail.version + 1);

      // `*` says no version at all, and text that is no entity tag is malformed: neither applies.
      const star = await agent1.post<Problem>(path, { text: "star" }, { ifMatch: "*" });
      expect(star.status).toBe(428);
      const bare = await agent1.post<Problem>(path, { text: "bare" }, { ifMatch: "7" });
      expect(bare.status).toBe(400);
      const after = await agent1.get<CaseDetail>(`/cases/${detail.id}`);
      expect(after.body.notes.map((note) => note.text)).toEqual(["listed"]);
    });

    it("refuses a role that may never take an action with 403, whatever the case's state", async () => {
      const detail = await claimedCase();
      const review = { verdict: "uphold", rationale: RATIONALE };
      // In review (not a second-stage case): the state is wrong too, but the role is what matters.
      const inReview = await agent1.post<Problem>(`/cases/${detail.id}/review`, review, {
        ifMatch: detail.version,
      });
      expect(inReview.status).toBe(403);
      // Stale version too: still 403, and no current case is disclosed as a 412 would.
      const stale = await agent1.post<Problem>(`/cases/${detail.id}/review`, review, {
        ifMatch: '"999"',
      });
      expect(stale.status).toBe(403);
      const redact = await agent1.post<Problem>(
        `/cases/${detail.id}/redact`,
        { reason: "no" },
        { ifMatch: detail.version },
      );
      expect(redact.status).toBe(403);
      const after = await agent1.get<CaseDetail>(`/cases/${detail.id}`);
      expect(after.body.version).toBe(detail.version);
      expect(after.body.status).toBe("in_review");

      // A role that may take the action at some point still learns about the state first (409).
      const unclaimed = await escalatedCase(url);
      const release = await agent1.post<Problem>(
        `/cases/${unclaimed.id}/release`,
        {},
        { ifMatch: unclaimed.version },
      );
      expect(release.status).toBe(409);
    });

    it("counts `between` backwards as negative minutes and 404s an unknown calendar", async () => {
      const from = "2025-09-30T01:00:00.000Z";
      const added = await agent1.get<{ due: string }>(`/calendars/CN/add?from=${from}&minutes=540`);
      const forward = await agent1.get<{ minutes: number }>(
        `/calendars/CN/between?from=${from}&to=${added.body.due}`,
      );
      expect(forward.body.minutes).toBe(540);
      const backward = await agent1.get<{ minutes: number }>(
        `/calendars/CN/between?from=${added.body.due}&to=${from}`,
      );
      expect(backward.status).toBe(200);
      expect(backward.body.minutes).toBe(-540);
      const same = await agent1.get<{ minutes: number }>(
        `/calendars/VN/between?from=${from}&to=${from}`,
      );
      expect(same.body.minutes).toBe(0);

      for (const path of [
        `/calendars/XX/between?from=${from}&to=${from}`,
        `/calendars/cn/add?from=${from}&minutes=1`,
        `/calendars/MARS/add?from=${from}&minutes=1`,
      ]) {
        const unknown = await agent1.get<Problem>(path);
        expect(unknown.status, path).toBe(404);
        expect(unknown.headers.get("content-type")).toContain("application/problem+json");
      }
      // A known calendar with a malformed query is still the client's mistake.
      expect((await agent1.get(`/calendars/CN/between?from=yesterday&to=${from}`)).status).toBe(
        400,
      );
    });
  });
}
