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
 * terms of a query are intersected. The vocabulary is far smaller than the text, and a term's
 * candidate tokens are never the whole vocabulary: each character keeps the list of tokens that
 * hold it, a one-character term is that list, and a longer term tests only the list of its rarest
 * character, or the shorter term's tokens when typing forward ("tho" → "thoa"). The first
 * keystroke of a query (one letter or digit, matching most tokens) used to sweep the vocabulary
 * string, which at 100,000 cases (600,000 tokens, ids and amounts mostly) took 60–150 ms.
 *
 * Documents are numbered; an update gives the case a new number and retires the old one (its
 * postings stay, masked by `live`), so an update costs what an insert does. Results are bitmaps
 * over numbers, and `caseIdOf` maps a number back to its case.
 */
export class TextIndex {
  private readonly tokenIds = new Map<string, number>();
  private readonly tokens: string[] = [];
  private readonly postings: number[][] = [];
  /** UTF-16 code unit → the ids of the tokens holding it, ascending (a token's id is its age). */
  private readonly charTokens = new Map<number, number[]>();
  /**
   * UTF-16 code unit → the numbers of the documents holding it: a one-character term (the first
   * keystroke of most queries) is this list, not the union of the postings of the hundreds of
   * thousands of tokens holding the character (a digit is in nearly every id and amount).
   */
  private readonly charDocs = new Map<number, GrowableList>();
  /** Per code unit, the last document number (+1) whose characters were listed. */
  private readonly charSeen = new Int32Array(0x10000);
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
          this.listCharacters(token, number);
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
      const documents = term.length === 1 ? this.charDocs.get(term.charCodeAt(0)) : undefined;
      if (term.length === 1) {
        if (documents)
          for (let i = 0; i < documents.length; i++) hits[documents.items[i] as number] = 1;
      } else {
        for (const token of this.tokensContaining(term)) {
          const list = this.postings[token] as number[];
          for (let i = 0; i < list.length; i++) hits[list[i] as number] = 1;
        }
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

  /** Adds document `number` to the lists of the characters of `token` it is not in yet. */
  private listCharacters(token: string, number: number) {
    const stamp = number + 1;
    for (let i = 0; i < token.length; i++) {
      const code = token.charCodeAt(i);
      if (this.charSeen[code] === stamp) continue;
      this.charSeen[code] = stamp;
      let list = this.charDocs.get(code);
      if (!list) {
        list = { items: new Int32Array(16), length: 0 };
        this.charDocs.set(code, list);
      }
      if (list.length === list.items.length) {
        const next = new Int32Array(list.items.length * 2);
        next.set(list.items);
        list.items = next;
      }
      list.items[list.length++] = number;
    }
  }

  private tokenId(token: string): number {
    let id = this.tokenIds.get(token);
    if (id === undefined) {
      id = this.tokens.length;
      this.tokenIds.set(token, id);
      this.tokens.push(token);
      this.postings.push([]);
      for (let i = 0; i < token.length; i++) {
        const code = token.charCodeAt(i);
        // Once per token and character ("ngân" holds n twice).
        if (token.indexOf(token[i] as string) !== i) continue;
        let list = this.charTokens.get(code);
        if (!list) {
          list = [];
          this.charTokens.set(code, list);
        }
        list.push(id);
      }
    }
    return id;
  }

  /** Ids of the tokens that contain `term` (read-only: may be the index's own list). */
  private tokensContaining(term: string): readonly number[] {
    // A character's list is always current: nothing to cache.
    if (term.length === 1) return this.charTokens.get(term.charCodeAt(0)) ?? NO_TOKENS;
    const count = this.tokens.length;
    const exact = this.termCache.get(term);
    if (exact?.tokenCount === count) return exact.tokens;
    // Every token containing the term holds each of its characters: the rarest one's list is a
    // superset of the answer.
    let rarest: readonly number[] | undefined;
    for (let i = 0; i < term.length && rarest !== NO_TOKENS; i++) {
      const list = this.charTokens.get(term.charCodeAt(i)) ?? NO_TOKENS;
      if (!rarest || list.length < rarest.length) rarest = list;
    }
    const candidates = rarest ?? NO_TOKENS;
    // Typing forward: a token containing "thoa" contains "tho", so its tokens are a superset too,
    // plus the tokens added since it was cached. The smaller superset is tested.
    const shorter = this.termCache.get(term.slice(0, -1)) ?? this.termCache.get(term.slice(1));
    const tokens = this.tokens;
    let found: number[];
    if (shorter && shorter.tokens.length + (count - shorter.tokenCount) < candidates.length) {
      found = shorter.tokens.filter((id) => (tokens[id] as string).includes(term));
      for (let id = shorter.tokenCount; id < count; id++)
        if ((tokens[id] as string).includes(term)) found.push(id);
    } else {
      found = [];
      for (let i = 0; i < candidates.length; i++) {
        const id = candidates[i] as number;
        if ((tokens[id] as string).includes(term)) found.push(id);
      }
    }
    if (this.termCache.size >= TERM_CACHE_SIZE) this.termCache.clear();
    this.termCache.set(term, { tokens: found, tokenCount: count });
    return found;
  }
}

const NO_TOKENS: readonly number[] = [];

/** A list of numbers in a typed array that doubles when full (4 bytes per entry, no boxing). */
interface GrowableList {
  items: Int32Array;
  length: number;
}
const TERM_CACHE_SIZE = 256;
