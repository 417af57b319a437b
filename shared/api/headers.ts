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
 * The version an `If-Match` names, or null when it names none we issued. Accepts `"7"`, `W/"7"` is
 * refused (a weak tag cannot guard a write, RFC 9110 §13.1.1), and `*` is refused too: the desk must
 * say which version it acted on.
 */
export function versionFromIfMatch(header: string): number | null {
  const match = /^\s*"(\d{1,9})"\s*$/.exec(header);
  if (!match?.[1]) return null;
  const version = Number(match[1]);
  return version >= 1 ? version : null;
}
