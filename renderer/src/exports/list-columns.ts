/**
 * The columns of a queue export: the same facts the queue shows, one per column, in a form a
 * spreadsheet reads without the app (plain decimals, ISO instants, names instead of ids).
 */
import type { CaseSummary } from "@shared/domain/appeal";

export interface ExportContext {
  /** Display names by user id, for the assignee column. */
  userNames: Readonly<Record<string, string>>;
}

export interface ListColumn {
  header: string;
  /** Spreadsheet width in characters. */
  width: number;
  kind: "text" | "amount" | "instant";
  value(row: CaseSummary, context: ExportContext): string;
}

export const LIST_COLUMNS: readonly ListColumn[] = [
  { header: "Reference", width: 12, kind: "text", value: (r) => r.reference },
  { header: "Kind", width: 10, kind: "text", value: (r) => r.kind },
  { header: "Reason", width: 22, kind: "text", value: (r) => r.reason },
  { header: "Status", width: 18, kind: "text", value: (r) => r.status },
  { header: "Stage", width: 7, kind: "text", value: (r) => r.stage },
  { header: "Region", width: 7, kind: "text", value: (r) => r.region },
  { header: "Amount", width: 16, kind: "amount", value: (r) => r.amount },
  { header: "Currency", width: 9, kind: "text", value: (r) => r.currency },
  { header: "Complainant", width: 24, kind: "text", value: (r) => r.complainantName },
  { header: "Respondent", width: 24, kind: "text", value: (r) => r.respondentName },
  {
    header: "Assignee",
    width: 22,
    kind: "text",
    value: (r, c) => (r.assigneeId ? (c.userNames[r.assigneeId] ?? r.assigneeId) : ""),
  },
  { header: "Priority", width: 8, kind: "text", value: (r) => r.priority },
  { header: "Filed at", width: 22, kind: "instant", value: (r) => r.filedAt },
  { header: "Escalated at", width: 22, kind: "instant", value: (r) => r.escalatedAt ?? "" },
  { header: "SLA due at", width: 22, kind: "instant", value: (r) => r.dueAt ?? "" },
];
