import type { DeskAction } from "@shared/domain/desk-action";
import { describe, expect, test } from "vitest";
import { clocksAt } from "../../../../../renderer/src/case-workspace/case-sla";
import { nextStep } from "../../../../../renderer/src/case-workspace/verification-panel";
import {
  projectDetail,
  projectSummary,
} from "../../../../../renderer/src/desk-data/outbox/outbox-logic";
import type { OutboxEntry } from "../../../../../renderer/src/desk-data/outbox/outbox-types";
import { bareDetail as detail, bareSummary as summary } from "../../../../support/case-detail";

const ESCALATED = "2025-03-03T02:00:00.000Z";
const ACTED = Date.parse("2025-03-04T03:00:00.000Z");

function queued(action: DeskAction, createdAt = ACTED): OutboxEntry {
  return {
    seq: 1,
    idempotencyKey: "k-1",
    caseId: "c1",
    action,
    baseVersion: 3,
    baseSummary: null,
    state: "pending",
    actorId: "agent1",
    createdAt,
    attempts: 0,
    nextAttemptAt: 0,
    lastError: null,
    lastStatus: null,
  };
}

const decide: DeskAction = {
  type: "decision",
  body: { outcome: "release", favouredParty: "complainant", rationale: "x".repeat(30) },
};
const ask: DeskAction = {
  type: "evidence-requests",
  body: { party: "respondent", what: "statement", dueAt: "2025-03-06T03:00:00.000Z" },
};
const unhappy: DeskAction = { type: "verification", body: { step: "feedback", satisfied: false } };

describe("queued actions move the clocks at once", () => {
  const inReview = summary("c1", {
    status: "in_review",
    escalatedAt: ESCALATED,
    dueAt: "2025-03-24T02:00:00.000Z",
    warnAt: "2025-03-19T02:00:00.000Z",
  });

  test("a queued decision: the row counts the 3-day verification window from the action", () => {
    const view = projectSummary(inReview, [queued(decide)]);
    expect(view.status).toBe("decided");
    expect(view.dueAt).toBe(new Date(ACTED + 3 * 24 * 3_600_000).toISOString());
  });

  test("a queued evidence request pauses the row's clock (no deadline until the party answers)", () => {
    const view = projectSummary(inReview, [queued(ask)]);
    expect(view.status).toBe("awaiting_evidence");
    expect(view.dueAt).toBeNull();
  });

  test("unhappy feedback reopens with a fresh resolution deadline, after the action", () => {
    const verifying = summary("c1", { status: "verifying", dueAt: null, warnAt: null });
    const view = projectSummary(verifying, [queued(unhappy)]);
    expect(view.status).toBe("in_review");
    expect(Date.parse(view.dueAt ?? "")).toBeGreaterThan(ACTED + 24 * 3_600_000);
  });

  test("a note leaves the deadline alone", () => {
    const view = projectSummary(inReview, [queued({ type: "notes", body: { text: "hm" } })]);
    expect(view.dueAt).toBe(inReview.dueAt);
  });

  test("the workspace's clocks: a queued decision stops the resolution clock and starts verification", () => {
    const server = detail("c1", {
      ...inReview,
      timeline: [{ id: "t1", type: "escalated", at: ESCALATED, actor: "", summary: "" }],
    });
    const before = clocksAt(server, ACTED + 60_000).clocks;
    expect(before.find((c) => c.clockId === "resolution")?.status).toBe("running");
    const projected = projectDetail(server, [queued(decide)]);
    const after = clocksAt(projected, ACTED + 60_000).clocks;
    expect(after.find((c) => c.clockId === "resolution")?.status).toBe("met");
    expect(after.find((c) => c.clockId === "post_decision_verification")?.status).toBe("running");
    // The server's answer replaces the forecast: the pending events are not kept.
    expect(projectDetail(server, []).timeline).toHaveLength(1);
  });
});

describe("verification steps in order", () => {
  test("records, then feedback, then confirmation; nothing once closed", () => {
    expect(nextStep({ status: "decided", verification: null })).toBe("records_checked");
    const checked = {
      recordsCheckedAt: "2025-03-04T00:00:00.000Z",
      feedback: null,
      confirmedAt: null,
    };
    expect(nextStep({ status: "verifying", verification: checked })).toBe("feedback");
    const fed = { ...checked, feedback: { satisfied: true, at: "2025-03-05T00:00:00.000Z" } };
    expect(nextStep({ status: "verifying", verification: fed })).toBe("confirmed");
    expect(nextStep({ status: "closed", verification: fed })).toBeNull();
  });
});
