import HK_VARIANTS_REV from "opencc-js/dict/HKVariantsRev";
import TS_CHARACTERS from "opencc-js/dict/TSCharacters";
import TW_VARIANTS_REV from "opencc-js/dict/TWVariantsRev";

/**
 * The one text folding of search, used by the desk's index, its queries and the server's search
 * alike, so a query matches the same text wherever it runs:
 * - NFKC, so full-width Latin and half-width kana become their ordinary forms;
 * - NFD with the combining marks dropped, so "thỏa thuận" and "thoa thuan" meet, and đ/Đ (a
 *   letter of its own in Unicode, not a d with a mark) folded to d by hand;
 * - Traditional Chinese characters to Simplified (OpenCC's character table, after its Taiwan and
 *   Hong Kong variant tables), so 協商 finds 协商 and 退款 finds 退款 in either script;
 * - lower case; every run of non-letters/digits becomes one space, none at either end.
 *
 * Folding works one code point at a time, which is what lets `foldWithOffsets` map every folded
 * character back to the original text (for highlighted snippets). Characters are folded alone,
 * so a combining mark written apart from its letter is simply dropped: the same result as the
 * whole-string NFD would give, without splitting the word.
 */
const COMBINING_MARKS = /\p{M}+/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Han, kana, hangul: scripts written without spaces between words. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;

/** A character's folded form: "" for a separator, null for a lone combining mark. */
const folded = new Map<string, string | null>();

function parsePairs(dictionary: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const entry of dictionary.split("|")) {
    const [from, to] = entry.split(" ");
    // Only one-character entries: phrase entries would change lengths, and search needs none.
    if (from && to && [...from].length === 1 && [...to].length === 1) pairs.push([from, to]);
  }
  return pairs;
}

const TRADITIONAL_TO_SIMPLIFIED = (() => {
  const characters = new Map(parsePairs(TS_CHARACTERS));
  const table = new Map(characters);
  // A regional variant first becomes the standard traditional form, then that form simplified.
  for (const [variant, standard] of [
    ...parsePairs(TW_VARIANTS_REV),
    ...parsePairs(HK_VARIANTS_REV),
  ]) {
    table.set(variant, characters.get(standard) ?? standard);
  }
  return table;
})();

function foldCharacter(character: string): string | null {
  const code = character.charCodeAt(0);
  if (code < 128) {
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) return character;
    if (code >= 65 && code <= 90) return String.fromCharCode(code + 32);
    return "";
  }
  const known = folded.get(character);
  if (known !== undefined) return known;
  // A mark written apart from its letter (decomposed input) belongs to that letter: drop it
  // without splitting the word.
  if (/^\p{M}+$/u.test(character)) {
    folded.set(character, null);
    return null;
  }
  let result = "";
  for (const piece of character.normalize("NFKC")) {
    const simplified = TRADITIONAL_TO_SIMPLIFIED.get(piece) ?? piece;
    const bare = simplified
      .normalize("NFD")
      .replace(COMBINING_MARKS, "")
      .replace(/đ/g, "d")
      .replace(/Đ/g, "D")
      .toLowerCase();
    for (const part of bare) if (LETTER_OR_DIGIT.test(part)) result += part;
    // NFKC may expand one character into letters and separators ("㈱" → "(株)"): keep letters.
  }
  folded.set(character, result);
  return result;
}

/** The folded text. */
export function foldForSearch(text: string): string {
  return foldWithOffsets(text, false).text;
}

export interface FoldedText {
  text: string;
  /**
   * `origin[i]` is the index in the original text (UTF-16) of the character that produced
   * folded character i; `origin[text.length]` is the original's length. Empty when not asked for.
   */
  origin: Int32Array;
}

/** Folds `text`, and with `withOrigin` keeps where each folded character came from. */
export function foldWithOffsets(text: string, withOrigin = true): FoldedText {
  let out = "";
  const origin: number[] = [];
  let pendingSpace = false;
  let at = 0;
  for (const character of text) {
    const piece = foldCharacter(character);
    if (piece === null) {
      // Nothing to add; the folded letter before it already maps here.
    } else if (piece === "") {
      pendingSpace = out.length > 0;
    } else {
      if (pendingSpace) {
        out += " ";
        if (withOrigin) origin.push(at);
        pendingSpace = false;
      }
      out += piece;
      if (withOrigin) for (let i = 0; i < piece.length; i++) origin.push(at);
    }
    at += character.length;
  }
  if (withOrigin) origin.push(text.length);
  return { text: out, origin: withOrigin ? Int32Array.from(origin) : new Int32Array(0) };
}

/**
 * The terms of a query, each of which must occur in a document (AND).
 * A Latin word is one term, matched as a substring of the folded text (so "thoa" finds
 * "thỏa thuận", "AP-0001" finds "AP-000123" and "4567" the phone number ending in it). A CJK run
 * has no word boundaries to split on, so it becomes overlapping bigrams ("协商失败" → 协商, 商失,
 * 失败): the standard CJK tokenisation, which finds the phrase whatever segmentation the writer
 * had in mind. A single CJK character stays a term of its own.
 */
export function queryTerms(query: string): string[] {
  const text = foldForSearch(query);
  if (!text) return [];
  const terms = new Set<string>();
  for (const word of text.split(" ")) {
    for (const term of wordTerms(word)) terms.add(term);
  }
  return [...terms];
}

/**
 * The tokens of one folded word as an index stores them: a Latin/digit word whole, a CJK run as
 * its bigrams (a lone CJK character as itself). A query's terms are found among these tokens.
 */
export function wordTerms(word: string): string[] {
  if (!CJK.test(word)) return [word];
  // A word may mix scripts ("usdt转账"): Latin parts stay whole, CJK runs become bigrams.
  const terms: string[] = [];
  let last = 0;
  for (const match of word.matchAll(CJK_RUN)) {
    const index = match.index ?? 0;
    if (index > last) terms.push(word.slice(last, index));
    const run = [...match[0]];
    if (run.length === 1) terms.push(run[0] as string);
    for (let i = 0; i + 1 < run.length; i++) terms.push(`${run[i]}${run[i + 1]}`);
    last = index + match[0].length;
  }
  if (last < word.length) terms.push(word.slice(last));
  return terms;
}

/** Whether a folded document contains every term. */
export function matchesAll(foldedDocument: string, terms: readonly string[]): boolean {
  for (const term of terms) if (!foldedDocument.includes(term)) return false;
  return true;
}
