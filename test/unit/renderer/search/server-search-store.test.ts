import type { SearchHit } from "@shared/search/document";
import { afterEach, describe, expect, test, vi } from "vitest";
import {
  createServerSearchStore,
  serverOnlyHits,
} from "../../../../renderer/src/search/server-search-store";
import { bareSummary as summary } from "../../../support/case-detail";

const hit = (id: string): SearchHit => ({ case: summary(id), snippet: null });

afterEach(() => {
  vi.useRealTimers();
});

describe("server search store", () => {
  test("one request per pause in typing; an older text's answer never replaces a newer one", async () => {
    vi.useFakeTimers();
    const asked: { q: string; signal: AbortSignal }[] = [];
    const store = createServerSearchStore({
      search: async (q, signal) => {
        asked.push({ q, signal });
        return [hit(q === "thoa" ? "c1" : "c2")];
      },
    });
    store.getState().search("th");
    store.getState().search("thoa");
    expect(store.getState().status).toBe("searching");
    await vi.advanceTimersByTimeAsync(300);
    expect(asked.map((a) => a.q)).toEqual(["thoa"]);
    expect(store.getState()).toMatchObject({ status: "done", text: "thoa" });
    expect(store.getState().hits.map((h) => h.case.id)).toEqual(["c1"]);
    store.getState().search("");
    expect(store.getState()).toMatchObject({ status: "idle", hits: [] });
  });

  test("offline, or a server that fails, is 'unavailable', not 'nothing found'", async () => {
    vi.useFakeTimers();
    let isOnline = false;
    const store = createServerSearchStore({
      search: async () => {
        throw new Error("Network Error");
      },
      isOnline: () => isOnline,
    });
    store.getState().search("hoan tien");
    expect(store.getState().status).toBe("unavailable");
    isOnline = true;
    store.getState().search("hoan tien ");
    await vi.advanceTimersByTimeAsync(300);
    expect(store.getState().status).toBe("unavailable");
  });

  test("hits the queue shows already are left out", () => {
    expect(
      serverOnlyHits([hit("c1"), hit("c2")], (id) => id === "c1").map((h) => h.case.id),
    ).toEqual(["c2"]);
  });
});
