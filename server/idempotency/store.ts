import { createHash } from "node:crypto";
import { maskCaseContacts } from "@shared/reports/mask";
import { canonicalJson } from "../audit/chain";
import type { Queryable } from "../db/database";
import { HttpProblem } from "../http/problem";

/**
 * Idempotency, enforced by the database so it holds across server processes.
 *
 * The key row is inserted inside the mutation's own transaction. A concurrent retry with the same
 * key blocks on the primary key until the first transaction ends: if it committed, the retry finds
 * the stored response and replays it; if it rolled back, the retry proceeds as the first. Only
 * successful responses are stored: a refused request changed nothing, so evaluating its retry
 * again is just as safe and lets a retry succeed once, say, the network or a lock recovered.
 */

/** `response` is the JSON text first sent, replayed byte for byte. */
export type KeyClaim = { kind: "new" } | { kind: "replay"; status: number; response: string };

/** What makes two requests "the same": route, target and body (not headers such as If-Match). */
export function requestHash(route: string, target: string, body: unknown): string {
  return createHash("sha256").update(canonicalJson({ route, target, body })).digest("hex");
}

interface KeyRow {
  route: string;
  request_hash: string;
  status: number | null;
  response: string | null;
}

export async function claimKey(
  tx: Queryable,
  principal: string,
  key: string,
  route: string,
  hash: string,
): Promise<KeyClaim> {
  const inserted = await tx.query(
    `insert into idempotency_keys (principal, key, route, request_hash) values ($1, $2, $3, $4)
     on conflict do nothing returning 1 as ok`,
    [principal, key, route, hash],
  );
  if (inserted.length > 0) return { kind: "new" };
  const [row] = await tx.query<KeyRow>(
    "select route, request_hash, status, response from idempotency_keys where principal = $1 and key = $2",
    [principal, key],
  );
  if (!row || row.request_hash !== hash) {
    throw new HttpProblem(
      422,
      "Idempotency key reused",
      "This Idempotency-Key was already used with a different request; use a new key for a new request.",
      [{ field: "headers/idempotency-key", message: "already used with a different request" }],
    );
  }
  if (row.status === null) {
    throw new HttpProblem(409, "Request in progress", "A request with this key is still running.");
  }
  return { kind: "replay", status: row.status, response: row.response ?? "null" };
}

export async function saveResponse(
  tx: Queryable,
  principal: string,
  key: string,
  status: number,
  /** The exact JSON text sent to the client. */
  response: string,
): Promise<void> {
  await tx.query(
    "update idempotency_keys set status = $3, response = $4 where principal = $1 and key = $2",
    [principal, key, status, response],
  );
}

/**
 * Keys are honoured for 7 days by default (`IDEMPOTENCY_RETENTION_DAYS`): at least as long as a
 * desk may stay offline with actions in its outbox, so a retry after a long offline stretch is
 * still recognised as one and never applied twice. Then purged.
 */
export const KEY_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

export async function purgeExpiredKeys(
  db: Queryable,
  now = new Date(),
  retentionMs = KEY_RETENTION_MS,
): Promise<void> {
  await db.query("delete from idempotency_keys where created_at < $1", [
    new Date(now.getTime() - retentionMs),
  ]);
}

/**
 * A stored answer with any case in it masked (`{ case }` of desk and integration mutations). The
 * text is returned unchanged when there is nothing to mask, so a replay stays byte for byte.
 */
export function maskStoredReplay(response: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(response);
  } catch {
    return response;
  }
  if (typeof parsed !== "object" || parsed === null || !("case" in parsed)) return response;
  const stored = parsed as { case: unknown };
  const detail = stored.case;
  if (
    typeof detail !== "object" ||
    detail === null ||
    !("complainant" in detail) ||
    !("respondent" in detail)
  )
    return response;
  const masked = JSON.stringify({
    ...stored,
    case: maskCaseContacts(detail as Parameters<typeof maskCaseContacts>[0]),
  });
  return masked === JSON.stringify(parsed) ? response : masked;
}
