import { describe, expect, test } from "vitest";
import type { ReportLanguage } from "../../../../renderer/src/reports/report-labels";
import { buildCaseReport } from "../../../../renderer/src/reports/report-model";
import { reportDataFor, vietnameseCase } from "../../../support/report-cases";

function timelineCells(language: ReportLanguage): string[] {
  const detail = vietnameseCase();
  detail.timeline.push(
    {
      id: "x1",
      type: "respondent_answered",
      at: "2026-03-01T01:00:00.000Z",
      actor: "system",
      summary: "negotiation_failed",
    },
    {
      id: "x2",
      type: "appeal_filed",
      at: "2026-03-01T01:01:00.000Z",
      actor: "system",
      summary: "repayment_hardship",
    },
    {
      id: "x3",
      type: "message_sent",
      at: "2026-03-01T01:02:00.000Z",
      actor: "agent1",
      summary: "complainant",
    },
  );
  const report = buildCaseReport(reportDataFor(detail), { language });
  const section = report.sections.find((s) => s.id === "timeline");
  return (section?.blocks ?? []).flatMap((block) =>
    block.kind === "table" ? block.rows.flatMap((row) => row.slice(2).map(String)) : [],
  );
}

describe("report timeline", () => {
  test.each(["en", "vi", "zh-Hans", "zh-Hant"] as const)(
    "%s: events and their details in words, no raw codes",
    (language) => {
      const cells = timelineCells(language);
      expect(cells.length).toBeGreaterThan(3);
      expect(
        cells.filter(
          (cell) => /\b[a-z]+_[a-z_]+\b/.test(cell) || /Message sent complainant/.test(cell),
        ),
      ).toEqual([]);
    },
  );

  test("the exporter's language decides, not the party's", () => {
    expect(timelineCells("en")).toContain("Negotiation failed");
    expect(timelineCells("vi")).toContain("Thương lượng thất bại");
    expect(timelineCells("zh-Hans")).toContain("协商失败");
    expect(timelineCells("zh-Hant")).toContain("協商失敗");
  });
});
