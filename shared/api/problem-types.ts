/**
 * The problem `type`s the server answers with (RFC 9457): the last path segment of
 * `https://arbiter.desk/problems/<slug>`, made from the problem's title. Clients show a message
 * per type from their own catalogs, in the user's language, instead of the server's English
 * `detail`; a test reads the server's sources so a new title cannot go without a message.
 */
export const PROBLEM_SLUGS = [
  "invalid-request",
  "unauthorized",
  "forbidden",
  "four-eyes",
  "missing-skill",
  "over-capacity",
  "not-found",
  "already-appealed",
  "appeal-already-open",
  "content-digest-mismatch",
  "not-allowed-in-this-state",
  "request-in-progress",
  "busy",
  "decision-outside-the-rules",
  "idempotency-key-reused",
  "internal-server-error",
  "misdirected-request",
  "precondition-failed",
  "precondition-required",
  "re-filing-cool-down",
  "too-many-sign-in-attempts",
  "unsupported-media-type",
] as const;
export type ProblemSlug = (typeof PROBLEM_SLUGS)[number];

export const PROBLEM_TYPE_BASE = "https://arbiter.desk/problems/";

/** The slug a problem title becomes (the server's rule, kept here so both sides agree). */
export function problemSlug(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, "-");
}

/** A known slug from a problem's `type`, or null (another server, or a newer one). */
export function knownProblem(type: string): ProblemSlug | null {
  if (!type.startsWith(PROBLEM_TYPE_BASE)) return null;
  const slug = type.slice(PROBLEM_TYPE_BASE.length);
  return (PROBLEM_SLUGS as readonly string[]).includes(slug) ? (slug as ProblemSlug) : null;
}
