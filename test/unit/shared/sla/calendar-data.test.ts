import {
  builtinCalendar,
  builtinCalendarSpec,
  CalendarLoadError,
  coverageOf,
  parseCalendarJson,
  workingTimeBetween,
} from "@shared/sla";
import chineseDays from "chinese-days";
import { describe, expect, it } from "vitest";

const DAY_MS = 86_400_000;

/** Working minutes on a local civil day of a calendar whose offset is fixed (CN +8, VN +7). */
function minutesOnDay(id: "CN" | "VN", date: string, offsetHours: number): number {
  const midnight = Date.parse(`${date}T00:00:00Z`) - offsetHours * 3_600_000;
  return workingTimeBetween(builtinCalendar(id), midnight, midnight + DAY_MS);
}

function eachDate(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS) {
    dates.push(new Date(t).toISOString().slice(0, 10));
  }
  return dates;
}

describe("CN data against chinese-days", () => {
  it("agrees on every day of 2025 and 2026 (holidays and 调休 make-up days)", () => {
    const disagreements = eachDate("2025-01-01", "2026-12-31").filter(
      (date) => chineseDays.isWorkday(date) !== minutesOnDay("CN", date, 8) > 0,
    );
    expect(disagreements).toEqual([]);
  });
  it("a working day is exactly 9 h", () => {
    expect(minutesOnDay("CN", "2025-01-26", 8)).toBe(540);
    expect(minutesOnDay("CN", "2025-01-28", 8)).toBe(0);
  });
  it("2027 provisional statutory days fall on the lunar dates chinese-days computes", () => {
    const eve =
      Date.parse(`${chineseDays.getSolarDateFromLunar("2027-01-01").date}T00:00:00Z`) - DAY_MS;
    expect(new Date(eve).toISOString().slice(0, 10)).toBe("2027-02-05");
    expect(chineseDays.getSolarDateFromLunar("2027-05-05").date).toBe("2027-06-09");
    expect(chineseDays.getSolarDateFromLunar("2027-08-15").date).toBe("2027-09-15");
    for (const date of [
      "2027-01-01",
      "2027-02-05",
      "2027-02-08",
      "2027-04-05",
      "2027-06-09",
      "2027-09-15",
      "2027-10-01",
    ]) {
      expect(minutesOnDay("CN", date, 8), date).toBe(0);
    }
    expect(coverageOf(builtinCalendar("CN"), 2027)).toBe("provisional");
    expect(coverageOf(builtinCalendar("CN"), 2026)).toBe("official");
    expect(coverageOf(builtinCalendar("CN"), 2030)).toBe("weekly-rule-only");
  });
});

describe("VN data", () => {
  it("Hùng Kings (10/3 lunar) dates match the lunar calendar", () => {
    expect(chineseDays.getSolarDateFromLunar("2025-03-10").date).toBe("2025-04-07");
    expect(chineseDays.getSolarDateFromLunar("2026-03-10").date).toBe("2026-04-26");
    expect(chineseDays.getSolarDateFromLunar("2027-03-10").date).toBe("2027-04-16");
  });
  it("closes exactly the announced days of 2025–2026", () => {
    const closedWeekdays = eachDate("2025-01-01", "2026-12-31").filter((date) => {
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      return weekday !== 0 && weekday !== 6 && minutesOnDay("VN", date, 7) === 0;
    });
    expect(closedWeekdays).toEqual([
      "2025-01-01",
      ...["2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31"],
      "2025-04-07",
      "2025-04-30",
      "2025-05-01",
      "2025-05-02",
      "2025-09-01",
      "2025-09-02",
      "2026-01-01",
      "2026-01-02",
      ...["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"],
      "2026-04-27",
      "2026-04-30",
      "2026-05-01",
      "2026-08-31",
      "2026-09-01",
      "2026-09-02",
    ]);
    const workedWeekends = eachDate("2025-01-01", "2026-12-31").filter((date) => {
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      return (weekday === 0 || weekday === 6) && minutesOnDay("VN", date, 7) > 0;
    });
    expect(workedWeekends).toEqual(["2025-04-26", "2026-01-10", "2026-08-22"]);
  });
});

describe("JSON calendars", () => {
  const good = JSON.stringify(builtinCalendarSpec("UTC"), null, 2);
  it("loads a valid file", () => {
    expect(parseCalendarJson(good).timeZone).toBe("UTC");
  });
  it("names the line of a bad date, an overlap and an unknown zone", () => {
    const text = [
      "{",
      '  "id": "X",',
      '  "name": "x",',
      '  "timeZone": "Mars/Olympus",',
      '  "holidays": [',
      '    { "name": "a", "from": "2026-02-30" },',
      '    { "name": "b", "from": "2026-03-02", "to": "2026-03-04" },',
      '    { "name": "c", "from": "2026-03-04" }',
      "  ]",
      "}",
    ].join("\n");
    let problems: readonly string[] = [];
    try {
      parseCalendarJson(text, "x.json");
    } catch (error) {
      expect(error).toBeInstanceOf(CalendarLoadError);
      if (error instanceof CalendarLoadError) problems = error.problems;
    }
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^line 4 \(timeZone\): unknown time zone "Mars\/Olympus"/),
        expect.stringMatching(/^line 6 \(holidays\[0\]\.from\): expected a real calendar date/),
        expect.stringMatching(
          /^line 8 \(holidays\[2\]\): holiday "c" \(2026-03-04\) overlaps holiday "b"/,
        ),
      ]),
    );
  });
  it("reports a JSON syntax error with its line", () => {
    expect(() => parseCalendarJson('{\n  "id": "X",\n  oops\n}')).toThrow(/line 3/);
  });
});
