/**
 * Text folding for the desk's full-text search, the same on both sides of a comparison:
 * - NFKC first, so full-width Latin and half-width kana become their ordinary forms;
 * - then NFD with the combining marks dropped, so "thỏa thuận" and "thoa thuan" meet, and
 *   đ/Đ (a letter of its own in Unicode, not a d with a mark) folded to d by hand;
 * - lower case; every run of non-letters/digits becomes one space.
 * Chinese, Japanese and Korean keep their characters: they carry no marks to fold.
 */
const COMBINING_MARKS = /\p{M}+/gu;
const SEPARATORS = /[^\p{L}\p{N}]+/gu;
/** Han, kana, hangul: scripts written without spaces between words. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;

export function foldForSearch(text: string): string {
  return text
    .normalize("NFKC")
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(SEPARATORS, " ")
    .trim();
}

/**
 * The terms of a query, each of which must occur in a document (AND).
 * A Latin word is one term, matched as a substring of the folded text (so "thoa" finds
 * "thỏa thuận" and "AP-0001" finds "AP-000123"). A CJK run has no word boundaries to split
 * on, so it becomes overlapping bigrams ("协商失败" → 协商, 商失, 失败): the standard CJK
 * tokenisation, which finds the phrase whatever segmentation the writer had in mind. A single
 * CJK character stays a term of its own.
 */
export function queryTerms(query: string): string[] {
  const folded = foldForSearch(query);
  if (!folded) return [];
  const terms = new Set<string>();
  for (const word of folded.split(" ")) {
    if (!CJK.test(word)) {
      terms.add(word);
      continue;
    }
    // A word may mix scripts ("usdt转账"): Latin parts stay whole, CJK runs become bigrams.
    let last = 0;
    for (const match of word.matchAll(CJK_RUN)) {
      const index = match.index ?? 0;
      if (index > last) terms.add(word.slice(last, index));
      const run = [...match[0]];
      if (run.length === 1) terms.add(run[0] as string);
      for (let i = 0; i + 1 < run.length; i++) terms.add(`${run[i]}${run[i + 1]}`);
      last = index + match[0].length;
    }
    if (last < word.length) terms.add(word.slice(last));
  }
  return [...terms];
}

/** Whether a folded document contains every term. */
export function matchesAll(foldedDocument: string, terms: readonly string[]): boolean {
  for (const term of terms) if (!foldedDocument.includes(term)) return false;
  return true;
}
