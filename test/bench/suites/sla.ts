/**
 * SLA engine: 1,000,000 `addWorkingTime` calls on the CN calendar against two baselines measured
 * in the same run: a naive day-by-day loop over the same holiday data (what one writes first), and
 * date-fns `addBusinessDays` (which knows no holidays, so it is a speed reference, not a rival).
 */
import {
  addWorkingTime,
  builtinCalendarSpec,
  CalendarSpecSchema,
  compileCalendar,
  workingTimeBetween,
} from "@shared/sla";
import { addBusinessDays } from "date-fns";
import type { BenchRow, BenchSuite } from "../harness";

const CALLS = 1_000_000;
const NAIVE_CALLS = 50_000;
const MINUTES = 5 * 540; // a 5-working-day target
const CST = 8 * 60 * 60_000; // Asia/Shanghai has no DST: a fixed offset is exact for the baseline.
const DAY = 86_400_000;

/** The day-loop baseline: walks local days, looking each up in the holiday / make-up sets. */
function naiveAdd(
  holidays: Set<string>,
  makeUps: Set<string>,
  from: number,
  minutes: number,
): number {
  let remaining = minutes * 60_000;
  let local = from + CST;
  for (;;) {
    const dayStart = local - (local % DAY);
    const key = new Date(dayStart).toISOString().slice(0, 10);
    const weekday = new Date(dayStart).getUTCDay();
    const working = makeUps.has(key) || (weekday >= 1 && weekday <= 5 && !holidays.has(key));
    if (working) {
      const open = Math.max(local, dayStart + 9 * 3_600_000);
      const close = dayStart + 18 * 3_600_000;
      if (open < close) {
        if (close - open >= remaining) return open + remaining - CST;
        remaining -= close - open;
      }
    }
    local = dayStart + DAY;
  }
}

function timePerCall(calls: number, run: (k: number) => number): number {
  let sink = 0;
  const started = performance.now();
  for (let k = 0; k < calls; k++) sink += run(k);
  const elapsed = performance.now() - started;
  if (sink === 42) console.log(""); // keep the loop observable
  return (elapsed * 1000) / calls; // µs per call
}

export const slaSuite: BenchSuite = {
  name: "sla",
  async run(): Promise<BenchRow[]> {
    const compileStarted = performance.now();
    const cn = compileCalendar(builtinCalendarSpec("CN"));
    const compileMs = performance.now() - compileStarted;
    const spec = CalendarSpecSchema.parse(builtinCalendarSpec("CN"));
    const holidays = new Set<string>();
    for (const h of spec.holidays) {
      for (let t = Date.parse(h.from); t <= Date.parse(h.to ?? h.from); t += DAY) {
        holidays.add(new Date(t).toISOString().slice(0, 10));
      }
    }
    const makeUps = new Set(spec.makeUpDays.map((m) => m.date));

    // Starts spread over 2025–2026 on a 37-minute stride, so holidays and make-up days are hit.
    const base = Date.parse("2025-01-01T00:00:00Z");
    const starts = Array.from(
      { length: 4096 },
      (_, k) => base + ((k * 37 * 60_000 * 97) % (730 * DAY)),
    );
    for (const from of starts.slice(0, 500)) {
      const fast = addWorkingTime(cn, from, MINUTES);
      if (fast !== naiveAdd(holidays, makeUps, from, MINUTES)) {
        throw new Error(`baseline disagrees at ${new Date(from).toISOString()}`);
      }
    }
    const pick = (k: number) => starts[k & 4095] as number;

    timePerCall(200_000, (k) => addWorkingTime(cn, pick(k), MINUTES)); // warm-up
    const engine = timePerCall(CALLS, (k) => addWorkingTime(cn, pick(k), MINUTES));
    const naive = timePerCall(NAIVE_CALLS, (k) => naiveAdd(holidays, makeUps, pick(k), MINUTES));
    const dates = starts.map((t) => new Date(t));
    timePerCall(50_000, (k) => addBusinessDays(dates[k & 4095] as Date, 5).getTime());
    const dateFns = timePerCall(CALLS / 4, (k) =>
      addBusinessDays(dates[k & 4095] as Date, 5).getTime(),
    );
    const between = timePerCall(CALLS, (k) => workingTimeBetween(cn, pick(k), pick(k + 1)));

    const meets = engine < 1 && naive / engine >= 20;
    return [
      {
        subject: `addWorkingTime CN, 5 working days (${CALLS.toLocaleString("en")} calls): ${(naive / engine).toFixed(0)}× faster than the day loop`,
        metric: "time per call",
        value: engine,
        unit: "µs",
        baseline: { name: "naive day loop", value: naive },
        target: "< 1 µs and ≥ 20× faster than the day loop",
        meetsTarget: meets,
      },
      {
        subject: `addWorkingTime CN vs date-fns addBusinessDays(5), no holidays: ${(dateFns / engine).toFixed(1)}× faster`,
        metric: "time per call",
        value: engine,
        unit: "µs",
        baseline: { name: "date-fns addBusinessDays", value: dateFns },
      },
      {
        subject: `workingTimeBetween CN (${CALLS.toLocaleString("en")} calls)`,
        metric: "time per call",
        value: between,
        unit: "µs",
        target: "< 1 µs",
        meetsTarget: between < 1,
      },
      {
        subject: "compileCalendar CN, 2020–2045",
        metric: "one-time precomputation",
        value: compileMs,
        unit: "ms",
      },
    ];
  },
};
