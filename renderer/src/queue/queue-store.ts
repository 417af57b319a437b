import type { CaseSummary } from "@shared/domain/appeal";
import { createStore } from "zustand/vanilla";
import type { ApiClient } from "../api/api-client";
import { toApiError } from "../api/api-error";

// State
export interface QueueState {
  cases: CaseSummary[];
  status: "idle" | "loading" | "ready" | "error";
  error: string | null;
}

// Actions
export interface QueueActions {
  /** Loads the queue page by page, up to `maxRows`. */
  load(maxRows?: number): Promise<void>;
}

/** The page size the queue asks for: one round trip fills a screen and a half. */
const PAGE_SIZE = 100;

export function createQueueStore(api: Pick<ApiClient, "listCases">) {
  return createStore<QueueState & QueueActions>()((set) => ({
    cases: [],
    status: "idle",
    error: null,

    async load(maxRows = 5_000) {
      set({ status: "loading", error: null });
      try {
        const cases: CaseSummary[] = [];
        let cursor: string | null = null;
        do {
          const page = await api.listCases({ limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) });
          cases.push(...page.items);
          cursor = page.nextCursor;
          set({ cases: [...cases] });
        } while (cursor && cases.length < maxRows);
        set({ status: "ready" });
      } catch (error) {
        set({ status: "error", error: toApiError(error).message });
      }
    },
  }));
}

export type QueueStore = ReturnType<typeof createQueueStore>;
