/**
 * CSV as Excel opens it correctly: UTF-8 with a byte-order mark (without it Excel guesses a legacy
 * code page and Vietnamese/Chinese names turn to mojibake), CRLF rows, RFC 4180 quoting.
 */
import type { CaseSummary } from "@shared/domain/appeal";
import { type ExportContext, LIST_COLUMNS, type ListColumn } from "./list-columns";

export const UTF8_BOM = "\uFEFF";

/**
 * A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR at the start) is
 * prefixed with an apostrophe: party names and statements come from outside (CSV injection).
 * Amounts are ours and never negative, so they are left alone.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvField).join(",")}\r\n`;
}

/** Rows per yield to the event loop (and per progress report, and per abort check). */
const CHUNK = 5_000;

export interface ListExportOptions {
  context: ExportContext;
  columns?: readonly ListColumn[];
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

/** The rows as CSV text, chunk by chunk: a 100,000-row export never freezes the window. */
export async function casesToCsv(
  rows: readonly CaseSummary[],
  { context, columns = LIST_COLUMNS, signal, onProgress }: ListExportOptions,
): Promise<Blob> {
  const parts: string[] = [UTF8_BOM, csvLine(columns.map((c) => c.header))];
  for (let start = 0; start < rows.length; start += CHUNK) {
    signal?.throwIfAborted();
    let chunk = "";
    for (const row of rows.slice(start, start + CHUNK)) {
      chunk += csvLine(
        columns.map((c) => {
          const value = c.value(row, context);
          return c.kind === "text" ? neutraliseFormula(value) : value;
        }),
      );
    }
    parts.push(chunk);
    onProgress?.(Math.min(start + CHUNK, rows.length), rows.length);
    if (rows.length > CHUNK) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  signal?.throwIfAborted();
  return new Blob(parts, { type: "text/csv;charset=utf-8" });
}

/** Parses CSV written by `casesToCsv` (and any RFC 4180 CSV): for tests and round trips. */
export function parseCsv(text: string): string[][] {
  const source = text.startsWith(UTF8_BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let isQuoted = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (isQuoted) {
      if (char === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') isQuoted = false;
      else field += char;
    } else if (char === '"') isQuoted = true;
    else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\n" || (char === "\r" && source[i + 1] === "\n")) {
      if (char === "\r") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += char;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
