import { describe, expect, test } from "vitest";
import { zhHans } from "../../../renderer/src/i18n/locales/zh-hans";
import { zhHant } from "../../../renderer/src/i18n/locales/zh-hant";
import { ZH_HANT_HAND_WRITTEN } from "../../../renderer/src/i18n/locales/zh-hant-hand-written";
import { type Tree, toTraditional, traditionalCatalog } from "../../../scripts/zh-hant-convert";

function leaves(tree: Tree, path = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const at = path ? `${path}.${key}` : key;
    return typeof value === "string" ? [[at, value] as [string, string]] : leaves(value, at);
  });
}

describe("zh-Hant catalog", () => {
  test("no zh-Hant entry is stale: each is its Simplified text converted, or a hand-written one whose source is unchanged", () => {
    const hant = new Map(leaves(zhHant as unknown as Tree));
    const stale = leaves(zhHans as unknown as Tree)
      .filter(([key, hans]) => {
        const from = ZH_HANT_HAND_WRITTEN[key];
        return from === undefined ? hant.get(key) !== toTraditional(hans) : from !== hans;
      })
      .map(([key]) => key);
    // Run `npx tsx scripts/zh-hant-catalog.ts`; for a hand-written key, rewrite it and its source.
    expect(stale).toEqual([]);
  });

  test("every hand-written entry names a key that exists", () => {
    const keys = new Set(leaves(zhHans as unknown as Tree).map(([key]) => key));
    expect(Object.keys(ZH_HANT_HAND_WRITTEN).filter((key) => !keys.has(key))).toEqual([]);
  });

  test("the script regenerates a changed Simplified text, keeps an unchanged hand-written one and names a stale one", () => {
    const hans: Tree = { a: { title: "队列" }, signOut: "退出登录", gone: "新的文字" };
    const hant: Tree = { a: { title: "舊的佇列" }, signOut: "登出", gone: "手寫" };
    const hand = { signOut: "退出登录", gone: "旧的文字" };
    const { tree, stale } = traditionalCatalog(hans, hant, hand);
    expect(tree).toEqual({ a: { title: "佇列" }, signOut: "登出", gone: "新的文字" });
    expect(stale).toEqual(["gone"]);
  });
});
