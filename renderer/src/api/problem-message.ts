import { knownProblem, type ProblemSlug } from "@shared/api/problem-types";
import type { Words } from "../i18n/catalog-words";
import { ApiError } from "./api-error";

/** Which catalog message an error reads as: a known problem type, no server at all, or neither. */
export type ProblemCode = ProblemSlug | "unreachable";

export function problemCode(error: unknown): ProblemCode | null {
  if (!(error instanceof ApiError)) return null;
  if (error.isNetworkError) return "unreachable";
  return error.problem ? knownProblem(error.problem.type) : null;
}

/**
 * A failed call in the user's language: the message for its problem type; for a type this desk
 * does not know, a sentence with the HTTP status (the server's English detail is for logs).
 */
export function problemMessage(error: unknown, t: Words): string {
  const code = problemCode(error);
  if (code) return t(`problems.${code}`);
  const status = error instanceof ApiError ? String(error.status) : "?";
  return t("problems.unknown", { status });
}

/**
 * A failure stored earlier (an outbox entry's last error) in the user's language: the message for
 * its problem code, else a sentence with its HTTP status; never the server's English text.
 */
export function storedProblemMessage(
  code: ProblemCode | null | undefined,
  status: number | null,
  t: Words,
): string {
  if (code) return t(`problems.${code}`);
  if (status === 0) return t("problems.unreachable");
  return t("problems.unknown", { status: status === null ? "?" : String(status) });
}

/**
 * Any failure for a sentence on screen: a server's (or a missing server's) in the user's language
 * by its problem type; the desk's own (a font that did not load) as its message.
 */
export function failureMessage(error: unknown, t: Words): string {
  if (error instanceof ApiError) return problemMessage(error, t);
  return error instanceof Error ? error.message : String(error);
}
