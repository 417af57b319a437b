import { z } from "zod";

/** RFC 9457 problem details, with the field-level `errors` list our validation adds. */
export const FieldError = z.object({
  /** JSON-pointer-like path of the offending field, e.g. "body/rationale" or "query/limit". */
  field: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof FieldError>;

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z.array(FieldError).optional(),
});
export type Problem = z.infer<typeof Problem>;

export const PROBLEM_CONTENT_TYPE = "application/problem+json";
