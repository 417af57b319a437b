/**
 * Exports: 1,000 case reports (each its own PDF, as a supervisor exports them one by one, and all
 * in one batch PDF) and a 100,000-row queue CSV and XLSX. Baselines in the same run: building and
 * sealing the report model alone (what the PDF adds on top), and JSON.stringify of the same rows
 * (the cheapest serialisation of them).
 */
import type { CaseSummary } from "@shared/domain/appeal";
import { casesToCsv } from "../../../renderer/src/exports/csv";
import { casesToXlsx } from "../../../renderer/src/exports/xlsx";
import { buildCaseReport, sealReport } from "../../../renderer/src/reports/report-model";
import { renderReportsPdf } from "../../../renderer/src/reports/report-pdf";
import { chineseCase, reportDataFor, vietnameseCase } from "../../support/report-cases";
import { nodeReportFonts } from "../../support/report-fonts";
import { type BenchRow, type BenchSuite, percentile } from "../harness";

const REPORTS = 1_000;
const ROWS = 100_000;

function reportData(i: number) {
  const detail = i % 2 === 0 ? chineseCase() : vietnameseCase();
  return reportDataFor({
    ...detail,
    id: `case-${i}`,
    reference: `AP-${String(100_000 + i).padStart(6, "0")}`,
    amount: `${1_000 + i}.50`,
  });
}

function rows(): CaseSummary[] {
  const base = vietnameseCase();
  return Array.from({ length: ROWS }, (_, i) => ({
    id: `c${i}`,
    reference: `AP-${String(i).padStart(6, "0")}`,
    kind: base.kind,
    reason: base.reason,
    status: "in_review",
    stage: "first",
    region: i % 2 ? "VN" : "CN",
    amount: `${(i * 7919) % 90_000_000}`,
    currency: i % 2 ? "VND" : "CNY",
    complainantName: i % 2 ? "Nguyễn Thị Thảo" : "王小明",
    respondentName: i % 2 ? "Cửa hàng Điện máy Phước Lộc" : '李华, "有限公司"',
    assigneeId: "u-agent1",
    filedAt: base.filedAt,
    escalatedAt: base.escalatedAt,
    updatedAt: base.updatedAt,
    version: 1,
    priority: "normal",
    dueAt: null,
    warnAt: null,
    needsSupervisor: false,
  }));
}

export const exportsSuite: BenchSuite = {
  name: "exports",
  async run(): Promise<BenchRow[]> {
    const fonts = await nodeReportFonts();
    const data = Array.from({ length: REPORTS }, (_, i) => reportData(i));

    let started = performance.now();
    const sealed = [];
    for (const d of data) sealed.push(await sealReport(buildCaseReport(d)));
    const modelMs = (performance.now() - started) / REPORTS;

    // Warm the font parse once, as a running desk has.
    await renderReportsPdf([sealed[0]!], { fonts });
    const single: number[] = [];
    let bytes = 0;
    for (const report of sealed) {
      const t = performance.now();
      bytes += (await renderReportsPdf([report], { fonts })).byteLength;
      single.push(performance.now() - t);
    }
    const singleMean = single.reduce((a, b) => a + b, 0) / single.length;

    started = performance.now();
    const batch = await renderReportsPdf(sealed, { fonts });
    const batchMs = (performance.now() - started) / REPORTS;

    const list = rows();
    const context = { userNames: { "u-agent1": "Trần Văn Hùng" } };
    started = performance.now();
    const json = JSON.stringify(list).length;
    const jsonMs = performance.now() - started;
    started = performance.now();
    const csv = await casesToCsv(list, { context });
    const csvMs = performance.now() - started;
    started = performance.now();
    const xlsx = await casesToXlsx(list, { context });
    const xlsxMs = performance.now() - started;

    const subject = `${REPORTS.toLocaleString("en")} case reports (zh/vi, ${(bytes / REPORTS / 1024).toFixed(0)} KB each)`;
    const model = { name: "model + seal only", value: modelMs };
    return [
      {
        subject,
        metric: "time per report, one PDF each (mean)",
        value: singleMean,
        unit: "ms",
        baseline: model,
      },
      {
        subject,
        metric: "time per report, one PDF each (p95)",
        value: percentile(single, 95),
        unit: "ms",
        baseline: model,
      },
      {
        subject,
        metric: `time per report, one batch PDF (${(batch.byteLength / 1024 / 1024).toFixed(1)} MB)`,
        value: batchMs,
        unit: "ms",
        baseline: model,
      },
      {
        subject: `${ROWS.toLocaleString("en")}-row queue CSV (${(csv.size / 1024 / 1024).toFixed(1)} MB)`,
        metric: "export time",
        value: csvMs,
        unit: "ms",
        baseline: { name: `JSON.stringify (${(json / 1024 / 1024).toFixed(1)} MB)`, value: jsonMs },
      },
      {
        subject: `${ROWS.toLocaleString("en")}-row queue XLSX (${(xlsx.size / 1024 / 1024).toFixed(1)} MB)`,
        metric: "export time",
        value: xlsxMs,
        unit: "ms",
        baseline: { name: "JSON.stringify", value: jsonMs },
      },
    ];
  },
};
