/**
 * Header names of the mutation protocol, shared by the server and the desk's sync engine.
 * HTTP header names are case-insensitive; these are the spellings we document and send.
 */
export const HEADERS = {
  /** Required on every mutation: a client-chosen key; a retry with the same key replays the answer. */
  idempotencyKey: "Idempotency-Key",
  /** Required on desk mutations: the case version the action was taken on, as an ETag. */
  ifMatch: "If-Match",
  /** On every case response: the case version as a strong ETag, e.g. `"7"`. */
  etag: "ETag",
  /** SSE resume: the last `id:` the client saw (a changes cursor). */
  lastEventId: "Last-Event-ID",
  /** On evidence content: lower-case hex sha256 of the bytes. */
  contentSha256: "X-Content-SHA256",
  /** On evidence content too: the same hash as RFC 9530 `sha-256=:<base64>:`. */
  reprDigest: "Repr-Digest",
  /** Echoed on every response; sent by clients that want to correlate logs and audit entries. */
  requestId: "X-Request-Id",
  /** Integration side: `Authorization: Bearer <SERVICE_TOKEN>`. */
  authorization: "Authorization",
} as const;

/** Keys are opaque to the server; UUIDs are a good choice. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

/** The strong ETag of a case version. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * An `If-Match` field read as RFC 9110 §13.1.1 defines it: a list of entity tags, compared
 * strongly with the case's current tag `"<version>"`.
 * - `tags`: the versions the list names (empty when none of its tags is one we could have
 *   issued — weak, non-numeric or zero): the precondition holds only if the case is at one of
 *   them, so an empty list always fails (412), never a 400.
 * - `any`: `*`, which the desk API refuses (an action must say which version it was taken on).
 * - `invalid`: not a list of entity tags at all (e.g. `7` without quotes).
 */
export type IfMatchCondition =
  | { kind: "tags"; versions: number[] }
  | { kind: "any" }
  | { kind: "invalid" };

export function parseIfMatch(header: string): IfMatchCondition {
  const trimmed = header.trim();
  if (trimmed === "*") return { kind: "any" };
  const versions: number[] = [];
  const entries = trimmed.split(",").map((entry) => entry.trim());
  for (const entry of entries) {
    // entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE, etagc = %x21 / %x23-7E / obs-text
    const match = /^(W\/)?"([\x21\x23-\x7e\x80-\uffff]*)"$/.exec(entry);
    if (!match) return { kind: "invalid" };
    const [, weak, opaque = ""] = match;
    if (weak || !/^\d{1,9}$/.test(opaque)) continue;
    const version = Number(opaque);
    if (version >= 1) versions.push(version);
  }
  return { kind: "tags", versions };
}
