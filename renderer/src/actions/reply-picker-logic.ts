import type { Reply, ReplyKind } from "@shared/api/replies";
import { foldForSearch, matchesAll, queryTerms } from "@shared/search/fold";

/**
 * The replies of `kind` that match `query` in their title, tags or any language's body, with the
 * search box's folding (accents, case, Chinese script do not matter: "hoan tien" finds
 * "hoàn tiền"). Titles that match come first; otherwise the cache's order (by title).
 */
export function pickerItems(replies: readonly Reply[], kind: ReplyKind, query: string): Reply[] {
  const ofKind = replies.filter((reply) => reply.kind === kind && !reply.archived);
  const terms = queryTerms(query);
  if (terms.length === 0) return ofKind;
  const inTitle: Reply[] = [];
  const elsewhere: Reply[] = [];
  for (const reply of ofKind) {
    if (matchesAll(foldForSearch(`${reply.title} ${reply.tags.join(" ")}`), terms)) {
      inTitle.push(reply);
    } else if (matchesAll(foldForSearch(Object.values(reply.bodies).join(" ")), terms)) {
      elsewhere.push(reply);
    }
  }
  return [...inTitle, ...elsewhere];
}

/** The next active index after an arrow key, wrapping around; -1 when the list is empty. */
export function moveActive(index: number, delta: number, length: number): number {
  if (length === 0) return -1;
  return (((index + delta) % length) + length) % length;
}

/** `text` with `insert` put in place of the selection `[start, end)`, and the caret after it. */
export function insertAt(
  text: string,
  insert: string,
  start: number,
  end: number,
): { text: string; caret: number } {
  const before = text.slice(0, start);
  const after = text.slice(end);
  return { text: `${before}${insert}${after}`, caret: before.length + insert.length };
}
