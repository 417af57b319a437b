import type { z } from "zod";
import { validationProblem } from "./problem";

/** Parses one part of a request with its shared schema, or throws a 400 naming every bad field. */
export function parseRequest<S extends z.ZodType>(
  where: "body" | "query" | "params" | "headers",
  schema: S,
  value: unknown,
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationProblem(where, result.error);
  return result.data;
}
