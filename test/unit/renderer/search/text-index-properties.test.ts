/**
 * The inverted index answers exactly what the naive definition does — a live document matches when
 * each query term is contained in one of its tokens — whatever the order of inserts, updates,
 * removals and typed prefixes (which go through the character lists and the term cache).
 */
import type { SearchDocument } from "@shared/search/document";
import { foldForSearch, queryTerms, wordTerms } from "@shared/search/fold";
import fc from "fast-check";
import { expect, test } from "vitest";
import { TextIndex } from "../../../../renderer/src/search/text-index";

// Few characters, so that terms often hit: Vietnamese with and without marks, digits, CJK in
// both scripts, separators.
const CHARS = [..."aănothuđ0129 -退款钱錢銀银行"];
const text = fc.array(fc.constantFrom(...CHARS), { maxLength: 14 }).map((chars) => chars.join(""));

const op = fc.oneof(
  fc.record({
    kind: fc.constant("upsert" as const),
    id: fc.integer({ min: 0, max: 5 }),
    texts: fc.array(text, { maxLength: 3 }),
  }),
  fc.record({ kind: fc.constant("remove" as const), id: fc.integer({ min: 0, max: 5 }) }),
  // A query typed one character at a time, as the queue asks while the agent types.
  fc.record({ kind: fc.constant("type" as const), query: text }),
);

function naive(docs: ReadonlyMap<string, SearchDocument>, terms: readonly string[]): string[] {
  const ids: string[] = [];
  for (const [id, doc] of docs) {
    const tokens = doc.pieces.flatMap((piece) =>
      foldForSearch(piece.text)
        .split(" ")
        .filter(Boolean)
        .flatMap((word) => wordTerms(word)),
    );
    if (terms.every((term) => tokens.some((token) => token.includes(term)))) ids.push(id);
  }
  return ids.sort();
}

function found(index: TextIndex, terms: readonly string[]): string[] {
  const bitmap = index.match(terms);
  const ids: string[] = [];
  bitmap?.forEach((hit, number) => {
    if (hit) ids.push(index.caseIdOf(number) as string);
  });
  return ids.sort();
}

test("matches equal the naive definition through inserts, updates, removals and typing", () => {
  fc.assert(
    fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
      const index = new TextIndex();
      const docs = new Map<string, SearchDocument>();
      const versions = new Map<string, number>();
      for (const step of ops) {
        if (step.kind === "upsert") {
          const caseId = `c${step.id}`;
          const version = (versions.get(caseId) ?? 0) + 1;
          versions.set(caseId, version);
          const doc = {
            caseId,
            version,
            pieces: step.texts.map((t) => ({ field: "chat" as const, text: t })),
          };
          index.upsert(doc);
          docs.set(caseId, doc);
        } else if (step.kind === "remove") {
          index.remove(`c${step.id}`);
          docs.delete(`c${step.id}`);
        } else {
          for (let i = 1; i <= step.query.length; i++) {
            const terms = queryTerms(step.query.slice(0, i));
            if (terms.length === 0) continue;
            expect(found(index, terms)).toEqual(naive(docs, terms));
          }
        }
      }
    }),
    { numRuns: 300 },
  );
});
