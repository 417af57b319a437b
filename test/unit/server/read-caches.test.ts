import { describe, expect, it } from "vitest";
import { SESSIONS_CHANNEL, SessionCache } from "../../../server/auth/session-cache";
import { PageCache } from "../../../server/cases/page-cache";
import type { Database } from "../../../server/db/database";
import { CHANGES_CHANNEL } from "../../../server/journal/journal";

/** A database that only delivers notifications, which is all the caches use of it. */
function notifier() {
  const handlers = new Map<string, (payload: string) => void>();
  const unused = () => Promise.reject(new Error("not used by the caches"));
  const db: Database = {
    kind: "pglite",
    query: unused,
    transaction: unused,
    close: async () => undefined,
    async listen(channel, onNotify) {
      handlers.set(channel, onNotify);
      return async () => {
        handlers.delete(channel);
      };
    },
  };
  const notify = (channel: string, payload = "") => handlers.get(channel)?.(payload);
  return { db, notify, handlers };
}

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const text = (buffer: Buffer) => buffer.toString("utf8");

describe("PageCache", () => {
  it("serves a page until a change is notified, then reads afresh", async () => {
    const { db, notify } = notifier();
    const cache = new PageCache();
    await cache.start(db);
    let reads = 0;
    const read = async () => ({ reads: ++reads });
    expect(text(await cache.page("k", read))).toBe('{"reads":1}');
    expect(text(await cache.page("k", read))).toBe('{"reads":1}');
    notify(CHANGES_CHANNEL, "42");
    expect(text(await cache.page("k", read))).toBe('{"reads":2}');
    cache.invalidate();
    expect(text(await cache.page("k", read))).toBe('{"reads":3}');
  });

  it("does not keep a page whose read overlapped a change", async () => {
    const { db, notify } = notifier();
    const cache = new PageCache();
    await cache.start(db);
    const slow = deferred<string>();
    const pending = cache.page("k", () => slow.promise);
    notify(CHANGES_CHANNEL);
    slow.resolve("read before the change");
    expect(text(await pending)).toBe('"read before the change"');
    expect(text(await cache.page("k", async () => "after"))).toBe('"after"');
  });

  it("answers concurrent misses of one page with one read, but not across a change", async () => {
    const { db } = notifier();
    const cache = new PageCache();
    await cache.start(db);
    const first = deferred<string>();
    let reads = 0;
    const read = () => {
      reads++;
      return first.promise;
    };
    const herd = Array.from({ length: 50 }, () => cache.page("head", read));
    expect(reads).toBe(1);
    cache.invalidate();
    const afterChange = cache.page("head", async () => {
      reads++;
      return "after the change";
    });
    first.resolve("before the change");
    expect(new Set((await Promise.all(herd)).map(text))).toEqual(new Set(['"before the change"']));
    expect(text(await afterChange)).toBe('"after the change"');
    expect(reads).toBe(2);
  });

  it("caches nothing before it listens or after it stops", async () => {
    const { db, handlers } = notifier();
    const cache = new PageCache();
    let reads = 0;
    const read = async () => ++reads;
    await cache.page("k", read);
    await cache.page("k", read);
    expect(reads).toBe(2);
    await cache.start(db);
    await cache.page("k", read);
    await cache.page("k", read);
    expect(reads).toBe(3);
    await cache.stop();
    expect(handlers.has(CHANGES_CHANNEL)).toBe(false);
    await cache.page("k", read);
    expect(reads).toBe(4);
  });

  it("evicts the least recently used pages beyond its limits", async () => {
    const { db } = notifier();
    const cache = new PageCache({ entries: 2, bytes: 1_000 });
    await cache.start(db);
    let reads = 0;
    const read = (value: string) => async () => {
      reads++;
      return value;
    };
    await cache.page("a", read("a"));
    await cache.page("b", read("b"));
    await cache.page("a", read("a")); // a is now the most recent
    await cache.page("c", read("c")); // evicts b
    expect(reads).toBe(3);
    await cache.page("a", read("a"));
    expect(reads).toBe(3);
    await cache.page("b", read("b"));
    expect(reads).toBe(4);
    // A page over the byte budget is served but never kept.
    await cache.page("big", read("x".repeat(2_000)));
    await cache.page("big", read("x".repeat(2_000)));
    expect(reads).toBe(6);
  });
});

describe("SessionCache", () => {
  const user = { id: "u-1", username: "agent1", displayName: "Agent One", role: "agent" as const };

  it("remembers a verified session for its lifetime, never past the session's expiry", async () => {
    const { db } = notifier();
    const cache = new SessionCache(5_000);
    await cache.start(db);
    cache.remember("h", user, 1_000_000, 0);
    expect(cache.get("h", 4_999)).toEqual(user);
    expect(cache.get("h", 5_000)).toBeNull();
    cache.remember("h", user, 2_000, 0);
    expect(cache.get("h", 1_999)).toEqual(user);
    expect(cache.get("h", 2_000)).toBeNull();
  });

  it("forgets a session when any process announces its sign-out", async () => {
    const { db, notify } = notifier();
    const cache = new SessionCache();
    await cache.start(db);
    cache.remember("h", user, 1e12, 0);
    cache.remember("other", user, 1e12, 0);
    notify(SESSIONS_CHANNEL, "h");
    expect(cache.get("h", 1)).toBeNull();
    expect(cache.get("other", 1)).toEqual(user);
  });

  it("keeps nothing until it listens for sign-outs", async () => {
    const { db } = notifier();
    const cache = new SessionCache();
    cache.remember("h", user, 1e12, 0);
    expect(cache.get("h", 1)).toBeNull();
    await cache.start(db);
    cache.remember("h", user, 1e12, 0);
    expect(cache.get("h", 1)).toEqual(user);
  });
});
