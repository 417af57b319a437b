import { type Problem, Problem as ProblemSchema } from "@shared/api/problem";
import { isAxiosError } from "axios";

/** A failed API call, carrying the server's problem details when it sent them. */
export class ApiError extends Error {
  constructor(
    message: string,
    /** HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    readonly problem: Problem | null,
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
    return new ApiError(
      problem?.detail ?? problem?.title ?? error.message,
      error.response.status,
      problem,
    );
  }
  return new ApiError(error instanceof Error ? error.message : String(error), 0, null);
}
