import type { SearchDocument } from "@shared/search/document";
import { foldForSearch, wordTerms } from "@shared/search/fold";

/**
 * The desk's full-text index over everything an agent reads on a case (the documents of
 * `POST /search/documents`), plain TypeScript so it runs in the search worker and in tests alike.
 *
 * An inverted index on tokens: a document's folded text is split into tokens (Latin words whole,
 * CJK runs into bigrams, `shared/search/fold`), each distinct token gets an id and a posting list
 * of the documents holding it. A query term is looked up in the vocabulary, not in the documents:
 * every token *containing* the term matches (so "thoa" finds "thoa", "0123" finds "000123" and a
 * single 款 every bigram with it), and the documents are the union of those tokens' postings; the
 * terms of a query are intersected. The vocabulary is far smaller than the text, so a keystroke
 * scans it, not the text; typing forward ("tho" → "thoa") only re-tests the shorter term's tokens.
 *
 * Documents are numbered; an update gives the case a new number and retires the old one (its
 * postings stay, masked by `live`), so an update costs what an insert does. Results are bitmaps
 * over numbers, and `caseIdOf` maps a number back to its case.
 */
export class TextIndex {
  private readonly tokenIds = new Map<string, number>();
  private readonly tokens: string[] = [];
  private readonly postings: number[][] = [];
  /** Every token joined by VOCABULARY_SEPARATOR, and where each starts: one indexOf sweep. */
  private vocabulary = "";
  private readonly tokenStarts: number[] = [];
  private readonly caseIds: string[] = [];
  private readonly versions: number[] = [];
  private live = new Uint8Array(1_024);
  private readonly numberOf = new Map<string, number>();
  /** Tokens containing a term, as of `tokenCount` tokens (later ones are checked on reuse). */
  private readonly termCache = new Map<string, { tokens: number[]; tokenCount: number }>();

  get size(): number {
    return this.numberOf.size;
  }

  /** How many numbers were ever handed out: the length of a result bitmap. */
  get capacity(): number {
    return this.caseIds.length;
  }

  caseIdOf(number: number): string | undefined {
    return this.caseIds[number];
  }

  numberOfCase(caseId: string): number | undefined {
    return this.numberOf.get(caseId);
  }

  versionOf(caseId: string): number | undefined {
    const number = this.numberOf.get(caseId);
    return number === undefined ? undefined : this.versions[number];
  }

  /**
   * Indexes `doc`, replacing an older version of the same case. Returns its number, or null when
   * the index already holds this version or a newer one.
   */
  upsert(doc: SearchDocument): number | null {
    const previous = this.numberOf.get(doc.caseId);
    if (previous !== undefined && (this.versions[previous] as number) >= doc.version) return null;
    if (previous !== undefined) this.live[previous] = 0;
    const number = this.caseIds.length;
    this.caseIds.push(doc.caseId);
    this.versions.push(doc.version);
    if (number >= this.live.length) {
      const next = new Uint8Array(this.live.length * 2);
      next.set(this.live);
      this.live = next;
    }
    this.live[number] = 1;
    this.numberOf.set(doc.caseId, number);
    const seen = new Set<number>();
    for (const piece of doc.pieces) {
      const text = foldForSearch(piece.text);
      if (!text) continue;
      for (const word of text.split(" ")) {
        for (const token of wordTerms(word)) {
          const id = this.tokenId(token);
          if (seen.has(id)) continue;
          seen.add(id);
          (this.postings[id] as number[]).push(number);
        }
      }
    }
    return number;
  }

  remove(caseId: string): void {
    const number = this.numberOf.get(caseId);
    if (number === undefined) return;
    this.live[number] = 0;
    this.numberOf.delete(caseId);
  }

  /**
   * The live documents holding every term, as a bitmap over numbers (`capacity` long); null for
   * no terms. Terms are folded query terms (`queryTerms`).
   */
  match(terms: readonly string[]): Uint8Array | null {
    if (terms.length === 0) return null;
    let result: Uint8Array | null = null;
    // The longest term first: usually the rarest, so the others only narrow it.
    for (const term of [...terms].sort((a, b) => b.length - a.length)) {
      const hits = new Uint8Array(this.caseIds.length);
      for (const token of this.tokensContaining(term)) {
        const list = this.postings[token] as number[];
        for (let i = 0; i < list.length; i++) hits[list[i] as number] = 1;
      }
      if (result)
        for (let i = 0; i < result.length; i++)
          result[i] = (result[i] as number) & (hits[i] as number);
      else result = hits;
    }
    const out = result as Uint8Array;
    for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) & (this.live[i] as number);
    return out;
  }

  private tokenId(token: string): number {
    let id = this.tokenIds.get(token);
    if (id === undefined) {
      id = this.tokens.length;
      this.tokenIds.set(token, id);
      this.tokens.push(token);
      this.postings.push([]);
      this.tokenStarts.push(this.vocabulary.length + 1);
      this.vocabulary += `${VOCABULARY_SEPARATOR}${token}`;
    }
    return id;
  }

  /** Ids of the tokens that contain `term`. */
  private tokensContaining(term: string): number[] {
    const count = this.tokens.length;
    const exact = this.termCache.get(term);
    if (exact?.tokenCount === count) return exact.tokens;
    let found: number[];
    // Typing forward: a token containing "thoa" contains "tho", so test only those.
    const shorter = this.termCache.get(term.slice(0, -1)) ?? this.termCache.get(term.slice(1));
    if (shorter && term.length > 1) {
      found = shorter.tokens.filter((id) => (this.tokens[id] as string).includes(term));
      for (let id = shorter.tokenCount; id < count; id++)
        if ((this.tokens[id] as string).includes(term)) found.push(id);
    } else {
      found = [];
      let at = this.vocabulary.indexOf(term);
      while (at !== -1) {
        const token = this.tokenAt(at);
        found.push(token);
        const next = this.tokenStarts[token + 1];
        if (next === undefined) break;
        at = this.vocabulary.indexOf(term, next);
      }
    }
    if (this.termCache.size >= TERM_CACHE_SIZE) this.termCache.clear();
    this.termCache.set(term, { tokens: found, tokenCount: count });
    return found;
  }

  /** The token whose text covers vocabulary position `at` (binary search on the starts). */
  private tokenAt(at: number): number {
    let low = 0;
    let high = this.tokenStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if ((this.tokenStarts[mid] as number) <= at) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}

/** Folding leaves no control character in a token, so this never occurs inside one. */
const VOCABULARY_SEPARATOR = "\u0001";
const TERM_CACHE_SIZE = 256;
