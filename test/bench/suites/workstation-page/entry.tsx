/**
 * The workstation bench page: the real queue and case workspace components and stores, over an
 * in-memory stand-in for the data layer holding 100,000 cached appeals (the IndexedDB side is
 * measured by the sync-cache suite). Exposes `window.workstationBench` for the suite to drive.
 */
import type { CaseDetail, CaseSummary } from "@shared/domain/appeal";
import { useState } from "react";
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { type CaseData, createCaseStore } from "../../../../renderer/src/case-workspace/case-store";
import { CaseWorkspace } from "../../../../renderer/src/case-workspace/case-workspace";
import type { CaseView } from "../../../../renderer/src/desk-data";
import {
  createEvidenceStore,
  type EvidenceData,
} from "../../../../renderer/src/evidence/evidence-store";
import { createI18n } from "../../../../renderer/src/i18n/i18n";
import { QueueScreen } from "../../../../renderer/src/queue/queue-screen";
import {
  createQueueStore,
  type QueueData,
  type QueueSearch,
} from "../../../../renderer/src/queue/queue-store";
import type { SavedViewsRepository } from "../../../../renderer/src/queue/saved-views";
import { SearchClient, type WorkerPort } from "../../../../renderer/src/search/search-client";
import { SearchDatabase } from "../../../../renderer/src/search/search-db";
import { detail } from "../../../support/case-detail";
import "../../../../renderer/src/styles.css";
import { documentOf, rows } from "./fixture";

function detailOf(s: CaseSummary): CaseDetail {
  const party = (role: "complainant" | "respondent", name: string) => ({
    role,
    side: role === "complainant" ? ("buyer" as const) : ("seller" as const),
    externalUserId: `u-${role}`,
    displayName: name,
    phone: "+84 912 345 678",
    email: "party@example.com",
    language: "vi" as const,
    statement: "Tôi đã chuyển khoản đúng số tiền nhưng người bán không mở khóa coin.",
  });
  const at = (m: number) => new Date(Date.parse(s.filedAt) + m * 60_000).toISOString();
  return detail({
    ...s,
    complainant: party("complainant", s.complainantName),
    respondent: party("respondent", s.respondentName),
    trade: {
      orderId: `ORD-${s.reference}`,
      asset: "USDT",
      assetAmount: "400",
      fiatAmount: s.amount,
      fiatCurrency: s.currency,
      price: "25400",
      paymentMethod: "Bank transfer",
      createdAt: at(-20),
      markedPaidAt: at(-10),
    },
    payment: null,
    messages: Array.from({ length: 30 }, (_, i) => ({
      id: `m${i}`,
      author: i % 2 ? ("respondent" as const) : ("complainant" as const),
      authorName: i % 2 ? s.respondentName : s.complainantName,
      to: null,
      text: i % 3 ? "Tôi đã gửi ảnh chụp màn hình giao dịch." : "协商失败，请客服介入。",
      language: i % 3 ? ("vi" as const) : ("zh" as const),
      at: at(i),
    })),
    evidence: [
      {
        id: "e1",
        uploadedBy: "complainant",
        fileName: "receipt.png",
        mimeType: "image/png",
        size: 1000,
        sha256: "a".repeat(64),
        description: "",
        uploadedAt: at(3),
      },
    ],
    timeline: [
      { id: "t1", type: "appeal_filed", at: at(0), actor: "", summary: "" },
      { id: "t2", type: "escalated", at: at(10), actor: "", summary: "" },
    ],
    computedAt: at(10),
  });
}

const all = rows(Date.now());
const byId = new Map(all.map((r) => [r.id, r]));
const details = new Map<string, CaseDetail>();
const data = {
  allCases: async () => all,
  casesByIds: async (ids: readonly string[]) => ids.map((id) => byId.get(id)),
  onCasesChanged: () => () => undefined,
  enqueue: async () => ({ seq: 1, idempotencyKey: "k" }),
  observeCase(id: string, listener: (view: CaseView | undefined) => void) {
    const summary = byId.get(id);
    if (!summary) {
      listener(undefined);
      return () => undefined;
    }
    let detail = details.get(id);
    if (!detail) {
      detail = detailOf(summary);
      details.set(id, detail);
    }
    listener({ summary, detail, queued: [], isStale: false });
    return () => undefined;
  },
  evidenceContent: async () => new Uint8Array(),
} satisfies QueueData & CaseData & EvidenceData;

const SEARCH_DB = "arbiter-search:bench";
const views: SavedViewsRepository = { load: () => [], save: () => undefined };
// The real search worker, bundled beside the page (worker-src 'self', as in the app).
const search = new SearchClient(
  () => new Worker("/search-worker.js", { type: "module" }) as unknown as WorkerPort,
);
/**
 * Where a keystroke's time goes, marked by the bench page around the store's two dependencies
 * (the worker client and the index) and the DOM (a MutationObserver sees React's commit). Reset
 * per keystroke by `typeSearch`.
 */
const marks = { matchAsked: 0, matchAnswered: 0, queryMs: 0, queryEnd: 0, committed: 0 };
const timedSearch: QueueSearch = {
  get numbers() {
    return search.numbers;
  },
  match(terms) {
    marks.matchAsked = performance.now();
    return search.match(terms).then((match) => {
      marks.matchAnswered = performance.now();
      return match;
    });
  },
  onIndexed: (listener) => search.onIndexed(listener),
  snippets: (ids, terms) => search.snippets(ids, terms),
};
const queue = createQueueStore({ data, views, userId: "u-agent1", search: timedSearch });
const untimedQuery = queue.index.query.bind(queue.index);
queue.index.query = (...args) => {
  const started = performance.now();
  const rows = untimedQuery(...args);
  marks.queryEnd = performance.now();
  marks.queryMs += marks.queryEnd - started;
  return rows;
};
new MutationObserver(() => {
  marks.committed = performance.now();
}).observe(document.getElementById("root") as HTMLElement, {
  subtree: true,
  childList: true,
  attributes: true,
  characterData: true,
});
const caseStore = createCaseStore(data);
const evidence = createEvidenceStore(data);
const i18n = createI18n("en");
let setRoute: (id: string | null) => void = () => undefined;

function Bench() {
  const [caseId, setCaseId] = useState<string | null>(null);
  setRoute = (id) => {
    if (id) caseStore.getState().open(id);
    else caseStore.getState().close();
    setCaseId(id);
  };
  return (
    <I18nextProvider i18n={i18n}>
      <div className="shell">
        <main className="content">
          {caseId ? (
            <CaseWorkspace
              store={caseStore}
              evidence={evidence}
              userId="u-agent1"
              onBack={() => setRoute(null)}
            />
          ) : (
            <QueueScreen
              store={queue}
              userId="u-agent1"
              canReassign={false}
              onOpen={(id) => setRoute(id)}
            />
          )}
        </main>
      </div>
    </I18nextProvider>
  );
}

const afterPaint = () =>
  new Promise<number>((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    }),
  );

/**
 * Whether the rows on screen are the store's current rows (right ids at the right positions), so a
 * keystroke is timed until its result is painted, not merely until some frame was (a deferred
 * render, e.g. a transition, would otherwise look free).
 */
function rowsOnScreenAreCurrent(): boolean {
  const { rows } = queue.getState();
  // Until the worker has answered for the text typed, the rows on screen are the last text's.
  if (queue.getState().isSearching) return false;
  const rendered = document.querySelectorAll<HTMLElement>(".queue-table tbody tr[data-case-id]");
  if (rows.length === 0) return rendered.length === 0;
  if (rendered.length === 0) return false;
  for (const tr of [rendered[0], rendered[rendered.length - 1]] as HTMLElement[]) {
    const position = Number(tr.getAttribute("aria-rowindex")) - 2;
    if (queue.index.get(rows[position] as number)?.id !== tr.dataset.caseId) return false;
  }
  return true;
}

/** The first paint after which the filtered rows are on screen. */
async function rowsPainted(): Promise<number> {
  for (;;) {
    const painted = await afterPaint();
    if (rowsOnScreenAreCurrent()) return painted;
  }
}

/**
 * One keystroke split in phases (ms): the input handler (React's synchronous render of the box),
 * the worker's round trip for the terms, the index query(ies), React's render and commit of the
 * rows after them, and the wait for the frame plus style, layout and paint.
 */
export interface KeystrokePhases {
  input: number;
  worker: number;
  query: number;
  render: number;
  paint: number;
}

declare global {
  interface Window {
    workstationBench: typeof api;
  }
}

const api = {
  /** Stores the 100,000 cases' search documents in IndexedDB, as the search sync would have. */
  async fillSearchDocuments() {
    const started = performance.now();
    const db = new SearchDatabase(SEARCH_DB);
    await db.documents.clear();
    for (let from = 0; from < all.length; from += 5_000) {
      await db.documents.bulkPut(
        all.slice(from, from + 5_000).map((s, i) => documentOf(s, from + i)),
      );
    }
    db.close();
    return { ms: performance.now() - started };
  },
  /**
   * Starts the queue and, at the same moment, the worker's index build from IndexedDB. Returns
   * when the queue was first usable (rows painted, input answering) and when the index was done,
   * both from the same start, plus the longest main-thread stall seen while the worker built.
   */
  async ready() {
    createRoot(document.getElementById("root") as HTMLElement).render(<Bench />);
    const started = performance.now();
    let stall = 0;
    let isBuilding = true;
    const watch = async () => {
      let last = performance.now();
      while (isBuilding) {
        const now = await new Promise<number>((r) => requestAnimationFrame(r));
        stall = Math.max(stall, now - last);
        last = now;
      }
    };
    const loaded = search.open(SEARCH_DB).then(() => performance.now() - started);
    await queue.getState().start();
    await afterPaint();
    const loadMs = performance.now() - started;
    const watching = watch();
    const indexMs = await loaded;
    isBuilding = false;
    await watching;
    return {
      loadMs,
      indexMs,
      stallMs: stall,
      documents: search.status().indexed,
      rows: queue.getState().rows.length,
    };
  },
  /** Types `text` one character at a time into the search box; ms from input to painted rows. */
  async typeSearch(text: string) {
    const input = document.querySelector<HTMLInputElement>(
      'input[type="search"]',
    ) as HTMLInputElement;
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set;
    const times: number[] = [];
    const counts: number[] = [];
    const phases: KeystrokePhases[] = [];
    for (let i = 1; i <= text.length; i++) {
      Object.assign(marks, { matchAsked: 0, matchAnswered: 0, queryMs: 0, queryEnd: 0 });
      const started = performance.now();
      marks.committed = started;
      setter?.call(input, text.slice(0, i));
      input.dispatchEvent(new Event("input", { bubbles: true }));
      const handled = performance.now();
      const painted = await rowsPainted();
      times.push(painted - started);
      counts.push(queue.getState().rows.length);
      const afterQuery = Math.max(marks.queryEnd, marks.matchAnswered, handled);
      phases.push({
        input: handled - started,
        worker: marks.matchAnswered - marks.matchAsked,
        query: marks.queryMs,
        render: Math.max(0, marks.committed - afterQuery),
        paint: painted - Math.max(marks.committed, afterQuery),
      });
    }
    return { times, counts, phases };
  },
  /** Splits a keystroke's cost: the index query alone, the React commit, then paint. */
  async profile(text: string) {
    const state = queue.getState();
    const t0 = performance.now();
    queue.index.query({ ...state.filter, text }, state.sort, {
      now: state.now,
      userId: "u-agent1",
    });
    const t1 = performance.now();
    flushSync(() => state.setText(text));
    const t2 = performance.now();
    const t3 = await afterPaint();
    flushSync(() => state.setText(""));
    await afterPaint();
    return { query: t1 - t0, queryAndCommit: t2 - t1, paint: t3 - t2 };
  },
  /** Sorts by a column (header click) and measures to paint. */
  async sortBy(label: string) {
    const button = [...document.querySelectorAll<HTMLButtonElement>(".sort-button")].find(
      (b) => b.textContent === label,
    );
    const started = performance.now();
    flushSync(() => button?.click());
    return (await afterPaint()) - started;
  },
  /** Scrolls the queue by `step` px per frame for `frames` frames; returns each frame's duration. */
  async scroll(frames: number, step: number) {
    const scroller = document.querySelector<HTMLElement>(".queue-scroll") as HTMLElement;
    const durations: number[] = [];
    let last = await new Promise<number>((r) => requestAnimationFrame(r));
    for (let i = 0; i < frames; i++) {
      scroller.scrollTop += step;
      const now = await new Promise<number>((r) => requestAnimationFrame(r));
      durations.push(now - last);
      last = now;
    }
    return durations;
  },
  /** Opens the n-th row's case from the cache; ms until the workspace is painted. Then goes back. */
  async openCase(n: number) {
    const slot = queue.getState().rows[n] as number;
    const id = queue.index.get(slot)?.id as string;
    const started = performance.now();
    flushSync(() => setRoute(id));
    const painted = await afterPaint();
    const ok =
      !!document.querySelector(".case-header") && !!document.querySelector(".party-respondent");
    flushSync(() => setRoute(null));
    await afterPaint();
    return { ms: painted - started, ok };
  },
};
window.workstationBench = api;
