/**
 * Loading a custom calendar from JSON text, with errors that name the line.
 *
 * `JSON.parse` and zod report paths, not lines; an operator editing a calendar file wants
 * "line 14: holidays[3].to: …". A small scanner maps every value's path to its line.
 */
import { type CalendarSpec, CalendarSpecSchema } from "./calendar-schema";

export class CalendarLoadError extends Error {
  constructor(
    message: string,
    /** One line per problem, e.g. `line 14 (holidays[3].to): … `. */
    readonly problems: readonly string[],
  ) {
    super(message);
    this.name = "CalendarLoadError";
  }
}

function pathKey(path: readonly PropertyKey[]): string {
  return path
    .map((segment, index) =>
      typeof segment === "number" ? `[${segment}]` : `${index === 0 ? "" : "."}${String(segment)}`,
    )
    .join("");
}

/** Maps "holidays[3].to" → 1-based line where that value starts. Assumes syntactically valid JSON. */
function lineIndex(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let pos = 0;
  let line = 1;
  const skip = () => {
    while (pos < text.length && /\s/.test(text[pos] ?? "")) {
      if (text[pos] === "\n") line++;
      pos++;
    }
  };
  const readString = (): string => {
    const start = pos;
    pos++;
    while (pos < text.length && text[pos] !== '"') pos += text[pos] === "\\" ? 2 : 1;
    pos++;
    return JSON.parse(text.slice(start, pos)) as string;
  };
  const value = (path: PropertyKey[]): void => {
    skip();
    lines.set(pathKey(path), line);
    const char = text[pos];
    if (char === "{") {
      pos++;
      skip();
      if (text[pos] === "}") {
        pos++;
        return;
      }
      for (;;) {
        skip();
        const key = readString();
        skip();
        pos++; // ':'
        value([...path, key]);
        skip();
        if (text[pos++] === "}") return;
      }
    }
    if (char === "[") {
      pos++;
      skip();
      if (text[pos] === "]") {
        pos++;
        return;
      }
      for (let index = 0; ; index++) {
        value([...path, index]);
        skip();
        if (text[pos++] === "]") return;
      }
    }
    if (char === '"') {
      readString();
      return;
    }
    while (pos < text.length && !/[\s,\]}]/.test(text[pos] ?? "")) pos++;
  };
  value([]);
  return lines;
}

/**
 * Parses and validates a calendar file. Throws `CalendarLoadError` listing every problem with its
 * line: bad JSON, bad dates, overlapping entries, windows out of order, an unknown time zone.
 */
export function parseCalendarJson(text: string, fileName = "calendar.json"): CalendarSpec {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(message);
    const line = at ? text.slice(0, Number(at[1])).split("\n").length : undefined;
    const problem = `${line === undefined ? "" : `line ${line}: `}${message}`;
    throw new CalendarLoadError(`${fileName}: not valid JSON: ${problem}`, [problem]);
  }
  const result = CalendarSpecSchema.safeParse(raw);
  if (result.success) return result.data;
  const lines = lineIndex(text);
  const problems = result.error.issues.map((issue) => {
    const path = [...issue.path];
    let line: number | undefined;
    for (let depth = path.length; depth >= 0 && line === undefined; depth--) {
      line = lines.get(pathKey(path.slice(0, depth)));
    }
    return `line ${line ?? 1} (${pathKey(path) || "root"}): ${issue.message}`;
  });
  throw new CalendarLoadError(`${fileName}: invalid calendar\n${problems.join("\n")}`, problems);
}
