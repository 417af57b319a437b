import { queryTerms } from "@shared/search/fold";
import { describe, expect, test } from "vitest";
import { TextIndex } from "../../../../renderer/src/search/text-index";

const doc = (caseId: string, version: number, ...texts: string[]) => ({
  caseId,
  version,
  pieces: texts.map((text) => ({ field: "chat" as const, text })),
});

function found(index: TextIndex, query: string): string[] {
  const bitmap = index.match(queryTerms(query));
  if (!bitmap) return [];
  const ids: string[] = [];
  bitmap.forEach((hit, number) => {
    if (hit) ids.push(index.caseIdOf(number) as string);
  });
  return ids.sort();
}

describe("the desk's inverted index", () => {
  const index = new TextIndex();
  index.upsert(doc("vi", 1, "Hai bên đã thỏa thuận", "AP-000123"));
  index.upsert(doc("zh", 1, "賣家一直不放幣，我要求退款"));
  index.upsert(doc("en", 1, "Charged twice for one order"));

  test("finds by folded substrings of tokens, every term required", () => {
    expect(found(index, "thoa thuan")).toEqual(["vi"]);
    expect(found(index, "tho")).toEqual(["vi"]);
    expect(found(index, "0123")).toEqual(["vi"]);
    expect(found(index, "charged TWICE")).toEqual(["en"]);
    expect(found(index, "charged thrice")).toEqual([]);
  });

  test("Chinese in either script, by bigrams and single characters", () => {
    expect(found(index, "退款")).toEqual(["zh"]);
    expect(found(index, "不放币")).toEqual(["zh"]);
    expect(found(index, "款")).toEqual(["zh"]);
    expect(found(index, "退钱")).toEqual([]);
  });

  test("typing forward narrows through the cache and stays exact", () => {
    for (const prefix of ["c", "ch", "cha", "char", "charg"]) {
      expect(found(index, prefix)).toContain("en");
    }
    expect(found(index, "t")).toEqual(["en", "vi"]);
    expect(found(index, "tw")).toEqual(["en"]);
  });

  test("an update replaces the old text; an old version is ignored; removal hides it", () => {
    const live = new TextIndex();
    live.upsert(doc("c1", 1, "chưa nhận được tiền"));
    expect(found(live, "tien")).toEqual(["c1"]);
    expect(live.upsert(doc("c1", 2, "đã nhận đủ"))).not.toBeNull();
    expect(found(live, "tien")).toEqual([]);
    expect(found(live, "nhan du")).toEqual(["c1"]);
    expect(live.upsert(doc("c1", 1, "chưa nhận được tiền"))).toBeNull();
    expect(found(live, "tien")).toEqual([]);
    // A token added after a term was cached is still found by that term.
    live.upsert(doc("c2", 1, "tiền đã về"));
    expect(found(live, "tien")).toEqual(["c2"]);
    live.remove("c2");
    expect(found(live, "tien")).toEqual([]);
    expect(live.size).toBe(1);
  });
});
