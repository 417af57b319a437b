import { createHash, createHmac, randomBytes } from "node:crypto";

/** What an audit entry says; `seq`, `prevHash` and `hash` are added when it is appended. */
export interface AuditContent {
  caseId: string | null;
  actorId: string;
  actorRole: "agent" | "supervisor" | "platform" | "system";
  action: string;
  at: Date;
  beforeVersion: number | null;
  afterVersion: number | null;
  requestId: string | null;
  idempotencyKey: string | null;
  details: Record<string, unknown>;
}

export const GENESIS_HASH = "0".repeat(64);

/**
 * JSON with object keys sorted at every level: jsonb reorders keys, so the hash must not depend on
 * the order they were written in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/**
 * The key of the chain, kept outside the database (a file in the data folder, or AUDIT_KEY), so
 * someone who can write to the database cannot compute a valid digest for an edited entry.
 * One per process: every server in it writes and verifies with the same key. Until configured,
 * a random key is used (tests, a server without a data folder: the database is as ephemeral).
 */
let chainKey: Buffer = randomBytes(32);

export function setAuditKey(key: Buffer): void {
  if (key.length < 32) throw new Error("the audit key needs at least 32 bytes");
  chainKey = key;
}

/** A key for another purpose derived from the chain key (checkpoint signatures). */
export function derivedAuditKey(purpose: string): Buffer {
  return createHmac("sha256", chainKey).update(purpose).digest();
}

function canonicalContent(content: AuditContent): string {
  return canonicalJson({ ...content, at: content.at.toISOString() });
}

/**
 * The keyed digest of an entry's canonical content, HMAC-SHA256 with the chain key, computed by
 * the server when it stages the entry. The database links it into the chain at commit (see
 * `linkHash`). Written by every server since migration 007.
 */
export function contentHash(content: AuditContent): string {
  return createHmac("sha256", chainKey).update(canonicalContent(content)).digest("hex");
}

/** The unkeyed digest of entries sealed between migrations 004 and 007 (plain sha256). */
export function unkeyedContentHash(content: AuditContent): string {
  return createHash("sha256").update(canonicalContent(content)).digest("hex");
}

/**
 * The link sealed at commit by the `journal_seal` trigger: sha256 of the previous hash, the
 * sequence number and the content digest, newline-separated. Keep the two identical.
 */
export function linkHash(prevHash: string, seq: number, digest: string): string {
  return createHash("sha256").update(`${prevHash}\n${seq}\n${digest}`).digest("hex");
}

/**
 * The link of entries written before the chain was sealed at commit (null `content_hash`):
 * sha256(previous hash, sequence number, canonical content).
 */
export function entryHash(prevHash: string, seq: number, content: AuditContent): string {
  const body = canonicalJson({ ...content, at: content.at.toISOString(), seq });
  return createHash("sha256").update(prevHash).update("\n").update(body).digest("hex");
}
