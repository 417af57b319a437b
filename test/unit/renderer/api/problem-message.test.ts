import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PROBLEM_SLUGS, PROBLEM_TYPE_BASE, problemSlug } from "@shared/api/problem-types";
import { describe, expect, test } from "vitest";
import { ApiError } from "../../../../renderer/src/api/api-error";
import { problemMessage } from "../../../../renderer/src/api/problem-message";
import { wordsFrom } from "../../../../renderer/src/case-workspace/timeline-text";
import { createI18n, type DeskLanguage } from "../../../../renderer/src/i18n/i18n";

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : entry.name.endsWith(".ts")
        ? [readFileSync(join(dir, entry.name), "utf8")]
        : [],
  );
}

const words = (language: DeskLanguage) => wordsFrom(createI18n(language).t);
const problem = (status: number, title: string) =>
  new ApiError("English detail", status, {
    type: `${PROBLEM_TYPE_BASE}${problemSlug(title)}`,
    title,
    status,
    detail: "English detail",
  });

describe("server problems in the user's language", () => {
  test("every problem title the server can answer with has a message type the desk knows", () => {
    const titles = new Set(
      sources("server").flatMap((text) =>
        [...text.matchAll(/new HttpProblem\(\s*[\w.]+,\s*"([^"]+)"/g)].map((m) => m[1] ?? ""),
      ),
    );
    expect(titles.size).toBeGreaterThan(10);
    const slugs: readonly string[] = PROBLEM_SLUGS;
    expect([...titles].filter((title) => !slugs.includes(problemSlug(title)))).toEqual([]);
  });

  test("a problem reads in each language, never the server's English detail", () => {
    expect(problemMessage(problem(404, "Not found"), words("vi"))).toBe(
      "Không tìm thấy mục này trên máy chủ.",
    );
    expect(problemMessage(problem(403, "Forbidden"), words("zh-Hant"))).toBe("您無權執行此操作。");
    expect(problemMessage(new ApiError("offline", 0, null), words("zh-Hans"))).toMatch(/无法连接/);
    expect(problemMessage(problem(418, "Teapot"), words("en"))).toBe(
      "The server refused the request (418).",
    );
  });
});
