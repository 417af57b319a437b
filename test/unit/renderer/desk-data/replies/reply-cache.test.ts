import type { Reply, ReplyList } from "@shared/api/replies";
import { describe, expect, it } from "vitest";
import { createReplyCache } from "../../../../../renderer/src/desk-data";
import { FAKE_IDB, freshUser } from "../../../../support/fake-indexeddb";

function reply(id: string, seq: number, patch: Partial<Reply> = {}): Reply {
  return {
    id,
    kind: "reply",
    title: id,
    bodies: { vi: "Chào {partyName}", "zh-Hans": "您好", "zh-Hant": "您好", en: "Hello" },
    outcome: null,
    tags: [],
    archived: false,
    version: 1,
    seq,
    updatedAt: "2026-03-02T02:00:00.000Z",
    updatedBy: "u-supervisor1",
    ...patch,
  };
}

/** A server feed over a list of writes: `since` returns the latest state of what changed after. */
function feed(writes: Reply[]) {
  const asked: number[] = [];
  let offline = false;
  return {
    asked,
    writes,
    goOffline: () => {
      offline = true;
    },
    fetch: async (since: number): Promise<ReplyList> => {
      asked.push(since);
      if (offline) throw new Error("Network Error");
      const latest = new Map<string, Reply>();
      for (const w of writes.filter((w) => w.seq > since)) latest.set(w.id, w);
      const replies = [...latest.values()].sort((a, b) => a.seq - b.seq);
      return { replies, cursor: replies.at(-1)?.seq ?? since };
    },
  };
}

describe("the desk's reply cache", () => {
  it("pulls incrementally, drops archived replies from the list, and keeps the list offline", async () => {
    const server = feed([reply("rp-b", 1), reply("rp-a", 2)]);
    const userId = freshUser();
    const cache = createReplyCache({ userId, fetchReplies: server.fetch, dexieOptions: FAKE_IDB });
    await cache.sync();
    expect((await cache.list()).map((r) => r.id)).toEqual(["rp-a", "rp-b"]);

    server.writes.push(reply("rp-b", 3, { archived: true, version: 2 }), reply("rp-c", 4));
    const seen: string[][] = [];
    const stop = cache.observe((list) => seen.push(list.map((r) => r.id)));
    await cache.sync();
    expect(server.asked).toEqual([0, 2]);
    expect((await cache.list()).map((r) => r.id)).toEqual(["rp-a", "rp-c"]);
    expect(seen.at(-1)).toEqual(["rp-a", "rp-c"]);
    stop();

    // Offline: the sync fails, the list a new window opens from the same database is intact.
    server.goOffline();
    await expect(cache.sync()).rejects.toThrow("Network Error");
    const reopened = createReplyCache({
      userId,
      fetchReplies: server.fetch,
      dexieOptions: FAKE_IDB,
    });
    expect((await reopened.list()).map((r) => r.id)).toEqual(["rp-a", "rp-c"]);

    await cache.wipe();
    const afterWipe = createReplyCache({ userId, fetchReplies: undefined, dexieOptions: FAKE_IDB });
    expect(await afterWipe.list()).toEqual([]);
  });
});
