import type { CachedEvidence } from "../cases/cached-case";
import { type DeskDatabase, META } from "../cases/desk-db";

/** Default budget for cached evidence bytes: a shift's worth of screenshots and statements. */
export const DEFAULT_EVIDENCE_BUDGET = 500 * 1024 * 1024;

export interface EvidenceCacheOptions {
  budgetBytes?: number;
  now?: () => number;
}

/**
 * Evidence content of recently opened cases, keyed by sha256 (content-addressed like the server,
 * so the same screenshot attached twice is stored once), least-recently-used evicted first.
 *
 * The total is kept in `meta` and updated in the same transaction as each put/evict, so it never
 * needs a scan of the byte-heavy rows. Storage is best effort: a full disk (QuotaExceededError)
 * evicts and retries, and if even an empty cache cannot take the file, `put` returns false —
 * the viewer still shows the bytes it downloaded; no action ever fails because of this cache.
 */
export class EvidenceCache {
  readonly budgetBytes: number;
  private readonly now: () => number;

  constructor(
    private readonly db: DeskDatabase,
    options: EvidenceCacheOptions = {},
  ) {
    this.budgetBytes = options.budgetBytes ?? DEFAULT_EVIDENCE_BUDGET;
    this.now = options.now ?? Date.now;
  }

  /** The cached bytes, marking them recently used; undefined on a miss. */
  async get(sha256: string): Promise<Uint8Array | undefined> {
    const row = await this.db.evidence.get(sha256);
    if (!row) return undefined;
    await this.db.evidence.update(sha256, { lastUsedAt: this.now() }).catch(() => undefined);
    return new Uint8Array(row.bytes);
  }

  async totalBytes(): Promise<number> {
    const row = await this.db.meta.get(META.evidenceBytes);
    return typeof row?.value === "number" ? row.value : 0;
  }

  /** Stores the bytes within the budget, evicting the least recently used. False if it could not. */
  async put(
    entry: Omit<CachedEvidence, "lastUsedAt" | "size"> & { size?: number },
  ): Promise<boolean> {
    const size = entry.bytes.byteLength;
    if (size > this.budgetBytes) return false;
    // Quota errors come from the browser's view of the disk, not from our budget: each one halves
    // what we keep besides the new file, until nothing is left to evict.
    let keepAtMost = this.budgetBytes - size;
    for (let attempt = 0; attempt < 6; attempt++) {
      try {
        await this.db.transaction("rw", this.db.evidence, this.db.meta, async () => {
          const existing = await this.db.evidence.get(entry.sha256);
          let total = await this.totalBytes();
          if (existing) total -= existing.size;
          total = await this.evictUntil(keepAtMost, total, entry.sha256);
          await this.db.evidence.put({ ...entry, size, lastUsedAt: this.now() });
          await this.db.meta.put({ key: META.evidenceBytes, value: total + size });
        });
        return true;
      } catch (error) {
        if (!isQuotaError(error)) throw error;
        const total = await this.totalBytes();
        if (total === 0) return false;
        keepAtMost = Math.min(keepAtMost, Math.floor(total / 2));
      }
    }
    return false;
  }

  /** Deletes least-recently-used rows until `total` ≤ `target`; returns the new total. */
  private async evictUntil(target: number, total: number, keep: string): Promise<number> {
    if (total <= target) return total;
    let remaining = total;
    const victims: string[] = [];
    await this.db.evidence
      .orderBy("lastUsedAt")
      .until(() => remaining <= target)
      .each((row) => {
        if (row.sha256 === keep) return;
        victims.push(row.sha256);
        remaining -= row.size;
      });
    await this.db.evidence.bulkDelete(victims);
    return Math.max(remaining, 0);
  }

  async clear(): Promise<void> {
    await this.db.transaction("rw", this.db.evidence, this.db.meta, async () => {
      await this.db.evidence.clear();
      await this.db.meta.put({ key: META.evidenceBytes, value: 0 });
    });
  }
}

/** QuotaExceededError as IndexedDB reports it, directly or wrapped by Dexie. */
export function isQuotaError(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const { name, inner } = error as { name?: unknown; inner?: unknown };
  if (name === "QuotaExceededError") return true;
  return inner !== undefined && inner !== error && isQuotaError(inner);
}
