import { describe, expect, test } from "vitest";
import { foldForSearch, matchesAll, queryTerms } from "../../../renderer/src/search/normalize";

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
