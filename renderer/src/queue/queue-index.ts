import {
  AppealReason,
  CaseKind,
  CaseStage,
  CaseStatus,
  type CaseSummary,
} from "@shared/domain/appeal";
import { Currency } from "@shared/domain/money";
import { foldForSearch, matchesAll, queryTerms } from "@shared/search/fold";
import { compareReferences, slaSortKey } from "../desk-data";
import type { TextMatch } from "../search/search-client";
import type { QueueFilter, QueueSort, SortKey } from "./queue-filter";
import { type BreachRisk, type HeadlineClock, headlineClock, riskAt } from "./queue-sla";

/**
 * The queue's data path at 100,000 rows: plain TypeScript, no React, no table library.
 *
 * Each case lives in a slot; what filters and sorts read is kept column-wise in typed arrays
 * (codes for enums, epoch ms for instants, folded text for search), so a keystroke is one pass
 * over flat arrays. Every sort order is a permutation of slots built once, on first use, and then
 * kept up to date by removing and binary-inserting the few slots a sync batch changed, so a live
 * update costs O(changed × n) memory moves, not a re-sort. A query walks the chosen permutation
 * (forwards or backwards) and keeps the slots that pass the filter: already in order.
 */
export interface QueryContext {
  now: number;
  userId: string | null;
}

const STATUS_CODES = codesOf(CaseStatus.options);
const STAGE_CODES = codesOf(CaseStage.options);
const KIND_CODES = codesOf(CaseKind.options);
const REASON_CODES = codesOf(AppealReason.options);
const CURRENCY_CODES = codesOf(Currency.options);

function codesOf<T extends string>(values: readonly T[]): Map<T, number> {
  return new Map(values.map((value, index) => [value, index]));
}

/** Joins the rows' folded texts into one corpus; folding leaves no such character in a term. */
const CORPUS_SEPARATOR = "\u0001";
/** Rebuilding beats patching each permutation once a batch touches this many rows. */
const PATCH_LIMIT = 2_000;

const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

class Column<A extends Uint8Array | Float64Array> {
  constructor(
    public data: A,
    private readonly make: (size: number) => A,
  ) {}
  ensure(size: number) {
    if (size <= this.data.length) return;
    const next = this.make(Math.max(size, this.data.length * 2, 1_024));
    next.set(this.data);
    this.data = next;
  }
}
const u8 = () => new Column(new Uint8Array(0), (n) => new Uint8Array(n));
const f64 = () => new Column(new Float64Array(0), (n) => new Float64Array(n));

export class QueueIndex {
  /** Bumped on every change, so a store can tell a stale query from a fresh one. */
  version = 0;
  private readonly cases: (CaseSummary | undefined)[] = [];
  private readonly clocks: (HeadlineClock | null)[] = [];
  private readonly slotOf = new Map<string, number>();
  private readonly freeSlots: number[] = [];
  private readonly status = u8();
  private readonly stage = u8();
  private readonly kind = u8();
  private readonly reason = u8();
  private readonly currency = u8();
  private readonly amount = f64();
  private readonly filedAt = f64();
  private readonly escalatedAt = f64();
  private readonly slaKey = f64();
  private readonly summaryText: string[] = [];
  /**
   * Each slot's document number in the search worker's index (-1: none yet), and the worker's
   * latest answer for the search text. A row with a document is matched by the worker (which
   * holds its reference, names, statements, chat, notes, evidence); a row without one by its
   * summary text here.
   */
  private docNumber = new Int32Array(0);
  private documentNumbers: ReadonlyMap<string, number> | null = null;
  private textMatch: TextMatch | null = null;
  /**
   * Bumped when document numbers change: part of the narrowing key. A new match for a longer
   * text is not: its hits are a subset of the shorter text's, like the summary matches are.
   */
  private matchGeneration = 0;
  private readonly orders = new Map<SortKey, number[]>();
  private liveCount = 0;

  get size(): number {
    return this.liveCount;
  }

  get(slot: number): CaseSummary | undefined {
    return this.cases[slot];
  }

  slotOfId(id: string): number | undefined {
    return this.slotOf.get(id);
  }

  clockOf(slot: number): HeadlineClock | null {
    return this.clocks[slot] ?? null;
  }

  riskOf(slot: number, now: number): BreachRisk {
    return riskAt(this.clocks[slot] ?? null, now);
  }

  /** Replaces everything (initial fill from the cache). */
  reset(rows: readonly CaseSummary[]): void {
    this.cases.length = 0;
    this.clocks.length = 0;
    this.summaryText.length = 0;
    this.slotOf.clear();
    this.freeSlots.length = 0;
    this.orders.clear();
    this.liveCount = 0;
    this.ensure(rows.length);
    for (const row of rows) this.write(row);
    this.version++;
    // A full load already walks every row; building the search corpus here too keeps the
    // agent's first keystroke from paying for it (it is the single slowest step of a search).
    this.ensureCorpus();
  }

  /** Applies a batch of changed cases and deleted ids, keeping built sort orders current. */
  apply(upserts: readonly CaseSummary[], deletedIds: readonly string[] = []): void {
    if (upserts.length === 0 && deletedIds.length === 0) return;
    const touched = new Set<number>();
    for (const id of deletedIds) {
      const slot = this.slotOf.get(id);
      if (slot === undefined) continue;
      touched.add(slot);
      this.slotOf.delete(id);
      this.cases[slot] = undefined;
      this.clocks[slot] = null;
      this.docNumber[slot] = -1;
      this.freeSlots.push(slot);
      this.liveCount--;
    }
    this.ensure(this.cases.length + upserts.length);
    for (const row of upserts) touched.add(this.write(row));
    if (touched.size > PATCH_LIMIT) this.orders.clear();
    else for (const [key, order] of this.orders) this.patch(key, order, touched);
    this.version++;
  }

  /** Links the rows to the search worker's document numbers (a live map the client keeps). */
  attachDocuments(numbers: ReadonlyMap<string, number>): void {
    this.documentNumbers = numbers;
    for (const [id, slot] of this.slotOf) this.docNumber[slot] = numbers.get(id) ?? -1;
    this.matchGeneration++;
  }

  /** Documents the worker just numbered (new, or a new version of a case). */
  documentsNumbered(entries: readonly (readonly [string, number])[]): void {
    for (const [id, number] of entries) {
      const slot = this.slotOf.get(id);
      if (slot !== undefined) this.docNumber[slot] = number;
    }
    if (entries.length) this.matchGeneration++;
  }

  /** The worker's answer for the current search terms (null: none). */
  setTextMatch(match: TextMatch | null): void {
    // From summaries alone to the worker's answer (or back): earlier results do not narrow.
    if ((match === null) !== (this.textMatch === null)) this.matchGeneration++;
    this.textMatch = match;
  }

  /**
   * The slots that pass `filter`, in `sort` order.
   *
   * Typing forward narrows: when only the search text changed since the last query and every
   * previous term is contained in a new term, the new matches are a subset of the previous ones
   * in the same order, so only those are tested (each keystroke scans fewer rows than the last).
   */
  query(filter: QueueFilter, sort: QueueSort, context: QueryContext): number[] {
    const terms = queryTerms(filter.text);
    const key = JSON.stringify([
      { ...filter, text: "" },
      sort,
      context,
      this.version,
      this.matchGeneration,
    ]);
    const last = this.lastQuery;
    if (
      last &&
      last.key === key &&
      last.terms.length > 0 &&
      last.terms.every((old) => terms.some((term) => term.includes(old)))
    ) {
      // A term typed before and unchanged ("ap" in "ap 01" → "ap 012") holds for every candidate
      // already: test only the terms that grew.
      const grown = terms.filter((term) => !last.terms.includes(term));
      const test = this.textCheck(grown, last.result.length, terms);
      const result = test ? last.result.filter(test) : last.result;
      this.lastQuery = { key, terms, result };
      return result;
    }
    const result = this.scan(filter, sort, context);
    this.lastQuery = { key, terms, result };
    return result;
  }

  private lastQuery: { key: string; terms: string[]; result: number[] } | null = null;

  private scan(filter: QueueFilter, sort: QueueSort, context: QueryContext): number[] {
    const order = this.order(sort.key);
    const test = this.compile(filter, context);
    const result: number[] = [];
    if (sort.isDescending) {
      for (let i = order.length - 1; i >= 0; i--) {
        const slot = order[i] as number;
        if (test(slot)) result.push(slot);
      }
    } else {
      for (const slot of order) if (test(slot)) result.push(slot);
    }
    return result;
  }

  private ensure(size: number) {
    for (const column of [this.status, this.stage, this.kind, this.reason, this.currency]) {
      column.ensure(size);
    }
    if (size > this.docNumber.length) {
      const next = new Int32Array(Math.max(size, this.docNumber.length * 2, 1_024)).fill(-1);
      next.set(this.docNumber);
      this.docNumber = next;
    }
    for (const column of [this.amount, this.filedAt, this.escalatedAt, this.slaKey]) {
      column.ensure(size);
    }
  }

  private write(row: CaseSummary): number {
    let slot = this.slotOf.get(row.id);
    if (slot === undefined) {
      slot = this.freeSlots.pop() ?? this.cases.length;
      this.slotOf.set(row.id, slot);
      this.liveCount++;
    }
    this.cases[slot] = row;
    this.docNumber[slot] = this.documentNumbers?.get(row.id) ?? -1;
    const clock = headlineClock(row);
    this.clocks[slot] = clock;
    this.status.data[slot] = STATUS_CODES.get(row.status) ?? 0;
    this.stage.data[slot] = STAGE_CODES.get(row.stage) ?? 0;
    this.kind.data[slot] = KIND_CODES.get(row.kind) ?? 0;
    this.reason.data[slot] = REASON_CODES.get(row.reason) ?? 0;
    this.currency.data[slot] = CURRENCY_CODES.get(row.currency) ?? 0;
    this.amount.data[slot] = Number(row.amount);
    this.filedAt.data[slot] = Date.parse(row.filedAt);
    this.escalatedAt.data[slot] = row.escalatedAt ? Date.parse(row.escalatedAt) : Infinity;
    // The same key the cache orders its chunk heads by, so the first screen is the same either way.
    this.slaKey.data[slot] = slaSortKey(row);
    this.summaryText[slot] = foldForSearch(
      `${row.reference} ${row.complainantName} ${row.respondentName}`,
    );
    return slot;
  }

  private comparator(key: SortKey): (a: number, b: number) => number {
    const cases = this.cases as CaseSummary[];
    const byReference = (a: number, b: number) =>
      compareReferences((cases[a] as CaseSummary).reference, (cases[b] as CaseSummary).reference);
    const byNumber = (column: Float64Array) => (a: number, b: number) =>
      (column[a] as number) - (column[b] as number) || byReference(a, b);
    const byCode = (column: Uint8Array) => (a: number, b: number) =>
      (column[a] as number) - (column[b] as number) || byReference(a, b);
    switch (key) {
      case "sla":
        return byNumber(this.slaKey.data);
      case "reference":
        return byReference;
      case "amount":
        return byNumber(this.amount.data);
      case "escalatedAt":
        return byNumber(this.escalatedAt.data);
      case "kind":
        return byCode(this.kind.data);
      case "reason":
        return byCode(this.reason.data);
      case "status":
        return byCode(this.status.data);
      case "parties":
        return (a, b) =>
          collator.compare(
            (cases[a] as CaseSummary).complainantName,
            (cases[b] as CaseSummary).complainantName,
          ) || byReference(a, b);
      case "assignee":
        return (a, b) => {
          const x = (cases[a] as CaseSummary).assigneeId ?? "";
          const y = (cases[b] as CaseSummary).assigneeId ?? "";
          return (x < y ? -1 : x > y ? 1 : 0) || byReference(a, b);
        };
    }
  }

  private order(key: SortKey): number[] {
    let order = this.orders.get(key);
    if (!order) {
      order = [];
      for (let slot = 0; slot < this.cases.length; slot++) if (this.cases[slot]) order.push(slot);
      order.sort(this.comparator(key));
      this.orders.set(key, order);
    }
    return order;
  }

  private patch(key: SortKey, order: number[], touched: ReadonlySet<number>) {
    let kept = 0;
    for (const slot of order) if (!touched.has(slot)) order[kept++] = slot;
    order.length = kept;
    const compare = this.comparator(key);
    for (const slot of touched) {
      if (!this.cases[slot]) continue;
      let low = 0;
      let high = order.length;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if (compare(order[mid] as number, slot) < 0) low = mid + 1;
        else high = mid;
      }
      order.splice(low, 0, slot);
    }
  }

  /**
   * The search-text test. Few candidates (narrowing while typing): a substring test per row.
   * Otherwise one native `indexOf` sweep per term over the whole corpus (every row's folded text
   * joined by a separator no term contains), each hit mapped to its row and the sweep resumed at
   * the next row: far cheaper than 100,000 separate `includes` calls, and the result is a bitmap
   * the scan reads in O(1) per row.
   *
   * When the worker has answered for `allTerms`, a row with a document takes the worker's word
   * (its document holds the summary's text and everything else); only rows without a document
   * are tested here. `terms` may be fewer than `allTerms` when narrowing: the candidates already
   * hold the others.
   */
  private textCheck(
    terms: readonly string[],
    candidates = Infinity,
    allTerms: readonly string[] = terms,
  ): ((slot: number) => boolean) | null {
    if (!allTerms.length) return null;
    const text = this.summaryText;
    let summary: ((slot: number) => boolean) | null = null;
    if (terms.length === 0) summary = () => true;
    else if (candidates < 5_000) summary = (slot) => matchesAll(text[slot] as string, terms);
    const match = this.textMatch;
    const isCurrent =
      match !== null &&
      match.terms.length === allTerms.length &&
      match.terms.every((term, i) => term === allTerms[i]);
    if (!isCurrent) {
      if (summary) return summary;
      const hits = this.corpusHits(terms);
      return (slot) => hits[slot] === 1;
    }
    const { hits: documentHits } = match;
    const numbers = this.docNumber;
    // Rows without a document are few once the index is loaded: test those one by one.
    const bySummary = summary ?? ((slot: number) => matchesAll(text[slot] as string, terms));
    return (slot) => {
      const number = numbers[slot] as number;
      if (number >= 0 && number < documentHits.length) return documentHits[number] === 1;
      return bySummary(slot);
    };
  }

  private corpus: { text: string; starts: Int32Array; slots: Int32Array; version: number } | null =
    null;

  private ensureCorpus(): NonNullable<QueueIndex["corpus"]> {
    if (this.corpus?.version !== this.version) {
      const parts: string[] = [];
      const starts: number[] = [];
      const slots: number[] = [];
      let position = 0;
      for (let slot = 0; slot < this.cases.length; slot++) {
        if (!this.cases[slot]) continue;
        const part = this.summaryText[slot] as string;
        starts.push(position);
        slots.push(slot);
        parts.push(part);
        position += part.length + 1;
      }
      this.corpus = {
        text: parts.join(CORPUS_SEPARATOR),
        starts: Int32Array.from(starts),
        slots: Int32Array.from(slots),
        version: this.version,
      };
    }
    return this.corpus;
  }

  private corpusHits(terms: readonly string[]): Uint8Array {
    const { text, starts, slots } = this.ensureCorpus();
    let all: Uint8Array | null = null;
    for (const term of terms) {
      const hits = new Uint8Array(this.cases.length);
      // Hits come in increasing position, so the row pointer only moves forward: one pass over
      // the row starts in all, however many hits.
      let row = 0;
      let at = text.indexOf(term);
      while (at !== -1) {
        while (row + 1 < starts.length && (starts[row + 1] as number) <= at) row++;
        hits[slots[row] as number] = 1;
        const next = row + 1 < starts.length ? (starts[row + 1] as number) : text.length;
        at = text.indexOf(term, next);
      }
      if (all)
        for (let i = 0; i < all.length; i++) all[i] = (all[i] as number) & (hits[i] as number);
      else all = hits;
    }
    return all ?? new Uint8Array(this.cases.length);
  }

  private compile(filter: QueueFilter, { now, userId }: QueryContext): (slot: number) => boolean {
    const checks: ((slot: number) => boolean)[] = [];
    const lookup = <T extends string>(
      values: readonly T[],
      codes: Map<T, number>,
      column: Uint8Array,
    ) => {
      if (values.length === 0) return;
      const allowed = new Uint8Array(256);
      for (const value of values) allowed[codes.get(value) ?? 255] = 1;
      checks.push((slot) => allowed[column[slot] as number] === 1);
    };
    lookup(filter.statuses, STATUS_CODES, this.status.data);
    lookup(filter.stages, STAGE_CODES, this.stage.data);
    lookup(filter.kinds, KIND_CODES, this.kind.data);
    lookup(filter.reasons, REASON_CODES, this.reason.data);
    lookup(filter.currencies, CURRENCY_CODES, this.currency.data);

    const cases = this.cases as CaseSummary[];
    if (filter.assignee === "unassigned") {
      checks.push((slot) => (cases[slot] as CaseSummary).assigneeId === null);
    } else if (filter.assignee === "mine") {
      checks.push((slot) => (cases[slot] as CaseSummary).assigneeId === userId);
    }

    if (filter.needsSupervisor) {
      checks.push((slot) => (cases[slot] as CaseSummary).needsSupervisor);
    }

    const amount = this.amount.data;
    const min = parseBound(filter.amountMin);
    const max = parseBound(filter.amountMax);
    if (min !== null) checks.push((slot) => (amount[slot] as number) >= min);
    if (max !== null) checks.push((slot) => (amount[slot] as number) <= max);

    const filed = this.filedAt.data;
    const from = localDay(filter.filedFrom, 0);
    const to = localDay(filter.filedTo, 1);
    if (from !== null) checks.push((slot) => (filed[slot] as number) >= from);
    if (to !== null) checks.push((slot) => (filed[slot] as number) < to);

    if (filter.risks.length) {
      const risks = new Set(filter.risks);
      const endOfToday = localDay(isoDay(new Date(now)), 1) ?? now;
      checks.push((slot) => {
        const risk = riskAt(this.clocks[slot] ?? null, now);
        if (risk === "none") return false;
        if (risks.has(risk as Exclude<BreachRisk, "none">)) return true;
        if (!risks.has("due_today")) return false;
        const clock = this.clocks[slot];
        return !!clock && !clock.isPaused && clock.dueAt < endOfToday;
      });
    }

    const textCheck = this.textCheck(queryTerms(filter.text));
    if (textCheck) checks.push(textCheck);

    // Called once per row of the sort order (100,000 times a scan): the common one- and
    // two-check cases get a direct function, not a loop, which matters most before the JIT has
    // optimised it (the agent's first keystrokes).
    const [first, second] = checks;
    if (!first) return () => true;
    if (checks.length === 1) return first;
    if (checks.length === 2 && second) return (slot) => first(slot) && second(slot);
    return (slot) => {
      for (let i = 0; i < checks.length; i++)
        if (!(checks[i] as (s: number) => boolean)(slot)) return false;
      return true;
    };
  }
}

function parseBound(value: string): number | null {
  const trimmed = value.trim();
  if (!trimmed) return null;
  const number = Number(trimmed.replace(/[\s,_]/g, ""));
  return Number.isFinite(number) ? number : null;
}

/** Local midnight of `YYYY-MM-DD`, plus `plusDays` days; null when empty or malformed. */
function localDay(value: string, plusDays: number): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + plusDays).getTime();
}

export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
