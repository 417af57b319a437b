import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { z } from "zod";

/**
 * A small JSON document in the user-data folder (settings, window positions). Reads fall back to
 * the schema's defaults when the file is missing or damaged (a crash mid-write, a hand edit);
 * writes go to a temporary file renamed over the old one, so a reader never sees half a file.
 */
export function createJsonFile<S extends z.ZodType>(path: string, schema: S, fallback: z.input<S>) {
  return {
    read(): z.output<S> {
      try {
        const parsed = schema.safeParse(JSON.parse(readFileSync(path, "utf8")));
        if (parsed.success) return parsed.data;
      } catch {
        // Missing or not JSON: the defaults below.
      }
      return schema.parse(fallback);
    },
    write(value: z.output<S>): void {
      mkdirSync(dirname(path), { recursive: true });
      const temporary = `${path}.${process.pid}.tmp`;
      writeFileSync(temporary, `${JSON.stringify(value, null, 2)}\n`, "utf8");
      renameSync(temporary, path);
    },
  };
}
