import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import type { ReportFonts } from "../../../../renderer/src/reports/font-files";
import { buildCaseReport, sealReport } from "../../../../renderer/src/reports/report-model";
import { renderReportsPdf } from "../../../../renderer/src/reports/report-pdf";
import { chineseCase, reportDataFor, vietnameseCase } from "../../../support/report-cases";
import { nodeReportFonts, pdfText, tinyPng } from "../../../support/report-fonts";

let fonts: ReportFonts;
const dir = mkdtempSync(join(tmpdir(), "arbiter-report-"));

beforeAll(async () => {
  fonts = await nodeReportFonts();
}, 30_000);

async function pdfOf(detail: ReturnType<typeof chineseCase>) {
  const report = await sealReport(buildCaseReport(reportDataFor(detail)));
  const bytes = await renderReportsPdf([report], {
    fonts,
    thumbnails: async () => ({ bytes: tinyPng(120, 80, [40, 120, 200]), format: "png" }),
  });
  const path = join(dir, `${detail.reference}.pdf`);
  writeFileSync(path, bytes);
  return { report, path, bytes };
}

describe("case report PDF", () => {
  test("a Chinese case reads back with parties, amounts, decision and evidence hashes", async () => {
    const detail = chineseCase();
    const { report, path, bytes } = await pdfOf(detail);
    const text = pdfText(path);
    expect(text).toContain("申诉案件报告");
    execFileSync("pdftoppm", ["-png", "-r", "60", path, join(dir, "zh")]);
    expect(text).toContain("王小明");
    expect(text).toContain("李华");
    expect(text).toContain("3,499.50 CNY");
    expect(text).toContain("放币给买家");
    expect(text).toContain(detail.decisions[0]!.rationale.slice(0, 20));
    for (const item of detail.evidence) expect(text).toContain(item.sha256);
    expect(text).toContain(report.hash);
    // Contacts are masked unless revealed: the full number never reaches the PDF.
    expect(text).not.toContain("138 0013 8000");
    expect(text).toContain("+86");
    // Times are in the case's zone (Asia/Shanghai, UTC+8): filed 02:00Z → 10:00 local.
    expect(text).toContain("2026-03-02 10:00:00 GMT+8");
    // Fonts are embedded with a ToUnicode map (text extractable), and subsetted: the PDF carries a
    // few hundred glyphs, not the 10 MB font. (pdf-lib names subsets without the "ABCDEF+" tag, so
    // pdffonts' "sub" column cannot tell.)
    const fontsList = execFileSync("pdffonts", [path], { encoding: "utf8" });
    expect(fontsList).toMatch(/NotoSansSC-Regular/);
    expect(fontsList).toMatch(/NotoSansSC-Bold/);
    for (const line of fontsList
      .split("\n")
      .slice(2)
      .filter((l) => l.trim())) {
      expect(line).toMatch(/Identity-H\s+yes\s+\S+\s+yes/);
    }
    expect(bytes.byteLength).toBeLessThan(150_000);
  }, 60_000);

  test("a Vietnamese case keeps every diacritic", async () => {
    const detail = vietnameseCase();
    const { path } = await pdfOf(detail);
    const text = pdfText(path);
    expect(text).toContain("Báo cáo vụ khiếu nại");
    expect(text).toContain("Nguyễn Thị Thảo");
    expect(text).toContain("Cửa hàng Điện máy Phước Lộc");
    expect(text).toContain("25,000,000 VND");
    expect(text).toContain("22,500,000 VND");
    expect(text).toContain("Hoàn tiền một phần");
    expect(text).toContain(detail.evidence[0]!.sha256);
    expect(text).toContain("2026-03-02 10:30:00 GMT+7");
    execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", path, join(dir, "vi")]);
  }, 60_000);

  test("the record is complete: receiver by name and side, terms, review rationale, verification notes", async () => {
    const base = vietnameseCase();
    const first = base.decisions[0]!;
    const reviewedAt = "2026-03-06T03:00:00.000Z";
    const detail = {
      ...base,
      timeline: [
        ...base.timeline,
        {
          id: "tr",
          type: "reviewed" as const,
          at: reviewedAt,
          actor: "Giám sát 2",
          summary: "overturn",
        },
      ],
      decisions: [
        first,
        {
          ...first,
          id: "vd2",
          stage: "second" as const,
          outcome: "repayment_plan" as const,
          favouredParty: "respondent" as const,
          receiverSide: "merchant" as const,
          amount: "3000000",
          currency: "VND" as const,
          terms: {
            type: "repayment_plan" as const,
            total: "3000000",
            instalments: [
              { dueDate: "2026-04-01", amount: "1000000" },
              { dueDate: "2026-05-04", amount: "2000000" },
            ],
          },
          decidedBy: "u-supervisor2",
          decidedAt: reviewedAt,
        },
      ],
      reviews: [
        {
          id: "r1",
          verdict: "overturn" as const,
          rationale: "Đã xem lại sao kê: khoản nợ được trả góp hai kỳ.",
          decisionId: "vd2",
          remandTo: null,
          reviewedBy: "u-supervisor2",
          reviewedAt,
        },
      ],
      verificationSteps: [
        {
          id: "v1",
          step: "feedback" as const,
          satisfied: false,
          note: "Tôi chỉ nhận lại một phần tiền.",
          party: "complainant" as const,
          byId: "platform",
          at: "2026-03-04T03:00:00.000Z",
        },
      ],
    };
    const { path } = await pdfOf(detail);
    const text = pdfText(path).replace(/\s+/g, " ");
    expect(text).toContain("Bên nhận");
    expect(text).toContain(`${detail.respondent.displayName} (`);
    expect(text).toContain("1,000,000 VND đến hạn 2026-04-01");
    expect(text).toContain("Đã xem lại sao kê: khoản nợ được trả góp hai kỳ.");
    expect(text).toContain("Thay đổi");
    expect(text).toContain("Xác minh sau quyết định");
    expect(text).toContain("Tôi chỉ nhận lại một phần tiền.");
  }, 60_000);

  test("revealed contacts are printed in full and the report says so", async () => {
    const detail = chineseCase();
    const data = reportDataFor(detail);
    const report = buildCaseReport(data, {
      language: "en",
      revealedContacts: [
        { role: "complainant", phone: "+86 138 0013 8000", email: "wangxm@example.cn" },
        { role: "respondent", phone: "+86 139 1234 5678", email: "lihua@example.cn" },
      ],
    });
    const bytes = await renderReportsPdf([await sealReport(report)], { fonts });
    const path = join(dir, "revealed.pdf");
    writeFileSync(path, bytes);
    const text = pdfText(path);
    expect(text).toContain("+86 138 0013 8000");
    expect(text).toContain("at the exporter's request (audited)");
  }, 60_000);

  test("many reports make one PDF, report by report, and can be cancelled", async () => {
    const reports = await Promise.all(
      [chineseCase(), vietnameseCase()].map((d) => sealReport(buildCaseReport(reportDataFor(d)))),
    );
    const progress: number[] = [];
    const bytes = await renderReportsPdf(reports, {
      fonts,
      onProgress: (done) => progress.push(done),
    });
    expect(progress).toEqual([1, 2]);
    const path = join(dir, "batch.pdf");
    writeFileSync(path, bytes);
    const text = pdfText(path);
    expect(text).toContain("AP-000042");
    expect(text).toContain("AP-000043");

    const controller = new AbortController();
    controller.abort(new DOMException("cancelled", "AbortError"));
    await expect(renderReportsPdf(reports, { fonts, signal: controller.signal })).rejects.toThrow(
      "cancelled",
    );
  }, 60_000);
});
