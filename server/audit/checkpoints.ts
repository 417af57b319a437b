/**
 * Signed checkpoints of the audit chain's head, written outside the database. The chain alone
 * proves only that its rows agree with each other: someone with write access to the database can
 * delete the tail and wind the counter back, or remove an entry and re-link everything after it.
 * A checkpoint (sequence, head hash, HMAC signature with a key the database never sees) taken
 * every minute pins what the chain was (in the data folder, and in an S3-compatible bucket when
 * `AUDIT_CHECKPOINT_URL` is set); verification reports a shorter chain as `truncated` and a
 * different hash at the checkpoint's sequence as `rechained`.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { AuditCheckpoint, type CheckpointStoreStatus } from "@shared/api/audit";
import type { Queryable } from "../db/database";
import { canonicalJson, derivedAuditKey, GENESIS_HASH, setAuditKey } from "./chain";
import type { ObjectStoreClient } from "./object-store";

export interface CheckpointStore {
  /** The latest checkpoint written, or null when none was. */
  latest(): Promise<AuditCheckpoint | null>;
  append(checkpoint: AuditCheckpoint): Promise<void>;
  /** Where it keeps them and whether the last write held, for the verification's answer. */
  status(): CheckpointStoreStatus[];
  /** Writes again what an earlier `append` could not (a store that was down); no-op if none. */
  flush?(): Promise<void>;
}

/** Reads a stored checkpoint; one that does not parse keeps its place with an empty signature. */
function readCheckpoint(text: string): AuditCheckpoint {
  // Reported as an invalid checkpoint, not skipped: skipping would let an edit of the store fall
  // back to an older, more lenient checkpoint.
  const json: unknown = JSON.parse(text);
  const parsed = AuditCheckpoint.safeParse(json);
  if (parsed.success) return parsed.data;
  const loose = AuditCheckpoint.partial().safeParse(json);
  return {
    seq: 0,
    head: "",
    at: new Date(0).toISOString(),
    keyedFrom: 1,
    ...(loose.success ? loose.data : {}),
    signature: "",
  };
}

/** One JSON line per checkpoint, appended, in the data folder (`audit-checkpoints.jsonl`). */
export class FileCheckpointStore implements CheckpointStore {
  private lastSeq: number | null = null;

  constructor(readonly path: string) {}

  async latest(): Promise<AuditCheckpoint | null> {
    if (!existsSync(this.path)) return null;
    const lines = readFileSync(this.path, "utf8").trim().split("\n").filter(Boolean);
    const last = lines.at(-1);
    if (!last) return null;
    try {
      return readCheckpoint(last);
    } catch {
      return { seq: 0, head: "", at: new Date(0).toISOString(), keyedFrom: 1, signature: "" };
    }
  }

  async append(checkpoint: AuditCheckpoint): Promise<void> {
    mkdirSync(dirname(this.path), { recursive: true });
    appendFileSync(this.path, `${JSON.stringify(checkpoint)}\n`, { mode: 0o600 });
    this.lastSeq = checkpoint.seq;
  }

  status(): CheckpointStoreStatus[] {
    return [
      { kind: "file", location: this.path, ok: true, lastSeq: this.lastSeq, lastError: null },
    ];
  }
}

/**
 * In an S3-compatible bucket: every checkpoint as `checkpoints/<seq>.json` (a history that,
 * with the bucket's versioning or object lock, no one rewrites) and the newest again as
 * `latest.json`, which is what is read back.
 */
export class ObjectCheckpointStore implements CheckpointStore {
  private lastSeq: number | null = null;

  constructor(readonly client: ObjectStoreClient) {}

  async latest(): Promise<AuditCheckpoint | null> {
    const text = await this.client.get("latest.json");
    if (text === null) return null;
    try {
      return readCheckpoint(text);
    } catch {
      return { seq: 0, head: "", at: new Date(0).toISOString(), keyedFrom: 1, signature: "" };
    }
  }

  async append(checkpoint: AuditCheckpoint): Promise<void> {
    const body = JSON.stringify(checkpoint);
    await this.client.put(`checkpoints/${String(checkpoint.seq).padStart(12, "0")}.json`, body);
    await this.client.put("latest.json", body);
    this.lastSeq = checkpoint.seq;
  }

  status(): CheckpointStoreStatus[] {
    return [
      {
        kind: "object_store",
        location: this.client.location(),
        ok: true,
        lastSeq: this.lastSeq,
        lastError: null,
      },
    ];
  }
}

/**
 * Several stores written alike (the file, and the object store when configured). One that fails
 * does not stop the others or the server: its error is reported and the newest checkpoint it
 * missed is written again at the next `flush` (each checkpoint tick). Reading takes the newest
 * of them, so a file wound back or deleted on the server's disk is still caught by the bucket.
 */
export class MirroredCheckpointStore implements CheckpointStore {
  private readonly states: {
    store: CheckpointStore;
    pending: AuditCheckpoint | null;
    lastError: string | null;
  }[];

  constructor(stores: readonly CheckpointStore[]) {
    if (stores.length === 0) throw new Error("at least one checkpoint store");
    this.states = stores.map((store) => ({ store, pending: null, lastError: null }));
  }

  async latest(): Promise<AuditCheckpoint | null> {
    const read = await Promise.allSettled(this.states.map((s) => s.store.latest()));
    let newest: AuditCheckpoint | null = null;
    let readable = 0;
    read.forEach((result, i) => {
      const state = this.states[i];
      if (!state) return;
      if (result.status === "rejected") {
        state.lastError = `read: ${messageOf(result.reason)}`;
        return;
      }
      readable += 1;
      if (result.value && (!newest || result.value.seq > newest.seq)) newest = result.value;
    });
    if (readable === 0) throw new Error("no checkpoint store could be read");
    return newest;
  }

  async append(checkpoint: AuditCheckpoint): Promise<void> {
    const results = await Promise.allSettled(
      this.states.map((state) => this.write(state, checkpoint)),
    );
    if (results.every((r) => r.status === "rejected")) {
      throw new Error("no checkpoint store could be written");
    }
  }

  async flush(): Promise<void> {
    await Promise.allSettled(
      this.states.map((state) => (state.pending ? this.write(state, state.pending) : null)),
    );
  }

  status(): CheckpointStoreStatus[] {
    return this.states.flatMap((state) =>
      state.store.status().map((s) => ({
        ...s,
        ok: state.lastError === null,
        lastError: state.lastError,
      })),
    );
  }

  private async write(
    state: MirroredCheckpointStore["states"][number],
    checkpoint: AuditCheckpoint,
  ): Promise<void> {
    try {
      await state.store.append(checkpoint);
      state.lastError = null;
      // A newer one may have been queued meanwhile; only the one written is done.
      if (state.pending?.seq === checkpoint.seq) state.pending = null;
    } catch (error) {
      state.lastError = `write: ${messageOf(error)}`;
      if (!state.pending || state.pending.seq <= checkpoint.seq) state.pending = checkpoint;
      throw error;
    }
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** For a server whose database lives in memory: its checkpoints live exactly as long. */
export class MemoryCheckpointStore implements CheckpointStore {
  readonly written: AuditCheckpoint[] = [];
  async latest(): Promise<AuditCheckpoint | null> {
    return this.written.at(-1) ?? null;
  }
  async append(checkpoint: AuditCheckpoint): Promise<void> {
    this.written.push(checkpoint);
  }
  status(): CheckpointStoreStatus[] {
    return [
      {
        kind: "memory",
        location: "memory",
        ok: true,
        lastSeq: this.written.at(-1)?.seq ?? null,
        lastError: null,
      },
    ];
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
    Promise.resolve(store.flush?.())
      .then(() => writeCheckpoint(db, store))
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
