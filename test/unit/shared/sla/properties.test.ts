import { addWorkingTime, builtinCalendar, compileCalendar, workingTimeBetween } from "@shared/sla";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

const calendars = {
  CN: builtinCalendar("CN"),
  VN: builtinCalendar("VN"),
  BER: compileCalendar({ id: "BER", name: "Berlin", timeZone: "Europe/Berlin" }),
};
const FROM = Date.parse("2024-06-01T00:00:00Z");
const TO = Date.parse("2028-06-01T00:00:00Z");
const instant = fc.integer({ min: FROM / 60_000, max: TO / 60_000 }).map((m) => m * 60_000);
// Draw the calendar's id, not the calendar, so a counterexample prints short.
const calendar = fc.constantFrom("CN", "VN", "BER").map((id) => calendars[id]);
const minutes = fc.integer({ min: 0, max: 60 * 540 });

describe("working-time properties", () => {
  it("between(from, add(from, m)) === m", () => {
    fc.assert(
      fc.property(calendar, instant, minutes, (cal, from, m) => {
        expect(workingTimeBetween(cal, from, addWorkingTime(cal, from, m))).toBe(m);
      }),
      { numRuns: 2000 },
    );
  });
  it("add is monotonic in minutes and in the start", () => {
    fc.assert(
      fc.property(calendar, instant, minutes, minutes, (cal, from, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(addWorkingTime(cal, from, lo)).toBeLessThanOrEqual(addWorkingTime(cal, from, hi));
        expect(addWorkingTime(cal, from, lo)).toBeLessThanOrEqual(
          addWorkingTime(cal, from + 60_000, lo),
        );
      }),
      { numRuns: 1000 },
    );
  });
  it("between is additive and antisymmetric", () => {
    fc.assert(
      fc.property(calendar, instant, instant, instant, (cal, a, b, c) => {
        expect(workingTimeBetween(cal, a, b) + workingTimeBetween(cal, b, c)).toBe(
          workingTimeBetween(cal, a, c),
        );
        expect(workingTimeBetween(cal, b, a) + workingTimeBetween(cal, a, b)).toBe(0);
      }),
      { numRuns: 1000 },
    );
  });
  it("subtracting undoes adding from a working instant", () => {
    fc.assert(
      fc.property(calendar, instant, fc.integer({ min: 1, max: 20 * 540 }), (cal, t, m) => {
        const from = addWorkingTime(cal, t, 0);
        expect(addWorkingTime(cal, addWorkingTime(cal, from, m), -m)).toBe(from);
      }),
      { numRuns: 1000 },
    );
  });
});
