import type { CasePage, ListCasesQuery } from "@shared/api/cases";
import { type CaseSummary, formatCaseReference } from "@shared/domain/appeal";
import type { Queryable } from "../db/database";
import { toDecimal, toIso, toIsoOrNull } from "../db/values";
import { decodeCursor, encodeCursor } from "./cursor";

export interface CaseSummaryRow {
  id: string;
  reference_no: string | number;
  kind: CaseSummary["kind"];
  reason: CaseSummary["reason"];
  status: CaseSummary["status"];
  stage: CaseSummary["stage"];
  region: CaseSummary["region"];
  amount: string;
  currency: CaseSummary["currency"];
  complainant_name: string;
  respondent_name: string;
  assignee_id: string | null;
  filed_at: Date | string;
  escalated_at: Date | string | null;
  updated_at: Date | string;
  version: number;
  priority: CaseSummary["priority"];
  due_at: Date | string | null;
  warn_at: Date | string | null;
  needs_supervisor: boolean;
}

const SUMMARY_TEXT_COLUMNS = [
  "id",
  "reference_no",
  "kind",
  "reason",
  "status",
  "stage",
  "region",
  "currency",
  "complainant_name",
  "respondent_name",
  "assignee_id",
  "version",
  "priority",
  "needs_supervisor",
] as const;
const SUMMARY_INSTANT_COLUMNS = ["filed_at", "escalated_at", "updated_at", "due_at", "warn_at"];

/**
 * The summary's select list, with `alias.` in front of every column when given. Instants come back
 * as ISO-8601 text formatted by the database: parsing a Date per timestamp in the driver and
 * formatting it again was a third of the CPU of a page of 100.
 */
export function summaryColumns(alias?: string): string {
  const column = (name: string) => (alias ? `${alias}.${name}` : name);
  return [
    ...SUMMARY_TEXT_COLUMNS.map(column),
    // As text, so no driver or JSON encoding turns the decimal into a binary float.
    `${column("amount")}::text as amount`,
    ...SUMMARY_INSTANT_COLUMNS.map((name) => `${isoText(column(name))} as ${name}`),
  ].join(", ");
}

/** `timestamptz` → "2025-01-02T03:04:05.678Z", the exact text of `Date.prototype.toISOString`. */
export function isoText(expression: string): string {
  return `to_char(${expression} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

export const CASE_SUMMARY_COLUMNS = summaryColumns();

export function toCaseSummary(row: CaseSummaryRow): CaseSummary {
  return {
    id: row.id,
    reference: formatCaseReference(Number(row.reference_no)),
    kind: row.kind,
    reason: row.reason,
    status: row.status,
    stage: row.stage,
    region: row.region,
    amount: toDecimal(row.amount),
    currency: row.currency,
    complainantName: row.complainant_name,
    respondentName: row.respondent_name,
    assigneeId: row.assignee_id,
    filedAt: toIso(row.filed_at),
    escalatedAt: toIsoOrNull(row.escalated_at),
    updatedAt: toIso(row.updated_at),
    version: row.version,
    priority: row.priority,
    dueAt: toIsoOrNull(row.due_at),
    warnAt: toIsoOrNull(row.warn_at),
    needsSupervisor: row.needs_supervisor,
  };
}

/**
 * Queue order key: escalation time, with cases not yet escalated after every escalated one.
 * Matches the expression index `cases_queue_idx`, so keep the two identical.
 */
const QUEUE_KEY = "coalesce(escalated_at, 'infinity'::timestamptz)";

/**
 * One page of the queue in escalation order (oldest escalation first: the most urgent), by keyset
 * so page 1,000 costs what page 1 does.
 */
export async function listCases(
  db: Queryable,
  query: ListCasesQuery,
  viewerId: string,
): Promise<CasePage> {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (query.status?.length) where.push(`status = any(${param(query.status)}::text[])`);
  if (query.stage) where.push(`stage = ${param(query.stage)}`);
  if (query.kind) where.push(`kind = ${param(query.kind)}`);
  if (query.assignee === "none") where.push("assignee_id is null");
  else if (query.assignee)
    where.push(`assignee_id = ${param(query.assignee === "me" ? viewerId : query.assignee)}`);
  if (query.risk?.length) {
    // Relative to the request time, like the desk's own "at risk" badge.
    const now = param(new Date());
    const risk: Record<string, string> = {
      breached: `due_at <= ${now}`,
      at_risk: `(warn_at <= ${now} and due_at > ${now})`,
      on_track: `(due_at is null or (due_at > ${now} and (warn_at is null or warn_at > ${now})))`,
    };
    where.push(`(${query.risk.map((r) => risk[r]).join(" or ")})`);
  }
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor);
    where.push(
      `(${QUEUE_KEY}, id) > (${param(cursor.e ?? "infinity")}::timestamptz, ${param(cursor.i)})`,
    );
  }
  const sql = `select ${CASE_SUMMARY_COLUMNS} from cases
    ${where.length ? `where ${where.join(" and ")}` : ""}
    order by ${QUEUE_KEY}, id
    limit ${param(query.limit + 1)}`;
  const rows = await db.query<CaseSummaryRow>(sql, params);
  const page = rows.slice(0, query.limit).map(toCaseSummary);
  const last = page.at(-1);
  const nextCursor =
    rows.length > query.limit && last ? encodeCursor({ e: last.escalatedAt, i: last.id }) : null;
  return { items: page, nextCursor };
}
