import {
  builtinCalendar,
  type CaseEvent,
  type ClockContext,
  clockState,
  DEFAULT_SLA_POLICY,
  nextChangeOf,
} from "@shared/sla";
import { describe, expect, it } from "vitest";

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const context: ClockContext = {
  calendar: builtinCalendar("CN"),
  caseKind: "p2p_trade",
  priority: "normal",
};

function clock(id: string, events: CaseEvent[], now: string, ctx: ClockContext = context) {
  const state = clockState(DEFAULT_SLA_POLICY, events, at(now), ctx).find((c) => c.clockId === id);
  if (!state) throw new Error(`no clock ${id}`);
  return state;
}

describe("respondent window (10 min wall)", () => {
  const filed: CaseEvent = { type: "appeal_filed", at: "2025-10-01T03:00:00Z" };
  it("runs on a holiday (wall time), warns at 50 %, next change at the breach", () => {
    const state = clock("respondent_window", [filed], "2025-10-01T03:09:00Z");
    expect(state.status).toBe("running");
    expect(state.isWarning).toBe(true);
    expect(iso(state.dueAt)).toBe("2025-10-01T03:10:00.000Z");
    expect(state.remainingMinutes).toBe(1);
    expect(state.nextChangeAt).toBe(at("2025-10-01T03:10:00Z") + 1);
  });
  it("before the warning, next change is the warning instant", () => {
    const state = clock("respondent_window", [filed], "2025-10-01T03:02:00Z");
    expect(state.isWarning).toBe(false);
    expect(iso(state.nextChangeAt)).toBe("2025-10-01T03:05:00.000Z");
  });
  it("is breached after 10 min, met when answered exactly at 10 min", () => {
    expect(clock("respondent_window", [filed], "2025-10-01T03:10:01Z").status).toBe("breached");
    const answered: CaseEvent = { type: "respondent_answered", at: "2025-10-01T03:10:00Z" };
    const state = clock("respondent_window", [filed, answered], "2025-10-01T04:00:00Z");
    expect(state.status).toBe("met");
    expect(state.nextChangeAt).toBeNull();
  });
});

describe("resolution (15 working days, paused while awaiting evidence) across National Day 2025", () => {
  const events: CaseEvent[] = [
    { type: "escalated", at: "2025-09-26T01:00:00Z" }, // Fri 09:00 CST
    { type: "evidence_requested", at: "2025-09-30T01:00:00Z" }, // Tue 09:00: 26, 28 (调休), 29 = 3 days
    { type: "evidence_received", at: "2025-10-09T04:00:00Z" }, // Thu 12:00, after the holiday
  ];
  it("is paused during the holiday with no due instant", () => {
    const state = clock("resolution", events.slice(0, 2), "2025-10-05T04:00:00Z");
    expect(state.status).toBe("paused");
    expect(state.dueAt).toBeNull();
    expect(state.elapsedMinutes).toBe(1620);
    expect(state.nextChangeAt).toBeNull();
  });
  it("resumes: due Fri 24 Oct 12:00, warning at Mon 20 Oct 14:15", () => {
    const state = clock("resolution", events, "2025-10-09T04:00:00Z");
    expect(state.status).toBe("running");
    expect(state.elapsedMinutes).toBe(1620);
    expect(state.percentage).toBe(20);
    expect(iso(state.dueAt)).toBe("2025-10-24T04:00:00.000Z");
    expect(iso(state.nextChangeAt)).toBe("2025-10-20T06:15:00.000Z");
  });
  it("is met when decided before the due instant, breached after", () => {
    const decided = (when: string): CaseEvent => ({ type: "decided", at: when });
    expect(
      clock("resolution", [...events, decided("2025-10-24T04:00:00Z")], "2025-11-01T00:00:00Z")
        .status,
    ).toBe("met");
    const late = clock(
      "resolution",
      [...events, decided("2025-10-24T04:01:00Z")],
      "2025-11-01T00:00:00Z",
    );
    expect(late.status).toBe("breached");
    expect(late.remainingMinutes).toBe(-1);
  });
  it("ignores events after now", () => {
    const state = clock("resolution", events, "2025-09-29T01:00:00Z");
    expect(state.status).toBe("running");
    expect(state.elapsedMinutes).toBe(1080);
  });
});

describe("targets per kind and priority", () => {
  it("urgent simple payment: 1 working day", () => {
    const state = clock(
      "resolution",
      [{ type: "escalated", at: "2025-03-12T01:00:00Z" }],
      "2025-03-12T01:00:00Z",
      { ...context, caseKind: "payment_simple", priority: "urgent" },
    );
    expect(state.targetMinutes).toBe(540);
    expect(iso(state.dueAt)).toBe("2025-03-12T10:00:00.000Z");
  });
  it("first response urgent = 3 days; second stage pending until appealed", () => {
    const states = clockState(
      DEFAULT_SLA_POLICY,
      [{ type: "escalated", at: "2025-03-12T01:00:00Z" }],
      at("2025-03-12T02:00:00Z"),
      { ...context, priority: "urgent" },
    );
    const first = states.find((s) => s.clockId === "first_response");
    expect(first?.targetMinutes).toBe(1620);
    expect(iso(first?.dueAt ?? null)).toBe("2025-03-14T10:00:00.000Z");
    expect(states.find((s) => s.clockId === "second_stage_review")?.status).toBe("pending");
    expect(iso(nextChangeOf(states))).toBe(iso(first?.nextChangeAt ?? null));
  });
});
