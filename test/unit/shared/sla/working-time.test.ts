import {
  addWorkingTime,
  builtinCalendar,
  compileCalendar,
  isWorkingTime,
  workingTimeBetween,
} from "@shared/sla";
import { describe, expect, it } from "vitest";

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

// CN is UTC+8: 09:00 local = 01:00Z, 18:00 local = 10:00Z. VN is UTC+7.
const cn = builtinCalendar("CN");
const vn = builtinCalendar("VN");
const utc = builtinCalendar("UTC");

describe("opening and closing edges (CN, Wed 2025-03-12)", () => {
  it("08:59 and 09:00 + 60 min both end at 10:00", () => {
    expect(iso(addWorkingTime(cn, at("2025-03-12T00:59:00Z"), 60))).toBe(
      "2025-03-12T02:00:00.000Z",
    );
    expect(iso(addWorkingTime(cn, at("2025-03-12T01:00:00Z"), 60))).toBe(
      "2025-03-12T02:00:00.000Z",
    );
  });
  it("17:59 + 1 min is due at 18:00 closing, not the next opening", () => {
    expect(iso(addWorkingTime(cn, at("2025-03-12T09:59:00Z"), 1))).toBe("2025-03-12T10:00:00.000Z");
    expect(iso(addWorkingTime(cn, at("2025-03-12T09:59:00Z"), 2))).toBe("2025-03-13T01:01:00.000Z");
  });
  it("a full day from 09:00 ends at 18:00 the same day", () => {
    expect(iso(addWorkingTime(cn, at("2025-03-12T01:00:00Z"), 540))).toBe(
      "2025-03-12T10:00:00.000Z",
    );
  });
  it("zero minutes: inside stays, 18:00 and 08:59 roll to the next opening", () => {
    expect(iso(addWorkingTime(cn, at("2025-03-12T01:00:00Z"), 0))).toBe("2025-03-12T01:00:00.000Z");
    expect(iso(addWorkingTime(cn, at("2025-03-12T10:00:00Z"), 0))).toBe("2025-03-13T01:00:00.000Z");
    expect(iso(addWorkingTime(cn, at("2025-03-12T00:59:00Z"), 0))).toBe("2025-03-12T01:00:00.000Z");
    expect(iso(addWorkingTime(cn, at("2025-03-12T10:00:00Z"), 1))).toBe("2025-03-13T01:01:00.000Z");
  });
  it("between is half-open and negative when reversed", () => {
    expect(workingTimeBetween(cn, at("2025-03-12T00:59:00Z"), at("2025-03-12T01:00:00Z"))).toBe(0);
    expect(workingTimeBetween(cn, at("2025-03-12T09:59:00Z"), at("2025-03-12T10:00:00Z"))).toBe(1);
    expect(workingTimeBetween(cn, at("2025-03-12T10:00:00Z"), at("2025-03-12T01:00:00Z"))).toBe(
      -540,
    );
    expect(isWorkingTime(cn, at("2025-03-12T10:00:00Z"))).toBe(false);
    expect(isWorkingTime(cn, at("2025-03-12T01:00:00Z"))).toBe(true);
  });
  it("negative minutes give the latest instant with that much working time before", () => {
    expect(iso(addWorkingTime(cn, at("2025-03-13T01:30:00Z"), -30))).toBe(
      "2025-03-13T01:00:00.000Z",
    );
    expect(iso(addWorkingTime(cn, at("2025-03-13T01:30:00Z"), -31))).toBe(
      "2025-03-12T09:59:00.000Z",
    );
  });
});

describe("CN Spring Festival 2025 and its make-up days", () => {
  it("Mon 27 Jan 09:00 + 1 day + 1 min skips 28 Jan–4 Feb", () => {
    expect(iso(addWorkingTime(cn, at("2025-01-27T01:00:00Z"), 541))).toBe(
      "2025-02-05T01:01:00.000Z",
    );
  });
  it("Sunday 26 Jan is a working day (调休)", () => {
    expect(iso(addWorkingTime(cn, at("2025-01-25T04:00:00Z"), 0))).toBe("2025-01-26T01:00:00.000Z");
  });
  it("Fri 24 Jan 18:00 → Mon 10 Feb 09:00 holds 6 working days (26, 27 Jan; 5, 6, 7, 8 Feb)", () => {
    expect(workingTimeBetween(cn, at("2025-01-24T10:00:00Z"), at("2025-02-10T01:00:00Z"))).toBe(
      6 * 540,
    );
  });
  it("Spring Festival 2026: Fri 13 Feb 17:00 + 2 h → Sat 14 Feb (make-up) 10:00", () => {
    expect(iso(addWorkingTime(cn, at("2026-02-13T09:00:00Z"), 120))).toBe(
      "2026-02-14T02:00:00.000Z",
    );
    // 14 Feb worked, 15–23 Feb off: the next opening after the 14th is Tue 24 Feb.
    expect(iso(addWorkingTime(cn, at("2026-02-14T10:00:00Z"), 1))).toBe("2026-02-24T01:01:00.000Z");
  });
});

describe("CN National Day 2025", () => {
  it("Tue 30 Sep 17:00 + 2 h → Thu 9 Oct 10:00", () => {
    expect(iso(addWorkingTime(cn, at("2025-09-30T09:00:00Z"), 120))).toBe(
      "2025-10-09T02:00:00.000Z",
    );
  });
  it("Sun 28 Sep and Sat 11 Oct are working days", () => {
    expect(workingTimeBetween(cn, at("2025-09-26T16:00:00Z"), at("2025-09-28T16:00:00Z"))).toBe(
      540,
    );
    expect(iso(addWorkingTime(cn, at("2025-10-10T10:00:00Z"), 1))).toBe("2025-10-11T01:01:00.000Z");
  });
});

describe("month and year ends", () => {
  it("CN: Wed 31 Dec 2025 17:00 + 2 h → Sun 4 Jan 2026 (make-up) 10:00", () => {
    expect(iso(addWorkingTime(cn, at("2025-12-31T09:00:00Z"), 120))).toBe(
      "2026-01-04T02:00:00.000Z",
    );
  });
  it("UTC: Fri 28 Feb 2025 17:00 + 2 h → Mon 3 Mar 10:00", () => {
    expect(iso(addWorkingTime(utc, at("2025-02-28T17:00:00Z"), 120))).toBe(
      "2025-03-03T10:00:00.000Z",
    );
  });
  it("UTC: Wed 31 Dec 2025 18:00 + 1 min → Thu 1 Jan 2026 09:01 (no holidays in UTC)", () => {
    expect(iso(addWorkingTime(utc, at("2025-12-31T18:00:00Z"), 1))).toBe(
      "2026-01-01T09:01:00.000Z",
    );
  });
});

describe("VN Tết and swaps", () => {
  it("Tết 2025: Fri 24 Jan 17:00 + 2 h → Mon 3 Feb 10:00", () => {
    expect(iso(addWorkingTime(vn, at("2025-01-24T10:00:00Z"), 120))).toBe(
      "2025-02-03T03:00:00.000Z",
    );
  });
  it("Tết 2026: Fri 13 Feb, one day and a minute → Mon 23 Feb 09:01", () => {
    expect(iso(addWorkingTime(vn, at("2026-02-13T02:00:00Z"), 541))).toBe(
      "2026-02-23T02:01:00.000Z",
    );
  });
  it("30/4 2025: Sat 26 Apr worked, 30 Apr–4 May off", () => {
    expect(iso(addWorkingTime(vn, at("2025-04-25T11:00:00Z"), 1))).toBe("2025-04-26T02:01:00.000Z");
    expect(iso(addWorkingTime(vn, at("2025-04-29T11:00:00Z"), 1))).toBe("2025-05-05T02:01:00.000Z");
  });
  it("National Day 2026: Fri 28 Aug 18:00 + 1 min → Thu 3 Sep 09:01; Sat 22 Aug worked", () => {
    expect(iso(addWorkingTime(vn, at("2026-08-28T11:00:00Z"), 1))).toBe("2026-09-03T02:01:00.000Z");
    expect(iso(addWorkingTime(vn, at("2026-08-21T11:00:00Z"), 1))).toBe("2026-08-22T02:01:00.000Z");
  });
});

describe("DST (Europe/Berlin): no missing or doubled hour", () => {
  const office = compileCalendar({ id: "BER", name: "Berlin", timeZone: "Europe/Berlin" });
  const allDay = [{ from: "00:00", to: "24:00" }];
  const nonStop = compileCalendar({
    id: "BER-24x7",
    name: "Berlin 24/7",
    timeZone: "Europe/Berlin",
    weeklyHours: {
      sun: allDay,
      mon: allDay,
      tue: allDay,
      wed: allDay,
      thu: allDay,
      fri: allDay,
      sat: allDay,
    },
  });
  it("a 24/7 weekend over spring-forward holds 47 h, over fall-back 49 h", () => {
    expect(
      workingTimeBetween(nonStop, at("2025-03-28T23:00:00Z"), at("2025-03-30T22:00:00Z")),
    ).toBe(47 * 60);
    expect(
      workingTimeBetween(nonStop, at("2025-10-24T22:00:00Z"), at("2025-10-26T23:00:00Z")),
    ).toBe(49 * 60);
  });
  it("01:30 CET + 60 min on the change night is 03:30 CEST (one real hour)", () => {
    expect(iso(addWorkingTime(nonStop, at("2025-03-30T00:30:00Z"), 60))).toBe(
      "2025-03-30T01:30:00.000Z",
    );
  });
  it("office hours straddling the change: Fri 17:00 CET + 2 h → Mon 10:00 CEST", () => {
    expect(iso(addWorkingTime(office, at("2025-03-28T16:00:00Z"), 120))).toBe(
      "2025-03-31T08:00:00.000Z",
    );
    expect(iso(addWorkingTime(office, at("2025-10-24T15:00:00Z"), 120))).toBe(
      "2025-10-27T09:00:00.000Z",
    );
  });
  it("a window across the gap counts real time: Sun 01:00–04:00 on 30 Mar 2025 is 2 h", () => {
    const night = compileCalendar({
      id: "BER-night",
      name: "night",
      timeZone: "Europe/Berlin",
      weeklyHours: { sun: [{ from: "01:00", to: "04:00" }] },
    });
    expect(workingTimeBetween(night, at("2025-03-29T12:00:00Z"), at("2025-03-30T12:00:00Z"))).toBe(
      120,
    );
    expect(workingTimeBetween(night, at("2025-10-25T12:00:00Z"), at("2025-10-26T12:00:00Z"))).toBe(
      240,
    );
  });
});

describe("outside the compiled span", () => {
  it("throws a RangeError naming the calendar", () => {
    expect(() => addWorkingTime(cn, at("2099-01-01T00:00:00Z"), 1)).toThrow(/calendar CN/);
  });
});
