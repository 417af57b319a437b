/**
 * What the supervisor screens need besides the desk's data: the supervisor endpoints, one export
 * at a time with progress, and the report exporter (client-side PDF, save dialog or download).
 */
import type { CaseDetail } from "@shared/domain/appeal";
import type { CaseReportData, PartyContacts } from "@shared/reports/contract";
import type { ApiCall } from "../api/call";
import type { DeskData } from "../desk-data";
import { createExportStore } from "../exports/export-store";
import type { Platform } from "../platform/platform";
import type { ReportLanguage } from "../reports/report-labels";
import { buildCaseReport, type SealedReport, sealReport } from "../reports/report-model";
import type { ThumbnailSource } from "../reports/report-pdf";
import { thumbnailOf } from "../reports/thumbnails";
import { createStaffStore } from "./staff-store";
import { createSupervisorApi } from "./supervisor-api";

export interface SupervisorDeps {
  platform: Platform;
  /** The desk's one client: a 401 here opens the same re-auth dialog as anywhere else. */
  call: ApiCall;
}

/** A case's report data and the contacts an audited reveal returned (null: masked). */
export interface ReportSource {
  data: CaseReportData;
  revealed: PartyContacts[] | null;
}

export function createSupervisorServices({ platform, call }: SupervisorDeps) {
  const api = createSupervisorApi(call);
  const exports = createExportStore();
  const staff = createStaffStore(api);

  function thumbnailsFor(data: DeskData, detail: CaseDetail): ThumbnailSource {
    return async (evidenceId) => {
      const evidence = detail.evidence.find((item) => item.id === evidenceId);
      if (!evidence) return null;
      const bytes = await data.evidenceContent(detail.id, evidence);
      return thumbnailOf(bytes, evidence.mimeType);
    };
  }

  /**
   * What one case's report is made of: the server's report data and, only after an audited
   * reveal, the clear contacts. Fetched once; the report is then built in any language without
   * asking (or auditing) again.
   */
  async function reportSource(
    caseId: string,
    /** Why the report needs clear contacts (audited with the reveal); null keeps them masked. */
    revealReason: string | null,
    signal?: AbortSignal,
  ): Promise<ReportSource> {
    const data = await api.reportData(caseId, signal);
    let revealed: PartyContacts[] | null = null;
    if (revealReason !== null) {
      revealed = (await api.revealContacts(caseId, { purpose: "report", reason: revealReason }))
        .contacts;
    }
    return { data, revealed };
  }

  /** The sealed report from its source, in the language the exporter chose (default: the case's). */
  async function sealedReport(
    source: ReportSource,
    language?: ReportLanguage,
  ): Promise<{ report: SealedReport; detail: CaseDetail }> {
    const report = buildCaseReport(source.data, {
      revealedContacts: source.revealed,
      ...(language ? { language } : {}),
    });
    return { report: await sealReport(report), detail: source.data.case };
  }

  /** The sealed report of one case; clear contacts only after an audited reveal. */
  async function report(
    caseId: string,
    revealReason: string | null,
    signal?: AbortSignal,
    language?: ReportLanguage,
  ): Promise<{ report: SealedReport; detail: CaseDetail }> {
    return sealedReport(await reportSource(caseId, revealReason, signal), language);
  }

  /**
   * A report already built (and shown) as a PDF file: the save dialog in Electron's fallback, a
   * download on the web. The same sealed report, so the file carries the hash the screen shows.
   */
  async function savePdf(
    data: DeskData,
    sealed: SealedReport,
    detail: CaseDetail,
  ): Promise<string> {
    // pdf-lib, fontkit and the font files load on the first export, not with the desk.
    const [{ renderReportsPdf }, { loadReportFonts }] = await Promise.all([
      import("../reports/report-pdf"),
      import("../reports/report-fonts.web"),
    ]);
    const bytes = await renderReportsPdf([sealed], {
      fonts: await loadReportFonts(),
      thumbnails: thumbnailsFor(data, detail),
    });
    const fileName = `${sealed.reference}-report.pdf`;
    await platform.reports.savePdf(fileName, new Uint8Array(bytes));
    return fileName;
  }

  /**
   * Saves the report on screen as a PDF, the way this platform does it best: the shell prints the
   * page itself where it can (the file is what the supervisor sees), else the desk renders it.
   * Resolves with where it went, or null when the supervisor cancelled the save dialog.
   */
  async function saveReport(
    data: DeskData,
    sealed: SealedReport,
    detail: CaseDetail,
  ): Promise<string | null> {
    if (!platform.reports.printsPageAsFile) return savePdf(data, sealed, detail);
    const result = await platform.reports.printPageToPdf(`${sealed.reference}-report.pdf`);
    return result.saved ? result.filePath : null;
  }

  /** Many reports in one PDF, with progress and Cancel in the export store. */
  function saveBatchPdf(
    caseIds: readonly string[],
    /** The task's name and its outcome, in the supervisor's language. */
    words: { task: string; saved(fileName: string): string },
    language?: ReportLanguage,
  ): Promise<void> {
    return exports.getState().start(words.task, async (signal, progress) => {
      // The PDF code and the font load on the first export, not with the desk.
      const [{ exportReportBatch }, { loadReportFonts }] = await Promise.all([
        import("../exports/report-batch"),
        import("../reports/report-fonts.web"),
      ]);
      const bytes = await exportReportBatch(caseIds, {
        fetchReportData: (id, s) => api.reportData(id, s),
        fonts: loadReportFonts,
        ...(language ? { reportOptions: { language } } : {}),
        signal,
        onProgress: (p) => progress(p.phase, p.done, p.total),
      });
      const fileName = `case-reports-${caseIds.length}.pdf`;
      await platform.reports.savePdf(fileName, new Uint8Array(bytes));
      return words.saved(fileName);
    });
  }

  return {
    api,
    call,
    exports,
    staff,
    platform,
    reportSource,
    sealedReport,
    report,
    saveReport,
    saveBatchPdf,
  };
}

export type SupervisorServices = ReturnType<typeof createSupervisorServices>;
