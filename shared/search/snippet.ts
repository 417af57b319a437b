import type { SearchPiece, SearchSnippet } from "./document";
import { foldWithOffsets, matchesAll } from "./fold";

/** Characters of context kept before the first match (twice as many after it). */
const CONTEXT = 40;

/**
 * Why a document matched `terms`: the piece that holds the most of them (the first such piece
 * on a tie, so ids and names come before long statements), cut around its first match, with every
 * match inside the excerpt highlighted. Null when no piece holds any term.
 */
export function snippetFor(
  pieces: readonly SearchPiece[],
  terms: readonly string[],
  context = CONTEXT,
): SearchSnippet | null {
  if (terms.length === 0) return null;
  let best: { piece: SearchPiece; spans: [number, number][]; found: number } | null = null;
  for (const piece of pieces) {
    const { text, origin } = foldWithOffsets(piece.text);
    const spans: [number, number][] = [];
    let found = 0;
    for (const term of terms) {
      let at = text.indexOf(term);
      if (at !== -1) found++;
      while (at !== -1) {
        spans.push([origin[at] as number, endOf(piece.text, origin, at + term.length)]);
        at = text.indexOf(term, at + term.length);
      }
    }
    if (found > (best?.found ?? 0)) best = { piece, spans, found };
    if (found === terms.length) break;
  }
  if (!best) return null;
  const merged = mergeSpans(best.spans);
  const first = merged[0] as [number, number];
  const source = best.piece.text;
  const start = Math.max(0, wordStart(source, first[0] - context));
  const end = Math.min(source.length, first[1] + context * 2);
  const prefix = start > 0 ? "…" : "";
  const suffix = end < source.length ? "…" : "";
  const shift = prefix.length - start;
  return {
    field: best.piece.field,
    text: `${prefix}${source.slice(start, end)}${suffix}`,
    highlights: merged
      .filter(([from, to]) => from >= start && to <= end)
      .map(([from, to]) => [from + shift, to + shift]),
  };
}

/** Whether any piece, or all of them together, hold every term (the index's own rule). */
export function documentMatches(pieces: readonly SearchPiece[], terms: readonly string[]): boolean {
  return matchesAll(
    pieces.map((piece) => foldWithOffsets(piece.text, false).text).join(" "),
    terms,
  );
}

/** The original index just past folded character `end - 1`, so the whole character is kept. */
function endOf(source: string, origin: Int32Array, end: number): number {
  const from = origin[end - 1] as number;
  const next = origin[end] as number;
  if (next > from) {
    // Skip separators the folding collapsed: the span ends with the matched character itself.
    const code = source.codePointAt(from) ?? 0;
    let stop = from + (code > 0xffff ? 2 : 1);
    // Combining marks written after the letter belong to it.
    while (stop < source.length && /\p{M}/u.test(source[stop] as string)) stop++;
    return Math.min(stop, next);
  }
  return next;
}

function mergeSpans(spans: [number, number][]): [number, number][] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([span[0], span[1]]);
  }
  return merged;
}

/** Moves `at` back to the start of its word, so an excerpt does not open mid-word. */
function wordStart(source: string, at: number): number {
  if (at <= 0) return 0;
  let i = at;
  while (i > 0 && at - i < 12 && /[\p{L}\p{N}]/u.test(source[i - 1] as string)) i--;
  return i;
}
