/**
 * The queue as the agent (or supervisor) sees it, exported: the rows in the order and with the
 * filters on screen, every header and enum value in the report language the exporter picked
 * (never a raw code such as `paid_not_released`), as CSV or XLSX.
 */
import type { CaseSummary } from "@shared/domain/appeal";
import type { i18n as I18n } from "i18next";
import type { DeskLanguage } from "../i18n/i18n";
import { casesToCsv } from "./csv";
import type { ExportContext, ListColumn } from "./list-columns";

export type QueueExportFormat = "csv" | "xlsx";

type Labels = Record<string, string>;

/** The queue's columns with headers and values in `language` (a fixed view of the desk's i18n). */
export function localizedColumns(i18n: I18n, language: DeskLanguage): ListColumn[] {
  const t = i18n.getFixedT(language);
  const labels = (
    key: "queueExport.column" | "kind" | "reason" | "status" | "stage" | "priority",
  ) => t(key, { returnObjects: true }) as unknown as Labels;
  const header = labels("queueExport.column");
  const kind = labels("kind");
  const reason = labels("reason");
  const status = labels("status");
  const stage = labels("stage");
  const priority = labels("priority");
  // An unknown code (a newer server) still exports, as itself, rather than as nothing.
  const label = (table: Labels, code: string) => table[code] ?? code;
  return [
    { header: header.reference ?? "", width: 12, kind: "text", value: (r) => r.reference },
    { header: header.kind ?? "", width: 14, kind: "text", value: (r) => label(kind, r.kind) },
    { header: header.reason ?? "", width: 30, kind: "text", value: (r) => label(reason, r.reason) },
    { header: header.status ?? "", width: 20, kind: "text", value: (r) => label(status, r.status) },
    { header: header.stage ?? "", width: 14, kind: "text", value: (r) => label(stage, r.stage) },
    { header: header.region ?? "", width: 7, kind: "text", value: (r) => r.region },
    { header: header.amount ?? "", width: 16, kind: "amount", value: (r) => r.amount },
    { header: header.currency ?? "", width: 9, kind: "text", value: (r) => r.currency },
    { header: header.complainant ?? "", width: 24, kind: "text", value: (r) => r.complainantName },
    { header: header.respondent ?? "", width: 24, kind: "text", value: (r) => r.respondentName },
    {
      header: header.assignee ?? "",
      width: 22,
      kind: "text",
      value: (r, c) => (r.assigneeId ? (c.userNames[r.assigneeId] ?? r.assigneeId) : ""),
    },
    {
      header: header.priority ?? "",
      width: 10,
      kind: "text",
      value: (r) => label(priority, r.priority),
    },
    { header: header.filedAt ?? "", width: 22, kind: "instant", value: (r) => r.filedAt },
    {
      header: header.escalatedAt ?? "",
      width: 22,
      kind: "instant",
      value: (r) => r.escalatedAt ?? "",
    },
    { header: header.dueAt ?? "", width: 22, kind: "instant", value: (r) => r.dueAt ?? "" },
  ];
}

/** The file for these rows, in this format and language. */
export async function exportQueue(
  rows: readonly CaseSummary[],
  format: QueueExportFormat,
  { i18n, language, context }: { i18n: I18n; language: DeskLanguage; context: ExportContext },
): Promise<Blob> {
  const columns = localizedColumns(i18n, language);
  if (format === "csv") return casesToCsv(rows, { context, columns });
  const { casesToXlsx } = await import("./xlsx");
  return casesToXlsx(rows, { context, columns });
}
