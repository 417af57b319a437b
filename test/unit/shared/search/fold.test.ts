import { describe, expect, test } from "vitest";
import {
  foldForSearch,
  foldWithOffsets,
  matchesAll,
  queryTerms,
} from "../../../../shared/search/fold";
import { snippetFor } from "../../../../shared/search/snippet";

const find = (query: string, text: string) => matchesAll(foldForSearch(text), queryTerms(query));

describe("full-text search folding", () => {
  test("Vietnamese without accents finds accented text, and đ is d", () => {
    expect(find("thoa thuan", "Hai bên đã thỏa thuận xong")).toBe(true);
    expect(find("THOA THUẬN", "hai bên đã thỏa thuận")).toBe(true);
    expect(find("da chuyen", "Tôi đã chuyển khoản")).toBe(true);
    expect(find("dong y", "Đồng ý")).toBe(true);
    expect(find("thoa thuan", "thỏa hiệp")).toBe(false);
  });

  test("every term must occur, in any order", () => {
    expect(find("binh tran", "Trần Thị Bình")).toBe(true);
    expect(find("binh le", "Trần Thị Bình")).toBe(false);
  });

  test("Chinese is matched by bigrams, with or without spaces", () => {
    expect(queryTerms("协商失败")).toEqual(["协商", "商失", "失败"]);
    expect(find("协商失败", "双方协商失败，申请客服介入")).toBe(true);
    expect(find("协商 失败", "双方协商失败")).toBe(true);
    expect(find("协商成功", "双方协商失败")).toBe(false);
    expect(find("款", "我已付款")).toBe(true);
  });

  test("mixed scripts and full-width forms", () => {
    expect(queryTerms("USDT转账")).toEqual(["usdt", "转账"]);
    expect(find("ＡＰ-000123", "AP-000123")).toBe(true);
    expect(find("ap 000123", "AP-000123")).toBe(true);
  });
});

describe("Traditional and Simplified Chinese meet", () => {
  test("a Traditional query finds Simplified text and the other way round", () => {
    expect(find("協商失敗", "双方协商失败，申请客服介入")).toBe(true);
    expect(find("协商失败", "雙方協商失敗，申請客服介入")).toBe(true);
    expect(find("轉賬", "我已经转账了")).toBe(true);
    expect(find("退款", "請儘快退款")).toBe(true);
    expect(find("轉賬", "我已经付款了")).toBe(false);
  });

  test("Taiwan variants fold through the standard form", () => {
    expect(foldForSearch("裡")).toBe(foldForSearch("里"));
    expect(foldForSearch("為")).toBe(foldForSearch("为"));
  });
});

describe("folding keeps where each character came from", () => {
  test("decomposed Vietnamese folds like precomposed, without splitting words", () => {
    expect(foldForSearch("tho\u0309a thua\u0323\u0302n")).toBe("thoa thuan");
    expect(find("thoa thuan", "tho\u0309a thua\u0323\u0302n")).toBe(true);
  });

  test("origin maps folded characters back to the original text", () => {
    const { text, origin } = foldWithOffsets("Đã  thỏa!");
    expect(text).toBe("da thoa");
    const at = text.indexOf("thoa");
    expect("Đã  thỏa!".slice(origin[at], (origin[at + 3] as number) + 1)).toBe("thỏa");
    expect(origin[text.length]).toBe("Đã  thỏa!".length);
  });

  test("phone numbers are found by their last digits", () => {
    expect(find("34567", "+84901234567")).toBe(true);
    expect(find("34568", "+84901234567")).toBe(false);
  });
});

describe("snippets say why a case matched", () => {
  const pieces = [
    { field: "reference" as const, text: "AP-000001" },
    {
      field: "chat" as const,
      text: "Xin chào. Hai bên đã thỏa thuận xong việc chuyển khoản hôm qua, nhưng người bán vẫn chưa giải phóng tiền sau nhiều giờ chờ đợi.",
    },
  ];

  test("the excerpt highlights the words as written", () => {
    const snippet = snippetFor(pieces, queryTerms("thoa thuan"));
    expect(snippet?.field).toBe("chat");
    const marked = snippet?.highlights.map(([a, b]) => snippet.text.slice(a, b));
    expect(marked).toEqual(["thỏa", "thuận"]);
  });

  test("the piece holding most terms wins; none holds any → null", () => {
    expect(snippetFor(pieces, queryTerms("ap 000001"))?.field).toBe("reference");
    expect(snippetFor(pieces, queryTerms("退款"))).toBeNull();
  });

  test("a Traditional query highlights Simplified text", () => {
    const snippet = snippetFor(
      [{ field: "statement", text: "卖家一直不放币，我要求退款。" }],
      queryTerms("退款 不放幣"),
    );
    const marked = snippet?.highlights.map(([a, b]) => snippet.text.slice(a, b));
    expect(marked).toEqual(["不放币", "退款"]);
  });

  test("long text is cut around the first match with ellipses", () => {
    const long = `${"lorem ipsum ".repeat(20)}chuyển khoản${" dolor sit".repeat(30)}`;
    const snippet = snippetFor([{ field: "note", text: long }], queryTerms("chuyen khoan"));
    expect(snippet?.text.startsWith("…")).toBe(true);
    expect(snippet?.text.endsWith("…")).toBe(true);
    expect(snippet?.text.length).toBeLessThan(140);
  });
});
