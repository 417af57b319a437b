/**
 * Many case reports in one PDF: fetch each case's report data, build and seal its report, then lay
 * them all out. Progress is reported per case in both phases; an abort stops between cases (and
 * cancels the request in flight).
 */
import type { CaseReportData } from "@shared/reports/contract";
import type { ReportFonts } from "../reports/font-files";
import { buildCaseReport, type ReportOptions, sealReport } from "../reports/report-model";
import { renderReportsPdf, type ThumbnailSource } from "../reports/report-pdf";

export type BatchPhase = "gathering" | "writing";

export interface BatchProgress {
  phase: BatchPhase;
  done: number;
  total: number;
}

export interface ReportBatchOptions {
  fetchReportData(caseId: string, signal: AbortSignal): Promise<CaseReportData>;
  fonts(): Promise<ReportFonts>;
  thumbnails?: ThumbnailSource;
  reportOptions?: ReportOptions;
  signal: AbortSignal;
  onProgress(progress: BatchProgress): void;
}

export async function exportReportBatch(
  caseIds: readonly string[],
  options: ReportBatchOptions,
): Promise<Uint8Array> {
  const { signal, onProgress } = options;
  const fonts = options.fonts();
  const reports = [];
  onProgress({ phase: "gathering", done: 0, total: caseIds.length });
  for (const [index, id] of caseIds.entries()) {
    signal.throwIfAborted();
    const data = await options.fetchReportData(id, signal);
    reports.push(await sealReport(buildCaseReport(data, options.reportOptions)));
    onProgress({ phase: "gathering", done: index + 1, total: caseIds.length });
  }
  return renderReportsPdf(reports, {
    fonts: await fonts,
    signal,
    ...(options.thumbnails ? { thumbnails: options.thumbnails } : {}),
    onProgress: (done, total) => onProgress({ phase: "writing", done, total }),
  });
}
