import type { FieldError, Problem } from "@shared/api/problem";
import { PROBLEM_TYPE_BASE, problemSlug } from "@shared/api/problem-types";
import type { ZodError } from "zod";

/** An error that becomes an RFC 9457 problem response; anything else is a 500. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
    /** Extra members, e.g. the current case on a 412. */
    readonly extensions?: Record<string, unknown>,
  ) {
    super(detail ?? title);
  }

  toBody(instance?: string): Problem & Record<string, unknown> {
    return {
      type: `${PROBLEM_TYPE_BASE}${problemSlug(this.title)}`,
      title: this.title,
      status: this.status,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(instance ? { instance } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
      ...this.extensions,
    };
  }
}

export function validationProblem(
  where: "body" | "query" | "params" | "headers",
  error: ZodError,
): HttpProblem {
  const errors = error.issues.map((issue) => ({
    field: [where, ...issue.path.map(String)].join("/"),
    message: issue.message,
  }));
  return new HttpProblem(400, "Invalid request", `The request ${where} is not valid.`, errors);
}
