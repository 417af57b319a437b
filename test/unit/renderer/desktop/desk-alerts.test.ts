import { describe, expect, test } from "vitest";
import {
  type AlertCase,
  EMPTY_ALERT_MEMORY,
  evaluateAlerts,
} from "../../../../renderer/src/desktop/desk-alerts";

const ME = "u-agent1";
const T0 = Date.parse("2026-11-23T10:00:00Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

function kase(id: string, overrides: Partial<AlertCase> = {}): AlertCase {
  return {
    id,
    reference: `AP-${id.padStart(6, "0")}`,
    assigneeId: ME,
    status: "in_review",
    warnAt: at(60),
    dueAt: at(120),
    ...overrides,
  };
}

describe("desktop alerts", () => {
  test("cases already mine at sign-in are not news; a new assignment is", () => {
    const first = evaluateAlerts(ME, [kase("1")], T0, EMPTY_ALERT_MEMORY);
    expect(first.alerts).toEqual([]);
    const second = evaluateAlerts(ME, [kase("1"), kase("2")], T0, first.memory);
    expect(second.alerts).toEqual([{ kind: "assignment", caseId: "2", reference: "AP-000002" }]);
    // Seen once, not again.
    expect(evaluateAlerts(ME, [kase("1"), kase("2")], T0, second.memory).alerts).toEqual([]);
  });

  test("other agents' cases and closed cases never alert", () => {
    const primed = evaluateAlerts(ME, [], T0, EMPTY_ALERT_MEMORY).memory;
    const result = evaluateAlerts(
      ME,
      [kase("1", { assigneeId: "u-agent2" }), kase("2", { status: "closed" })],
      T0 + 200 * 60_000,
      primed,
    );
    expect(result.alerts).toEqual([]);
    expect(result.breaching).toBe(0);
  });

  test("an SLA warning fires once when time reaches warnAt, again only for a new deadline", () => {
    let memory = evaluateAlerts(ME, [kase("1")], T0, EMPTY_ALERT_MEMORY).memory;
    const before = evaluateAlerts(ME, [kase("1")], T0 + 59 * 60_000, memory);
    expect(before.alerts).toEqual([]);
    memory = before.memory;
    const warned = evaluateAlerts(ME, [kase("1")], T0 + 60 * 60_000, memory);
    expect(warned.alerts).toEqual([
      { kind: "sla-warning", caseId: "1", reference: "AP-000001", dueAt: at(120) },
    ]);
    memory = warned.memory;
    expect(evaluateAlerts(ME, [kase("1")], T0 + 90 * 60_000, memory).alerts).toEqual([]);
    const moved = kase("1", { warnAt: at(300), dueAt: at(400) });
    expect(evaluateAlerts(ME, [moved], T0 + 90 * 60_000, memory).alerts).toEqual([]);
    expect(evaluateAlerts(ME, [moved], T0 + 300 * 60_000, memory).alerts).toHaveLength(1);
  });

  test("the badge counts my open cases past their deadline", () => {
    const cases = [
      kase("1"),
      kase("2", { dueAt: at(30), warnAt: at(10) }),
      kase("3", { dueAt: null, warnAt: null }),
    ];
    expect(evaluateAlerts(ME, cases, T0 + 31 * 60_000, EMPTY_ALERT_MEMORY).breaching).toBe(1);
    expect(evaluateAlerts(ME, cases, T0 + 121 * 60_000, EMPTY_ALERT_MEMORY).breaching).toBe(2);
  });
});
