import type { Reply, ReplyList } from "@shared/api/replies";
import Dexie, { type DexieOptions, type EntityTable } from "dexie";

/** Every minute: supervisors edit replies rarely, and a new one need not reach desks at once. */
export const REPLY_SYNC_INTERVAL_MS = 60_000;

/**
 * The replies and macros of one user's desk, in their own IndexedDB (`arbiter-replies:<userId>`),
 * so the composer's picker lists them offline. Kept apart from the case cache: its schema and
 * upgrades do not move with the cases', and wiping a profile deletes both.
 *
 * Schema history: v1 replies (by id), meta (the feed cursor).
 */
export class ReplyDatabase extends Dexie {
  replies!: EntityTable<Reply, "id">;
  meta!: EntityTable<{ key: string; value: number }, "key">;

  constructor(name: string, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({ replies: "id", meta: "key" });
  }
}

export const replyDatabaseName = (userId: string) => `arbiter-replies:${userId}`;

/** What the cache asks the server: the replies written after `since` (`GET /replies?since=`). */
export type FetchReplies = (since: number, signal?: AbortSignal) => Promise<ReplyList>;

export interface ReplyCache {
  /** Pulls what changed since the last pull; resolves when it is stored. Rejects offline. */
  sync(signal?: AbortSignal): Promise<void>;
  /** The usable replies and macros (not archived), by title. */
  list(): Promise<Reply[]>;
  /** Called with the list now and after every sync that changed it. */
  observe(listener: (replies: Reply[]) => void): () => void;
  /** Syncs now and then every `intervalMs`; the same again after `stop`. */
  start(intervalMs?: number): void;
  stop(): void;
  /** Deletes the database (signing out). */
  wipe(): Promise<void>;
}

const CURSOR = "cursor";

export function createReplyCache(options: {
  userId: string;
  fetchReplies: FetchReplies | undefined;
  dexieOptions?: DexieOptions | undefined;
}): ReplyCache {
  const db = new ReplyDatabase(replyDatabaseName(options.userId), options.dexieOptions);
  const listeners = new Set<(replies: Reply[]) => void>();
  let timer: ReturnType<typeof setInterval> | null = null;
  let running: Promise<void> | null = null;

  const list = async () =>
    (await db.replies.toArray())
      .filter((reply) => !reply.archived)
      .sort((a, b) => a.title.localeCompare(b.title));
  const announce = async () => {
    if (listeners.size === 0) return;
    const replies = await list();
    for (const listener of listeners) listener(replies);
  };

  async function pull(signal?: AbortSignal): Promise<void> {
    if (!options.fetchReplies) return;
    const since = (await db.meta.get(CURSOR))?.value ?? 0;
    const page = await options.fetchReplies(since, signal);
    if (page.replies.length === 0) return;
    await db.transaction("rw", db.replies, db.meta, async () => {
      // Archived ones are kept as archived: a later page never resurrects them.
      await db.replies.bulkPut(page.replies);
      await db.meta.put({ key: CURSOR, value: page.cursor });
    });
    await announce();
  }

  const cache: ReplyCache = {
    // One pull at a time: the timer and sign-in may ask together.
    sync(signal) {
      running ??= pull(signal).finally(() => {
        running = null;
      });
      return running;
    },
    list,
    observe(listener) {
      listeners.add(listener);
      void list().then((replies) => {
        if (listeners.has(listener)) listener(replies);
      });
      return () => listeners.delete(listener);
    },
    start(intervalMs = REPLY_SYNC_INTERVAL_MS) {
      if (timer) return;
      // Offline, the cached list stays what the picker shows; the next tick tries again.
      const tick = () => void cache.sync().catch(() => undefined);
      tick();
      timer = setInterval(tick, intervalMs);
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
    async wipe() {
      cache.stop();
      listeners.clear();
      await db.delete();
    },
  };
  return cache;
}
