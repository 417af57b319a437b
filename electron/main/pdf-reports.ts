import { writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import type { PdfSaveResult } from "@shared/ipc/contract";

/** What saving a report needs from the shell; Electron's dialog and webContents behind it. */
export interface PdfReportDeps {
  /** Renders the window's page with its print stylesheet (`webContents.printToPDF`). */
  printPage(webContentsId: number, options: { landscape: boolean }): Promise<Uint8Array>;
  /** The save dialog, attached to the calling window; null when the agent cancels. */
  askSavePath(webContentsId: number, defaultPath: string): Promise<string | null>;
  /** Folder the dialog opens in (Documents). */
  defaultFolder(): string;
  writeFile?(path: string, data: Uint8Array): Promise<void>;
}

/** The IPC contract's answer (`report:print-to-pdf`, `report:save-pdf`). */
export type { PdfSaveResult };

/**
 * Case reports for audit, compliance and regulators. The renderer names the file (validated to a
 * bare `.pdf` name by the IPC contract); the agent picks the folder in the OS dialog, so the
 * renderer can never choose where on disk something is written.
 */
export function createPdfReports(deps: PdfReportDeps) {
  const write = deps.writeFile ?? ((path, data) => writeFile(path, data));
  const save = async (webContentsId: number, fileName: string, data: () => Promise<Uint8Array>) => {
    const defaultPath = join(deps.defaultFolder(), basename(fileName));
    const bytes = await data();
    const chosen = await deps.askSavePath(webContentsId, defaultPath);
    if (!chosen) return { saved: false } satisfies PdfSaveResult;
    const filePath = chosen.toLowerCase().endsWith(".pdf") ? chosen : `${chosen}.pdf`;
    await write(filePath, bytes);
    return { saved: true, filePath } satisfies PdfSaveResult;
  };
  return {
    /** Prints first, then asks: the page is printed as the agent saw it when asking. */
    printToPdf: (
      webContentsId: number,
      request: { suggestedFileName: string; landscape?: boolean | undefined },
    ): Promise<PdfSaveResult> =>
      save(webContentsId, request.suggestedFileName, () =>
        deps.printPage(webContentsId, { landscape: request.landscape ?? false }),
      ),
    savePdf: (
      webContentsId: number,
      request: { suggestedFileName: string; data: Uint8Array },
    ): Promise<PdfSaveResult> =>
      save(webContentsId, request.suggestedFileName, async () => request.data),
  };
}
