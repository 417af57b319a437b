import type { CaseDetail, PhoneContact, TimelineEvent } from "@shared/domain/appeal";
import { caseClockEvents, caseClocks, isFirstResponse } from "@shared/sla/case-clocks";
import { describe, expect, test } from "vitest";
import { clocksAt } from "../../../../renderer/src/case-workspace/case-sla";
import { projectedDeadline } from "../../../../renderer/src/desk-data/outbox/projected-clocks";
import { computeSla } from "../../../../server/cases/sla";
import { detail } from "../../../support/case-detail";

const NOW = Date.parse("2026-03-04T03:00:00.000Z");

const event = (id: string, type: TimelineEvent["type"], at: string): TimelineEvent => ({
  id,
  type,
  at,
  actor: "agent-1",
  summary: "",
});

const call = (outcome: PhoneContact["outcome"], at: string): PhoneContact => ({
  id: `call-${outcome}`,
  party: "respondent",
  phone: "+84907654321",
  outcome,
  summary: "",
  byId: "agent-1",
  at,
});

/** The first-response clock as the server and the workspace each read the same case. */
function firstResponse(c: CaseDetail) {
  const server = computeSla(c, new Date(NOW)).clocks.find((k) => k.clockId === "first_response");
  const desk = clocksAt(c, NOW).clocks.find((k) => k.clockId === "first_response");
  return { server, desk };
}

describe("one reading of a case's clocks", () => {
  test("an unanswered call is no first response, for the server and the workspace alike", () => {
    // The server records a call that did not reach the party without a `contacted` event; the
    // workspace used to count every recorded call from `phoneContacts` and stopped the clock.
    const c = detail({ id: "c1", phoneContacts: [call("no_answer", "2026-03-02T03:00:00.000Z")] });
    const { server, desk } = firstResponse(c);
    expect(server?.status).toBe("running");
    expect(desk?.status).toBe("running");
    expect(desk?.dueAt).toBe(Date.parse(server?.dueAt ?? ""));
  });

  test("a call that reached the party stops the first-response clock at the call, in both", () => {
    const at = "2026-03-02T03:00:00.000Z";
    const base = detail({ id: "c1" });
    const c = detail({
      id: "c1",
      phoneContacts: [call("reached", at)],
      timeline: [...base.timeline, event("t4", "contacted", at)],
    });
    const { server, desk } = firstResponse(c);
    expect(server?.status).toBe("met");
    expect(server?.stoppedAt).toBe(at);
    expect(desk?.status).toBe("met");
    expect(desk?.stoppedAt).toBe(Date.parse(at));
  });

  test("a message sent is a first response; a party's message is not", () => {
    expect(isFirstResponse("message_sent")).toBe(true);
    expect(isFirstResponse("contacted")).toBe(true);
    expect(isFirstResponse("order_created")).toBe(false);
    // The fixture's messages are the parties' own: nothing from CS yet.
    expect(firstResponse(detail({ id: "c1" })).desk?.status).toBe("running");
  });

  test("reopen, cancel and a passed evidence deadline read the same everywhere", () => {
    const base = detail({ id: "c1" });
    const timeline = [
      ...base.timeline,
      event("t4", "evidence_requested", "2026-03-02T04:00:00.000Z"),
      event("t5", "evidence_deadline_passed", "2026-03-03T04:00:00.000Z"),
      event("t6", "decided", "2026-03-03T05:00:00.000Z"),
      event("t7", "reopened", "2026-03-03T06:00:00.000Z"),
    ];
    expect(caseClockEvents(timeline).map((e) => e.type)).toEqual([
      "appeal_filed",
      "escalated",
      "evidence_requested",
      "evidence_received",
      "decided",
      "reopened",
    ]);
    expect(caseClockEvents([event("x", "cancelled", "2026-03-03T06:00:00.000Z")])).toEqual([
      { type: "closed", at: "2026-03-03T06:00:00.000Z" },
    ]);
    const c = detail({ id: "c1", timeline });
    const server = computeSla(c, new Date(NOW)).clocks;
    const desk = clocksAt(c, NOW).clocks;
    expect(desk.map((k) => [k.clockId, k.status])).toEqual(
      server.map((k) => [k.clockId, k.status]),
    );
    // The reopen started a fresh resolution clock.
    expect(desk.find((k) => k.clockId === "resolution")?.startedAt).toBe(
      Date.parse("2026-03-03T06:00:00.000Z"),
    );
    expect(caseClocks(c, NOW)).toEqual(desk);
  });

  test("the queue's projected deadline reads an action's events through the same reading", () => {
    const c = detail({ id: "c1" });
    const at = "2026-03-03T06:00:00.000Z";
    const events = [event("p1", "decided", at)];
    const projected = projectedDeadline(c, events);
    const verification = caseClocks({ ...c, timeline: events }, Date.parse(at)).find(
      (k) => k.clockId === "post_decision_verification",
    );
    expect(projected.dueAt).toBe(new Date(verification?.dueAt ?? 0).toISOString());
  });
});
