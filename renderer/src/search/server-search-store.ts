import type { SearchHit } from "@shared/search/document";
import { queryTerms } from "@shared/search/fold";
import { createStore } from "zustand/vanilla";

/**
 * - `idle`: no text to search for.
 * - `searching`: the server was asked for the current text.
 * - `done`: `hits` are the server's answer for `text`.
 * - `unavailable`: offline, or the server did not answer; the queue's own search still works.
 */
export type ServerSearchStatus = "idle" | "searching" | "done" | "unavailable";

export interface ServerSearchState {
  text: string;
  status: ServerSearchStatus;
  hits: readonly SearchHit[];
  /** Asks the server for this text (debounced; a newer text cancels the older request). */
  search(text: string): void;
  stop(): void;
}

export interface ServerSearchDeps {
  /** `GET /search`: every case the user may see, cached here or not, with a snippet per hit. */
  search(q: string, signal: AbortSignal): Promise<SearchHit[]>;
  /** The browser's word that there is no network: the request is not even tried. */
  isOnline?: () => boolean;
  /** A request per pause in typing, not per keystroke. */
  debounceMs?: number;
}

/**
 * Server search beside the desk's own: the desk's index holds only the cases it caches (and
 * only those indexed so far while the cache fills), the server holds every case. Each text is
 * sent once the agent pauses; an answer for an older text is dropped.
 */
export function createServerSearchStore({
  search,
  isOnline = () => true,
  debounceMs = 300,
}: ServerSearchDeps) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight: AbortController | null = null;
  const cancel = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    inFlight?.abort();
    inFlight = null;
  };
  return createStore<ServerSearchState>()((set, get) => ({
    text: "",
    status: "idle",
    hits: [],
    search(text) {
      cancel();
      if (queryTerms(text).length === 0) {
        set({ text, status: "idle", hits: [] });
        return;
      }
      if (!isOnline()) {
        set({ text, status: "unavailable", hits: [] });
        return;
      }
      set({ text, status: "searching", hits: get().text === text ? get().hits : [] });
      timer = setTimeout(() => {
        timer = null;
        const controller = new AbortController();
        inFlight = controller;
        search(text.trim(), controller.signal).then(
          (hits) => {
            if (controller.signal.aborted) return;
            inFlight = null;
            set({ status: "done", hits });
          },
          () => {
            if (controller.signal.aborted) return;
            inFlight = null;
            set({ status: "unavailable", hits: [] });
          },
        );
      }, debounceMs);
    },
    stop: cancel,
  }));
}

export type ServerSearchStore = ReturnType<typeof createServerSearchStore>;

/**
 * The server's hits the queue does not show already: cases not cached here, or cached but not
 * matched locally yet (their text is not indexed while the cache fills). `isShown` says whether
 * the queue's current rows hold a case.
 */
export function serverOnlyHits(
  hits: readonly SearchHit[],
  isShown: (caseId: string) => boolean,
): SearchHit[] {
  return hits.filter((hit) => !isShown(hit.case.id));
}
