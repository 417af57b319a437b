import { queryTerms } from "@shared/search/fold";
import { describe, expect, test } from "vitest";
import { DEFAULT_SORT, EMPTY_FILTER } from "../../../../renderer/src/queue/queue-filter";
import { QueueIndex } from "../../../../renderer/src/queue/queue-index";
import { TextIndex } from "../../../../renderer/src/search/text-index";
import { summary } from "../../../support/case-detail";

const NOW = Date.parse("2026-03-04T03:00:00.000Z");
const ctx = { now: NOW, userId: "agent-1" };
const refs = (index: QueueIndex, slots: number[]) => slots.map((s) => index.get(s)?.id);

function build() {
  const index = new QueueIndex();
  index.reset([
    summary({ id: "c1", dueAt: "2026-03-20T02:00:00.000Z", amount: "500" }),
    summary({ id: "c2", dueAt: "2026-03-03T02:00:00.000Z", amount: "9000", assigneeId: "agent-1" }),
    summary({
      id: "c3",
      status: "awaiting_evidence",
      dueAt: null,
      amount: "12.5",
      currency: "USDT",
    }),
    summary({
      id: "c4",
      status: "closed",
      dueAt: null,
      complainantName: "王伟",
      respondentName: "李娜",
    }),
    summary({ id: "c5", dueAt: "2026-03-10T02:00:00.000Z", complainantName: "Lê Thỏa" }),
  ]);
  return index;
}

describe("QueueIndex", () => {
  test("default order is most urgent SLA first: running by due, then paused, then none", () => {
    const index = build();
    expect(refs(index, index.query(EMPTY_FILTER, DEFAULT_SORT, ctx))).toEqual([
      "c2",
      "c5",
      "c1",
      "c3",
      "c4",
    ]);
  });

  test("sorts by any column, both ways", () => {
    const index = build();
    const byAmount = index.query(EMPTY_FILTER, { key: "amount", isDescending: true }, ctx);
    expect(refs(index, byAmount).slice(0, 3)).toEqual(["c5", "c4", "c2"]);
    const byRef = index.query(EMPTY_FILTER, { key: "reference", isDescending: false }, ctx);
    expect(refs(index, byRef)).toEqual(["c1", "c2", "c3", "c4", "c5"]);
  });

  test("filters combine: assignee, currency, amount, risk, text", () => {
    const index = build();
    const q = (filter: Partial<typeof EMPTY_FILTER>) =>
      refs(index, index.query({ ...EMPTY_FILTER, ...filter }, DEFAULT_SORT, ctx));
    expect(q({ assignee: "mine" })).toEqual(["c2"]);
    expect(q({ assignee: "unassigned", statuses: ["escalated"] })).toEqual(["c5", "c1"]);
    expect(q({ currencies: ["USDT"] })).toEqual(["c3"]);
    expect(q({ amountMin: "600", amountMax: "1000000" })).toEqual(["c2", "c5", "c4"]);
    expect(q({ risks: ["breached"] })).toEqual(["c2"]);
    expect(q({ risks: ["paused"] })).toEqual(["c3"]);
    expect(q({ text: "thoa" })).toEqual(["c5"]);
    expect(q({ text: "王伟" })).toEqual(["c4"]);
    expect(q({ filedFrom: "2026-03-02", filedTo: "2026-03-02" })).toHaveLength(5);
    expect(q({ filedFrom: "2026-03-03" })).toEqual([]);
  });

  test("statements and chat are searched through the worker's documents", () => {
    const index = build();
    const documents = new TextIndex();
    const numbers = new Map<string, number>();
    const number = documents.upsert({
      caseId: "c1",
      version: 1,
      pieces: [{ field: "chat", text: "Hai bên đã thỏa thuận" }],
    });
    numbers.set("c1", number as number);
    index.attachDocuments(numbers);
    const search = (text: string) => {
      const terms = queryTerms(text);
      index.setTextMatch({ terms, hits: documents.match(terms) ?? new Uint8Array(0) });
      return refs(index, index.query({ ...EMPTY_FILTER, text }, DEFAULT_SORT, ctx));
    };
    expect(search("thoa thuan")).toEqual(["c1"]);
    // c1's document lacks "le": the worker's word stands for c1; rows without one use summaries.
    expect(search("le")).toEqual(["c5"]);
    // Typing forward with the worker's answers narrows and equals a fresh query.
    const typed = ["t", "th", "tho", "thoa", "thoa t", "thoa th"].map(search).at(-1);
    index.setTextMatch(null);
    index.query({ ...EMPTY_FILTER, text: "" }, DEFAULT_SORT, ctx);
    // c1 by its chat, c5 by its summary (no document): the same as a query typed at once.
    expect(typed).toEqual(search("thoa th"));
    expect(typed).toEqual(["c5", "c1"]);
    // Without a current answer from the worker, summaries alone decide.
    index.setTextMatch(null);
    expect(
      refs(index, index.query({ ...EMPTY_FILTER, text: "thoa thuan" }, DEFAULT_SORT, ctx)),
    ).toEqual([]);
  });

  test("typing forward narrows the previous result and equals a fresh query", () => {
    const index = build();
    const q = (text: string) => index.query({ ...EMPTY_FILTER, text }, DEFAULT_SORT, ctx);
    const typed = ["l", "le", "le ", "le t", "le th", "le tho"].map(q).at(-1);
    const fresh = build().query({ ...EMPTY_FILTER, text: "le tho" }, DEFAULT_SORT, ctx);
    expect(refs(index, typed ?? [])).toEqual(refs(index, fresh));
    expect(refs(index, q("l"))).toEqual(["c5"]);
    expect(refs(index, q("an"))).toEqual(["c2", "c5", "c1", "c3"]);
  });

  test("live updates keep every built order correct without a rebuild", () => {
    const index = build();
    index.query(EMPTY_FILTER, DEFAULT_SORT, ctx);
    index.query(EMPTY_FILTER, { key: "amount", isDescending: false }, ctx);
    index.apply(
      [
        summary({ id: "c1", dueAt: "2026-03-01T02:00:00.000Z", amount: "1" }),
        summary({ id: "c6", dueAt: "2026-03-15T02:00:00.000Z", amount: "7" }),
      ],
      ["c2"],
    );
    expect(refs(index, index.query(EMPTY_FILTER, DEFAULT_SORT, ctx))).toEqual([
      "c1",
      "c5",
      "c6",
      "c3",
      "c4",
    ]);
    const byAmount = index.query(EMPTY_FILTER, { key: "amount", isDescending: false }, ctx);
    expect(refs(index, byAmount)).toEqual(["c1", "c6", "c3", "c4", "c5"]);
    expect(index.size).toBe(5);
  });

  test("100,000 rows: a filtered, sorted query finds every match (its speed is measured in npm run bench)", () => {
    const index = new QueueIndex();
    const rows = Array.from({ length: 100_000 }, (_, i) =>
      summary({
        id: `c${i + 1}`,
        amount: String((i * 7919) % 100_000),
        dueAt: new Date(NOW + ((i * 104729) % 2_000_000_000) - 1e9).toISOString(),
        assigneeId: i % 3 === 0 ? "agent-1" : null,
        complainantName: i % 10 === 0 ? "Phạm Thỏa" : "Nguyễn Văn An",
      }),
    );
    index.reset(rows);
    index.query(EMPTY_FILTER, DEFAULT_SORT, ctx);
    const found = index.query(
      { ...EMPTY_FILTER, text: "thoa", assignee: "unassigned" },
      DEFAULT_SORT,
      ctx,
    );
    expect(found.length).toBeGreaterThan(5_000);
  }, 60_000);
});
