import type { CaseSummary } from "@shared/domain/appeal";
import type { DeskAction } from "@shared/domain/desk-action";
import type { SearchSnippet } from "@shared/search/document";
import { queryTerms } from "@shared/search/fold";
import { createStore } from "zustand/vanilla";
import type { DeskData } from "../desk-data";
import type { TextMatch } from "../search/search-client";
import {
  activeFilterCount,
  BUILT_IN_VIEWS,
  DEFAULT_SORT,
  type QueueFilter,
  type QueueSort,
  type SavedView,
  type SortKey,
} from "./queue-filter";
import { QueueIndex } from "./queue-index";
import type { SavedViewsRepository } from "./saved-views";

/** What the queue needs from the data layer (`DeskData` provides it; its rows are summaries+). */
export interface QueueData {
  allCases(): Promise<readonly CaseSummary[]>;
  /** The unfiltered queue's most urgent rows and the row count, cheaper than `allCases`. */
  firstScreen?(limit: number): Promise<{ rows: readonly CaseSummary[]; total: number }>;
  casesByIds(ids: readonly string[]): Promise<ReadonlyArray<CaseSummary | undefined>>;
  onCasesChanged: DeskData["onCasesChanged"];
  enqueue: DeskData["enqueue"];
}

/** The search worker as the queue uses it (`SearchClient`). */
export interface QueueSearch {
  readonly numbers: ReadonlyMap<string, number>;
  match(terms: readonly string[]): Promise<TextMatch | null>;
  onIndexed(listener: (entries: [string, number][]) => void): () => void;
  snippets(caseIds: string[], terms: readonly string[]): Promise<[string, SearchSnippet | null][]>;
}

// State
export interface QueueState {
  status: "loading" | "ready" | "error";
  error: string | null;
  /** Index slots of the rows on screen, in order. Read rows with `index.get(slot)`. */
  rows: number[];
  /** Bumped whenever `rows` or the rows' content changed. */
  revision: number;
  total: number;
  filter: QueueFilter;
  sort: QueueSort;
  activeViewId: string | null;
  views: SavedView[];
  focusedId: string | null;
  selectedIds: ReadonlySet<string>;
  /** The instant risk filters and SLA cells are evaluated at; ticks once a minute. */
  now: number;
  /** The search worker has not answered for the text yet (rows are the previous text's). */
  isSearching: boolean;
  /** Why each row matched the current search text, for the rows asked for; null: no snippet. */
  snippets: ReadonlyMap<string, SearchSnippet | null>;
}

// Actions
export interface QueueActions {
  start(): Promise<void>;
  stop(): void;
  setText(text: string): void;
  setFilter(patch: Partial<QueueFilter>): void;
  /** Sorts by `key`; the same key again flips the direction. */
  sortBy(key: SortKey): void;
  applyView(id: string): void;
  saveView(name: string): void;
  deleteView(id: string): void;
  focus(id: string | null): void;
  /** Moves the focus by `delta` rows, clamped. */
  moveFocus(delta: number): void;
  toggleSelected(id: string): void;
  setSelected(ids: readonly string[]): void;
  claim(ids: readonly string[]): Promise<void>;
  release(ids: readonly string[]): Promise<void>;
  reassign(ids: readonly string[], assignee: string): Promise<void>;
  tick(now: number): void;
  /** Asks the search worker why these rows matched (rows on screen); answers land in `snippets`. */
  requestSnippets(ids: readonly string[]): void;
}

export type QueueStoreState = QueueState & QueueActions;

export interface QueueDeps {
  data: QueueData;
  views: SavedViewsRepository;
  userId: string;
  now?: () => number;
  /** Full-text search over statements, chat and the rest; without it, summaries only. */
  search?: QueueSearch;
}

/** Rows painted before the whole queue is indexed: a screenful and some scrolling. */
const FIRST_SCREEN_ROWS = 100;
/**
 * Snippets are asked for once the text has rested this long: while the agent types, each
 * keystroke's rows come first, and a snippet request per keystroke (an IndexedDB read in the
 * worker, then a re-render of every row on screen) competed with the next keystroke's rows.
 */
const SNIPPET_DELAY_MS = 150;
/** One empty map for every "no snippets yet": the same object, so the table need not re-render. */
const NO_SNIPPETS: ReadonlyMap<string, SearchSnippet | null> = new Map();

export function createQueueStore({ data, views, userId, now = Date.now, search }: QueueDeps) {
  const index = new QueueIndex();
  if (search) index.attachDocuments(search.numbers);
  let unsubscribe: (() => void) | null = null;
  let stopIndexed: (() => void) | null = null;
  /** Bumped per search text: answers for an older text are dropped. */
  let textSeq = 0;
  let rematch: ReturnType<typeof setTimeout> | null = null;
  const asked = new Set<string>();
  /** Rows on screen whose snippets are wanted once the text rests, and the timer for it. */
  const snippetsWanted = new Set<string>();
  let snippetTimer: ReturnType<typeof setTimeout> | null = null;
  const initial = BUILT_IN_VIEWS[0] as SavedView;

  const store = createStore<QueueStoreState>()((set, get) => {
    const requery = (patch: Partial<QueueState> = {}) => {
      const state = { ...get(), ...patch };
      const rows = index.query(state.filter, state.sort, { now: state.now, userId });
      set({ ...patch, rows, total: index.size, revision: get().revision + 1 });
    };

    /**
     * A warm start with the default view paints its first rows from the cache's chunk heads (in the
     * same order) before every row is read and indexed, which takes seconds at 100,000 rows.
     */
    const paintFirstScreen = async () => {
      const { filter, sort } = get();
      const isDefaultView =
        activeFilterCount(filter) === 0 &&
        filter.text === "" &&
        sort.key === DEFAULT_SORT.key &&
        sort.isDescending === DEFAULT_SORT.isDescending;
      if (!data.firstScreen || !isDefaultView) return;
      const first = await data.firstScreen(FIRST_SCREEN_ROWS);
      // A change notification may have loaded everything meanwhile: never go back to fewer rows.
      if (index.size > 0) return;
      index.reset(first.rows);
      requery({ status: "ready", error: null });
      set({ total: first.total });
    };

    /**
     * Asks the worker for the current text's matches, then re-runs the query with them. The input
     * shows the text at once; the rows follow the worker's answer (one message round trip).
     */
    const searchText = (patch: Partial<QueueState> = {}) => {
      const text = patch.filter?.text ?? get().filter.text;
      const terms = queryTerms(text);
      const seq = ++textSeq;
      asked.clear();
      snippetsWanted.clear();
      if (!search || terms.length === 0) {
        index.setTextMatch(null);
        requery({ ...patch, isSearching: false, snippets: NO_SNIPPETS });
        return;
      }
      set({ ...patch, isSearching: true, snippets: NO_SNIPPETS });
      void search.match(terms).then((match) => {
        if (!match || seq !== textSeq) return;
        index.setTextMatch(match);
        requery({ isSearching: false });
      });
    };

    const enqueueAll = async (ids: readonly string[], action: DeskAction) => {
      // One outbox entry per case, in the order selected: each is its own idempotent mutation.
      for (const id of ids) await data.enqueue(id, action);
    };

    return {
      status: "loading",
      error: null,
      rows: [],
      revision: 0,
      total: 0,
      filter: initial.filter,
      sort: initial.sort,
      activeViewId: initial.id,
      views: [...BUILT_IN_VIEWS, ...views.load(userId)],
      focusedId: null,
      selectedIds: new Set(),
      now: now(),
      isSearching: false,
      snippets: NO_SNIPPETS,

      async start() {
        unsubscribe?.();
        stopIndexed?.();
        // Newly indexed documents may match the text on screen: ask again, at most every 250 ms
        // (the initial load numbers thousands of documents per step).
        stopIndexed =
          search?.onIndexed((entries) => {
            index.documentsNumbered(entries);
            if (rematch || queryTerms(get().filter.text).length === 0) return;
            rematch = setTimeout(() => {
              rematch = null;
              searchText();
            }, 250);
          }) ?? null;
        unsubscribe = data.onCasesChanged((ids) => {
          void (async () => {
            if (ids.includes("all")) {
              index.reset(await data.allCases());
            } else {
              const rows = await data.casesByIds(ids);
              const upserts: CaseSummary[] = [];
              const deleted: string[] = [];
              rows.forEach((row, i) => {
                if (row) upserts.push(row);
                else deleted.push(ids[i] as string);
              });
              index.apply(upserts, deleted);
            }
            requery();
          })();
        });
        try {
          await paintFirstScreen();
          index.reset(await data.allCases());
          requery({ status: "ready", error: null });
        } catch (error) {
          set({ status: "error", error: error instanceof Error ? error.message : String(error) });
        }
      },

      stop() {
        unsubscribe?.();
        unsubscribe = null;
        stopIndexed?.();
        stopIndexed = null;
        if (rematch) clearTimeout(rematch);
        rematch = null;
        if (snippetTimer) clearTimeout(snippetTimer);
        snippetTimer = null;
        snippetsWanted.clear();
      },

      setText(text) {
        searchText({ filter: { ...get().filter, text }, activeViewId: null });
      },

      setFilter(patch) {
        requery({ filter: { ...get().filter, ...patch }, activeViewId: null });
      },

      sortBy(key) {
        const { sort } = get();
        const next =
          sort.key === key
            ? { key, isDescending: !sort.isDescending }
            : { key, isDescending: false };
        requery({ sort: next });
      },

      applyView(id) {
        const view = get().views.find((v) => v.id === id);
        if (!view) return;
        // The search box is the agent's current thought, not part of a view: keep it.
        searchText({
          filter: { ...view.filter, text: get().filter.text },
          sort: view.sort,
          activeViewId: id,
        });
      },

      saveView(name) {
        const trimmed = name.trim();
        if (!trimmed) return;
        const { filter, sort } = get();
        const view: SavedView = {
          id: `user-${now().toString(36)}`,
          name: trimmed,
          isBuiltIn: false,
          filter: { ...filter, text: "" },
          sort,
        };
        const next = [...get().views.filter((v) => v.isBuiltIn || v.name !== trimmed), view];
        views.save(userId, next);
        set({ views: next, activeViewId: view.id });
      },

      deleteView(id) {
        const next = get().views.filter((v) => v.isBuiltIn || v.id !== id);
        views.save(userId, next);
        set({ views: next, activeViewId: get().activeViewId === id ? null : get().activeViewId });
      },

      focus(id) {
        set({ focusedId: id });
      },

      moveFocus(delta) {
        const { rows, focusedId } = get();
        if (rows.length === 0) return;
        const currentSlot = focusedId === null ? undefined : index.slotOfId(focusedId);
        const position = currentSlot === undefined ? -1 : rows.indexOf(currentSlot);
        const target = Math.min(rows.length - 1, Math.max(0, position + delta));
        set({ focusedId: index.get(rows[target] as number)?.id ?? null });
      },

      toggleSelected(id) {
        const next = new Set(get().selectedIds);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        set({ selectedIds: next });
      },

      setSelected(ids) {
        set({ selectedIds: new Set(ids) });
      },

      claim: (ids) => enqueueAll(ids, { type: "claim", body: {} }),
      release: (ids) => enqueueAll(ids, { type: "release", body: {} }),
      reassign: (ids, assignee) => enqueueAll(ids, { type: "reassign", body: { assignee } }),

      tick(at) {
        requery({ now: at });
      },

      requestSnippets(ids) {
        if (!search || queryTerms(get().filter.text).length === 0) return;
        for (const id of ids) if (!asked.has(id)) snippetsWanted.add(id);
        if (snippetsWanted.size === 0) return;
        // Each keystroke pushes the request back: a new text clears what the old one wanted.
        if (snippetTimer) clearTimeout(snippetTimer);
        snippetTimer = setTimeout(() => {
          snippetTimer = null;
          const terms = queryTerms(get().filter.text);
          const wanted = [...snippetsWanted].filter((id) => !asked.has(id));
          snippetsWanted.clear();
          if (terms.length === 0 || wanted.length === 0) return;
          for (const id of wanted) asked.add(id);
          const seq = textSeq;
          void search.snippets(wanted, terms).then((answers) => {
            if (seq !== textSeq) return;
            const next = new Map(get().snippets);
            for (const [id, snippet] of answers) next.set(id, snippet);
            set({ snippets: next });
          });
        }, SNIPPET_DELAY_MS);
      },
    };
  });

  return Object.assign(store, { index });
}

export type QueueStore = ReturnType<typeof createQueueStore>;
