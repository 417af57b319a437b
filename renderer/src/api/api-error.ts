import { type Problem, Problem as ProblemSchema } from "@shared/api/problem";
import { isAxiosError } from "axios";

/** A failed API call, carrying the server's problem details when it sent them. */
export class ApiError extends Error {
  constructor(
    message: string,
    /** HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    readonly problem: Problem | null,
    /** The response body as sent (a 412 carries the server's current case in it). */
    readonly body: unknown = null,
    /** The `Retry-After` header of a 429/503, unparsed. */
    readonly retryAfter: string | null = null,
    /** The request id the server logged this call under (`X-Request-Id`). */
    readonly requestId: string | null = null,
  ) {
    super(message);
    this.name = "ApiError";
  }

  get isNetworkError(): boolean {
    return this.status === 0;
  }
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (isAxiosError(error)) {
    if (!error.response) return new ApiError("The server cannot be reached.", 0, null);
    const parsed = ProblemSchema.safeParse(error.response.data);
    const problem = parsed.success ? parsed.data : null;
    const header = (name: string): string | null => {
      const value: unknown = error.response?.headers[name];
      return typeof value === "string" ? value : null;
    };
    return new ApiError(
      problem?.detail ?? problem?.title ?? error.message,
      error.response.status,
      problem,
      error.response.data,
      header("retry-after"),
      header("x-request-id"),
    );
  }
  return new ApiError(error instanceof Error ? error.message : String(error), 0, null);
}
