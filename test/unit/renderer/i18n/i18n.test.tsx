// @vitest-environment jsdom
import { act, cleanup, render, screen } from "@testing-library/react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { afterEach, describe, expect, test } from "vitest";
import { createStore } from "zustand/vanilla";
import type { AuthStore } from "../../../../renderer/src/auth/auth-store";
import { LoginScreen } from "../../../../renderer/src/auth/login-screen";
import { formattersFor } from "../../../../renderer/src/i18n/format";
import { createI18n, detectLanguage, switchLanguage } from "../../../../renderer/src/i18n/i18n";
import { en } from "../../../../renderer/src/i18n/locales/en";
import { vi } from "../../../../renderer/src/i18n/locales/vi";
import { zhHans } from "../../../../renderer/src/i18n/locales/zh-hans";
import { zhHant } from "../../../../renderer/src/i18n/locales/zh-hant";

afterEach(cleanup);

function Title() {
  const { t } = useTranslation();
  return <h1>{t("queue.title")}</h1>;
}

function valueAt(catalog: unknown, key: string): string {
  const value = key
    .split(".")
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalog);
  return typeof value === "string" ? value : "";
}

function leaves(value: unknown, path = ""): string[] {
  if (typeof value === "string") return [path];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    leaves(v, path ? `${path}.${k}` : k),
  );
}

describe("i18n", () => {
  test("zh-Hant has zh-Hans's keys in its layout, in Traditional characters; missing keys are named", () => {
    const hans = leaves(zhHans);
    const hant = new Set(leaves(zhHant));
    // Run `npx tsx scripts/zh-hant-catalog.ts` to add what this lists.
    expect(hans.filter((key) => !hant.has(key))).toEqual([]);
    expect(leaves(zhHant)).toEqual(hans);
    expect(valueAt(zhHant, "queue.title")).toBe("佇列");
    expect(valueAt(zhHant, "app.signOut")).toBe("登出");
    const simplifiedOnly = leaves(zhHans).filter((key) => {
      const text = valueAt(zhHant, key);
      return /[们这说为观门书应]/.test(text);
    });
    expect(simplifiedOnly).toEqual([]);
  });

  test("Traditional Chinese systems get zh-Hant, Simplified ones zh-Hans", () => {
    expect(detectLanguage(null, ["zh-TW"])).toBe("zh-Hant");
    expect(detectLanguage(null, ["zh-Hant-HK"])).toBe("zh-Hant");
    expect(detectLanguage(null, ["zh-HK"])).toBe("zh-Hant");
    expect(detectLanguage(null, ["zh-CN"])).toBe("zh-Hans");
    expect(detectLanguage(null, ["zh"])).toBe("zh-Hans");
  });

  test("every catalogue has exactly the English keys, none empty", () => {
    const keys = leaves(en).sort();
    for (const catalog of [vi, zhHans, zhHant]) {
      expect(leaves(catalog).sort()).toEqual(keys);
    }
    for (const catalog of [en, vi, zhHans, zhHant]) {
      expect(keys.filter((key) => !valueAt(catalog, key).trim())).toEqual([]);
    }
  });

  test("every translation fills the same placeholders as the English text", () => {
    const placeholders = (text: string) =>
      [...text.matchAll(/\{\{\s*(\w+)|\{(\w+)\}/g)].map((m) => m[1] ?? m[2]).sort();
    for (const catalog of [vi, zhHans, zhHant]) {
      const wrong = leaves(en).filter(
        (key) =>
          JSON.stringify(placeholders(valueAt(catalog, key))) !==
          JSON.stringify(placeholders(valueAt(en, key))),
      );
      expect(wrong).toEqual([]);
    }
  });

  test("the sign-in screen speaks the desk's language, errors included", async () => {
    const i18n = createI18n("vi");
    const store = createStore(() => ({
      status: "signed-out" as const,
      user: null,
      token: null,
      error: { kind: "credentials" as const },
      expiresAt: null,
      isSessionExpired: false,
      isReauthenticating: false,
      reauthError: null,
      signIn: async () => undefined,
      signOut: async () => undefined,
      restore: async () => undefined,
      sessionExpired: () => undefined,
      reauthenticate: async () => undefined,
      refresh: async () => undefined,
    })) satisfies AuthStore;
    render(
      <I18nextProvider i18n={i18n}>
        <LoginScreen store={store} />
      </I18nextProvider>,
    );
    expect(screen.getByLabelText("Tên đăng nhập")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Đăng nhập" })).toBeTruthy();
    expect(screen.getByRole("alert").textContent).toBe("Sai tên đăng nhập hoặc mật khẩu.");
    await act(() => switchLanguage(i18n, "zh-Hans"));
    expect(screen.getByRole("button", { name: "登录" })).toBeTruthy();
    expect(screen.getByRole("alert").textContent).toBe("用户名或密码错误。");
  });

  test("the system language picks the catalogue; a saved choice wins", () => {
    expect(detectLanguage(null, ["vi-VN", "en"])).toBe("vi");
    expect(detectLanguage(null, ["zh-CN"])).toBe("zh-Hans");
    expect(detectLanguage(null, ["zh-TW", "fr"])).toBe("zh-Hant");
    expect(detectLanguage("zh-Hans", ["vi"])).toBe("zh-Hans");
  });

  test("switching at run time re-renders in the new language and sets <html lang>", async () => {
    const i18n = createI18n("en");
    render(
      <I18nextProvider i18n={i18n}>
        <Title />
      </I18nextProvider>,
    );
    expect(screen.getByRole("heading").textContent).toBe("Queue");
    await act(() => switchLanguage(i18n, "vi"));
    expect(screen.getByRole("heading").textContent).toBe("Hàng đợi");
    expect(document.documentElement.lang).toBe("vi");
    await act(() => switchLanguage(i18n, "zh-Hans"));
    expect(screen.getByRole("heading").textContent).toBe("队列");
  });

  test("amounts stay exact and follow the locale's separators", () => {
    expect(formattersFor("en").amount("25000000.10", "VND")).toBe("25,000,000.10 VND");
    expect(formattersFor("vi").amount("25000000.10", "VND")).toBe("25.000.000,10 VND");
    expect(formattersFor("zh-Hans").amount("123456789012345678", "USDT")).toBe(
      "123,456,789,012,345,678 USDT",
    );
    expect(formattersFor("en").duration(2 * 1440 + 245)).toBe("2d 4h");
    expect(formattersFor("zh-Hans").duration(2 * 1440 + 245)).toBe("2天4小时");
  });
});
