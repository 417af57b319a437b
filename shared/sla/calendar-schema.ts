/**
 * The shape of a working-time calendar as it crosses boundaries (built-in data files, custom
 * calendars loaded from JSON, the server's calendar endpoints). Types are inferred from here.
 */
import { z } from "zod";
import { assertTimeZone, parseIsoDate } from "./zone";

const WALL_TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** "HH:MM" on the local wall clock; "24:00" is the end of the day. */
export const WallTimeSchema = z.string().regex(WALL_TIME, 'expected "HH:MM" (00:00–24:00)');

/** A working window on one local day, half-open: [from, to). */
export const WorkingWindowSchema = z.object({ from: WallTimeSchema, to: WallTimeSchema });
export type WorkingWindow = z.infer<typeof WorkingWindowSchema>;

export const IsoDateSchema = z
  .string()
  .refine((text) => parseIsoDate(text) !== undefined, 'expected a real calendar date "YYYY-MM-DD"');

const WindowsSchema = z.array(WorkingWindowSchema);

export const WEEKDAY_KEYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

const OFFICE_HOURS: WorkingWindow[] = [{ from: "09:00", to: "18:00" }];

/** Weekly rule; a missing day has no working hours. Default: Mon–Fri 09:00–18:00. */
export const WeeklyHoursSchema = z
  .object({
    sun: WindowsSchema.optional(),
    mon: WindowsSchema.optional(),
    tue: WindowsSchema.optional(),
    wed: WindowsSchema.optional(),
    thu: WindowsSchema.optional(),
    fri: WindowsSchema.optional(),
    sat: WindowsSchema.optional(),
  })
  .strict();
export type WeeklyHours = z.infer<typeof WeeklyHoursSchema>;

export const DEFAULT_WEEKLY_HOURS: WeeklyHours = {
  mon: OFFICE_HOURS,
  tue: OFFICE_HOURS,
  wed: OFFICE_HOURS,
  thu: OFFICE_HOURS,
  fri: OFFICE_HOURS,
};

/**
 * A public holiday over one day or an inclusive range of days. Without `hours` the days are closed;
 * with `hours` they are partial holidays and those are the working hours that remain.
 */
export const HolidaySchema = z
  .object({
    name: z.string().min(1),
    from: IsoDateSchema,
    to: IsoDateSchema.optional(),
    hours: WindowsSchema.optional(),
  })
  .strict();

/** A day declared a working day although the weekly rule says rest (China's 调休 上班). */
export const MakeUpDaySchema = z
  .object({ name: z.string().min(1), date: IsoDateSchema, hours: WindowsSchema.optional() })
  .strict();

/** Where a year's data comes from; `provisional` years are statutory days only, not yet announced. */
export const DataYearSchema = z
  .object({
    year: z.number().int().min(1970).max(2200),
    status: z.enum(["official", "provisional"]),
    source: z.string().min(1),
  })
  .strict();

function minutesOf(wallTime: string): number {
  return Number(wallTime.slice(0, 2)) * 60 + Number(wallTime.slice(3, 5));
}

function checkWindows(
  windows: readonly WorkingWindow[] | undefined,
  path: (string | number)[],
  ctx: z.RefinementCtx,
): void {
  if (!windows) return;
  let lastEnd = -1;
  windows.forEach((window, index) => {
    const from = minutesOf(window.from);
    const to = minutesOf(window.to);
    if (to <= from) {
      ctx.addIssue({
        code: "custom",
        path: [...path, index],
        message: `window ${window.from}–${window.to} ends before it starts`,
      });
    } else if (from < lastEnd) {
      ctx.addIssue({
        code: "custom",
        path: [...path, index],
        message: `window ${window.from}–${window.to} overlaps the previous one`,
      });
    }
    lastEnd = Math.max(lastEnd, to);
  });
}

export const CalendarSpecSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_-]+$/, "id: letters, digits, _ and - only"),
    name: z.string().min(1),
    /** IANA zone, e.g. "Asia/Shanghai". */
    timeZone: z.string().min(1),
    weeklyHours: WeeklyHoursSchema.default(DEFAULT_WEEKLY_HOURS),
    /** Hours of a make-up working day that names none. */
    makeUpHours: WindowsSchema.default(OFFICE_HOURS),
    /** Working time in one "working day" of an SLA target (N working days = N × this). */
    standardDayMinutes: z.number().int().positive().default(540),
    years: z.array(DataYearSchema).default([]),
    holidays: z.array(HolidaySchema).default([]),
    makeUpDays: z.array(MakeUpDaySchema).default([]),
  })
  .strict()
  .superRefine((spec, ctx) => {
    try {
      assertTimeZone(spec.timeZone);
    } catch (error) {
      ctx.addIssue({ code: "custom", path: ["timeZone"], message: (error as Error).message });
    }
    for (const key of WEEKDAY_KEYS) checkWindows(spec.weeklyHours[key], ["weeklyHours", key], ctx);
    checkWindows(spec.makeUpHours, ["makeUpHours"], ctx);
    // Each date may be claimed by one entry only: two claims are a data error, not a merge.
    const claimedBy = new Map<number, string>();
    const claim = (day: number, label: string, path: (string | number)[]) => {
      const previous = claimedBy.get(day);
      if (previous !== undefined) {
        ctx.addIssue({ code: "custom", path, message: `${label} overlaps ${previous}` });
      } else claimedBy.set(day, label);
    };
    spec.holidays.forEach((holiday, index) => {
      checkWindows(holiday.hours, ["holidays", index, "hours"], ctx);
      const from = parseIsoDate(holiday.from);
      const to = holiday.to === undefined ? from : parseIsoDate(holiday.to);
      if (from === undefined || to === undefined) return;
      if (to < from) {
        ctx.addIssue({
          code: "custom",
          path: ["holidays", index, "to"],
          message: `holiday "${holiday.name}" ends (${holiday.to}) before it starts (${holiday.from})`,
        });
        return;
      }
      if (to - from > 31) {
        ctx.addIssue({
          code: "custom",
          path: ["holidays", index, "to"],
          message: `holiday "${holiday.name}" spans more than a month`,
        });
        return;
      }
      for (let day = from; day <= to; day++) {
        claim(day, `holiday "${holiday.name}" (${holiday.from})`, ["holidays", index]);
      }
    });
    spec.makeUpDays.forEach((makeUp, index) => {
      checkWindows(makeUp.hours, ["makeUpDays", index, "hours"], ctx);
      const day = parseIsoDate(makeUp.date);
      if (day !== undefined)
        claim(day, `make-up day "${makeUp.name}" (${makeUp.date})`, ["makeUpDays", index]);
    });
  });

/** A calendar as written (defaults optional). */
export type CalendarSpecInput = z.input<typeof CalendarSpecSchema>;
/** A validated calendar with defaults applied. */
export type CalendarSpec = z.output<typeof CalendarSpecSchema>;

export { minutesOf as wallTimeToMinutes };
