/**
 * Signed checkpoints of the audit chain's head, written outside the database. The chain alone
 * proves only that its rows agree with each other: someone with write access to the database can
 * delete the tail and wind the counter back, or remove an entry and re-link everything after it.
 * A checkpoint (sequence, head hash, HMAC signature with a key the database never sees) taken
 * every minute pins what the chain was; verification reports a shorter chain as `truncated` and a
 * different hash at the checkpoint's sequence as `rechained`.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { AuditCheckpoint } from "@shared/api/audit";
import type { Queryable } from "../db/database";
import { canonicalJson, derivedAuditKey, GENESIS_HASH, setAuditKey } from "./chain";

export interface CheckpointStore {
  /** The latest checkpoint written, or null when none was. */
  latest(): Promise<AuditCheckpoint | null>;
  append(checkpoint: AuditCheckpoint): Promise<void>;
}

/** One JSON line per checkpoint, appended, in the data folder (`audit-checkpoints.jsonl`). */
export class FileCheckpointStore implements CheckpointStore {
  constructor(readonly path: string) {}

  async latest(): Promise<AuditCheckpoint | null> {
    if (!existsSync(this.path)) return null;
    const lines = readFileSync(this.path, "utf8").trim().split("\n").filter(Boolean);
    const last = lines.at(-1);
    if (!last) return null;
    // A line that does not parse is reported as an invalid checkpoint, not skipped: skipping
    // would let an edit of the file fall back to an older, more lenient checkpoint.
    const parsed = AuditCheckpoint.safeParse(JSON.parse(last));
    return parsed.success ? parsed.data : { ...JSON.parse(last), signature: "" };
  }

  async append(checkpoint: AuditCheckpoint): Promise<void> {
    mkdirSync(dirname(this.path), { recursive: true });
    appendFileSync(this.path, `${JSON.stringify(checkpoint)}\n`, { mode: 0o600 });
  }
}

/** For a server whose database lives in memory: its checkpoints live exactly as long. */
export class MemoryCheckpointStore implements CheckpointStore {
  readonly written: AuditCheckpoint[] = [];
  async latest(): Promise<AuditCheckpoint | null> {
    return this.written.at(-1) ?? null;
  }
  async append(checkpoint: AuditCheckpoint): Promise<void> {
    this.written.push(checkpoint);
  }
}

type Unsigned = Omit<AuditCheckpoint, "signature">;

function sign(checkpoint: Unsigned): string {
  return createHmac("sha256", derivedAuditKey("audit-checkpoint"))
    .update(canonicalJson(checkpoint))
    .digest("hex");
}

export function hasValidSignature(checkpoint: AuditCheckpoint): boolean {
  const { signature, ...rest } = checkpoint;
  const expected = Buffer.from(sign(rest), "hex");
  const given = Buffer.from(signature, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function chainHead(db: Queryable): Promise<{ seq: number; head: string }> {
  const [counter] = await db.query<{ last_audit_seq: string | number; last_audit_hash: string }>(
    "select last_audit_seq, last_audit_hash from change_counter where id = 1",
  );
  return {
    seq: Number(counter?.last_audit_seq ?? 0),
    head: counter?.last_audit_hash ?? GENESIS_HASH,
  };
}

/**
 * Writes a checkpoint of the current head unless the last one already has it. The first
 * checkpoint of a database fixes `keyedFrom`: entries written before it were digested unkeyed.
 */
export async function writeCheckpoint(
  db: Queryable,
  store: CheckpointStore,
  now = new Date(),
): Promise<AuditCheckpoint> {
  const last = await store.latest();
  const { seq, head } = await chainHead(db);
  if (last && last.seq === seq && last.head === head && hasValidSignature(last)) return last;
  // Never sign over tampering: a head behind the last checkpoint, or a chain whose entry at the
  // last checkpoint changed, is left for verification to report, not made the new reference.
  if (last) {
    const [pinned] = await db.query<{ hash: string }>("select hash from audit_log where seq = $1", [
      last.seq,
    ]);
    const pinnedHash = last.seq === 0 ? GENESIS_HASH : pinned?.hash;
    if (seq < last.seq || pinnedHash !== last.head || !hasValidSignature(last)) {
      throw new Error(
        "the audit chain no longer matches its last checkpoint: run the verification",
      );
    }
  }
  const unsigned: Unsigned = {
    seq,
    head,
    at: now.toISOString(),
    keyedFrom: last?.keyedFrom ?? seq + 1,
  };
  const checkpoint = { ...unsigned, signature: sign(unsigned) };
  await store.append(checkpoint);
  return checkpoint;
}

/** Checkpoints every `intervalMs` while the server runs. */
export function startCheckpointTimer(
  db: Queryable,
  store: CheckpointStore,
  intervalMs: number,
): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    writeCheckpoint(db, store)
      .catch(() => undefined)
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * The chain key: AUDIT_KEY when given (base64 or hex, 32+ bytes; every process of a scaled-out
 * server needs the same), else `audit.key` in the folder, created on first start (0600).
 */
export function loadAuditKey(options: { envKey?: string | undefined; dir?: string | undefined }) {
  if (options.envKey) {
    const key = /^[0-9a-f]+$/i.test(options.envKey)
      ? Buffer.from(options.envKey, "hex")
      : Buffer.from(options.envKey, "base64");
    setAuditKey(key);
    return;
  }
  if (!options.dir) return; // the process's random key (see setAuditKey)
  const path = join(options.dir, "audit.key");
  if (!existsSync(path)) {
    mkdirSync(options.dir, { recursive: true });
    writeFileSync(path, randomBytes(32).toString("base64"), { mode: 0o600, flag: "wx" });
  }
  setAuditKey(Buffer.from(readFileSync(path, "utf8").trim(), "base64"));
}
