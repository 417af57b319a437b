import { z } from "zod";

/** RFC 9457 problem details, with the field-level `errors` list our validation adds. */
export const FieldError = z.object({
  /** JSON-pointer-like path of the offending field, e.g. "body/rationale" or "query/limit". */
  field: z.string(),
  message: z.string(),
  /** A machine-readable rule name (e.g. `exceeds_disputed_amount`), for clients to render. */
  code: z.string().optional(),
  /** The amount the rule measures against, when there is one: what the desk shows as the limit. */
  limit: z.object({ amount: z.string(), currency: z.string() }).optional(),
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
