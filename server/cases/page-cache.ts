import type { Database } from "../db/database";
import { CHANGES_CHANNEL } from "../journal/journal";

/**
 * Serialised pages of the queue and of the change feed, reused until any case changes.
 *
 * Why this is safe across processes: every committed case change NOTIFYs `CHANGES_CHANNEL`, which
 * reaches every process LISTENing on the database; each notification (and each commit made by this
 * process, before its response is sent, for read-your-writes) starts a new generation, and a page is
 * only served to requests of the generation it was read in. The remaining window, between another
 * process's commit and the arrival of its notification here, is the replication lag any read replica
 * has; for the change feed it never loses a change, because a page read earlier is a consistent view
 * whose cursor stops before the change. Until the subscription is live nothing is cached.
 */
export class PageCache {
  private generation = 0;
  private listening = false;
  private unlisten: (() => Promise<void>) | null = null;
  private readonly pages = new Map<string, { generation: number; json: Buffer }>();
  private readonly reading = new Map<string, { generation: number; json: Promise<Buffer> }>();
  private bytes = 0;

  constructor(private readonly limits = { entries: 256, bytes: 32 * 1024 * 1024 }) {}

  /** Subscribes to the change notifications; the cache is a pass-through until this resolves. */
  async start(db: Database): Promise<void> {
    this.unlisten = await db.listen(CHANGES_CHANNEL, () => this.invalidate());
    this.invalidate();
    this.listening = true;
  }

  async stop(): Promise<void> {
    this.listening = false;
    this.invalidate();
    await this.unlisten?.();
    this.unlisten = null;
  }

  /** Something changed: nothing read before now may be served again. */
  invalidate(): void {
    this.generation += 1;
    this.pages.clear();
    this.bytes = 0;
  }

  /**
   * The cached JSON (UTF-8) for `key`, or `read()` serialised and kept for the generation in which
   * the read started (a change that commits during the read makes the result unservable at once).
   * Requests that miss while a read of the same page in the same generation is under way share it:
   * after a change, 50 clients asking for the head of the queue cost one query, not 50.
   */
  async page(key: string, read: () => Promise<unknown>): Promise<Buffer> {
    const hit = this.pages.get(key);
    if (hit && hit.generation === this.generation) {
      // Re-inserted so eviction (oldest first) drops the least recently used page.
      this.pages.delete(key);
      this.pages.set(key, hit);
      return hit.json;
    }
    const generation = this.generation;
    const pending = this.reading.get(key);
    if (pending && pending.generation === generation) return pending.json;
    const json = this.readPage(key, generation, read);
    this.reading.set(key, { generation, json });
    try {
      return await json;
    } finally {
      if (this.reading.get(key)?.json === json) this.reading.delete(key);
    }
  }

  private async readPage(
    key: string,
    generation: number,
    read: () => Promise<unknown>,
  ): Promise<Buffer> {
    // Kept encoded: a hit then costs no JSON or UTF-8 work at all.
    const json = Buffer.from(JSON.stringify(await read()));
    if (this.listening && generation === this.generation && json.length <= this.limits.bytes) {
      this.keep(key, generation, json);
    }
    return json;
  }

  private keep(key: string, generation: number, json: Buffer): void {
    const old = this.pages.get(key);
    if (old) {
      this.bytes -= old.json.length;
      this.pages.delete(key);
    }
    this.pages.set(key, { generation, json });
    this.bytes += json.length;
    // Map iteration is insertion order: the first keys are the oldest.
    for (const [oldest, entry] of this.pages) {
      if (this.pages.size <= this.limits.entries && this.bytes <= this.limits.bytes) break;
      this.pages.delete(oldest);
      this.bytes -= entry.json.length;
    }
  }
}
