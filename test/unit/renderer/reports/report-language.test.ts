/**
 * The exporter picks the report's language, whatever the case's: one Vietnamese case exported in
 * each of the desk's four languages, written to PDF and read back with poppler's pdftotext.
 * Traditional Chinese comes out in Traditional characters (drawn, not replaced by "?").
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import type { ReportFonts } from "../../../../renderer/src/reports/font-files";
import { REPORT_LABELS, type ReportLanguage } from "../../../../renderer/src/reports/report-labels";
import { buildCaseReport, sealReport } from "../../../../renderer/src/reports/report-model";
import { renderReportsPdf } from "../../../../renderer/src/reports/report-pdf";
import { chineseCase, reportDataFor, vietnameseCase } from "../../../support/report-cases";
import { nodeReportFonts, pdfText } from "../../../support/report-fonts";

let fonts: ReportFonts;
const dir = mkdtempSync(join(tmpdir(), "arbiter-report-language-"));

beforeAll(async () => {
  fonts = await nodeReportFonts();
}, 30_000);

async function textIn(language: ReportLanguage | undefined, detail = vietnameseCase()) {
  const report = await sealReport(
    buildCaseReport(reportDataFor(detail), language ? { language } : {}),
  );
  const path = join(dir, `${language ?? "default"}.pdf`);
  writeFileSync(path, await renderReportsPdf([report], { fonts }));
  return { report, text: pdfText(path) };
}

describe("report language chosen by the exporter", () => {
  test.each([
    ["en", ["Case report", "Audit trail", "Parties"]],
    ["vi", [REPORT_LABELS.vi.title, REPORT_LABELS.vi.sections.audit]],
    ["zh-Hans", ["申诉案件报告", "审计记录", "当事人"]],
    ["zh-Hant", ["申訴案件報告", "稽核紀錄", "當事人", "時間軸"]],
  ] as const)(
    "%s",
    async (language, words) => {
      const { report, text } = await textIn(language);
      expect(report.language).toBe(language);
      for (const word of words) expect(text).toContain(word);
      // The report's own labels, every one drawn: the font lacks none of their characters.
      expect(text).not.toContain("?");
    },
    60_000,
  );

  test("zh-Hant carries no Simplified-only characters in its labels", async () => {
    const { text } = await textIn("zh-Hant");
    expect(text).not.toMatch(/[报审记录当时间轴这说书]/);
    expect(text).toContain(REPORT_LABELS["zh-Hant"].fields.decidedBy);
  }, 60_000);

  test("without a choice a Chinese case reads Simplified, a Vietnamese one Vietnamese", async () => {
    expect((await textIn(undefined, chineseCase())).report.language).toBe("zh-Hans");
    expect((await textIn(undefined, vietnameseCase())).report.language).toBe("vi");
  }, 60_000);
});
