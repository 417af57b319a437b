/**
 * XLSX exports with write-excel-file: amounts as numbers when a double holds them exactly (so sums
 * work), as text otherwise; instants as real dates shown in UTC with their ISO text beside nothing
 * lost; a frozen header row.
 */
import type { CaseSummary } from "@shared/domain/appeal";
import writeXlsxFile, { type Cell, type Row } from "write-excel-file/universal";
import type { ListExportOptions } from "./csv";
import { LIST_COLUMNS } from "./list-columns";

/** Up to 15 significant digits survive a round trip through a double. */
function isExactAsNumber(decimal: string): boolean {
  return decimal.replace(".", "").replace(/^0+/, "").length <= 15;
}

function cellOf(kind: "text" | "amount" | "instant", value: string): Cell {
  if (value === "") return null;
  if (kind === "amount" && isExactAsNumber(value)) {
    return { value: Number(value), type: Number, format: "#,##0.########" };
  }
  if (kind === "instant") {
    return { value: new Date(value), type: Date, format: "yyyy-mm-dd hh:mm:ss" };
  }
  return { value, type: String };
}

export async function casesToXlsx(
  rows: readonly CaseSummary[],
  { context, columns = LIST_COLUMNS, signal, onProgress }: ListExportOptions,
): Promise<Blob> {
  const header: Row = columns.map((c) => ({ value: c.header, type: String, fontWeight: "bold" }));
  const data: Row[] = [header];
  const CHUNK = 5_000;
  for (let start = 0; start < rows.length; start += CHUNK) {
    signal?.throwIfAborted();
    for (const row of rows.slice(start, start + CHUNK)) {
      data.push(columns.map((c) => cellOf(c.kind, c.value(row, context))));
    }
    onProgress?.(Math.min(start + CHUNK, rows.length), rows.length);
    if (rows.length > CHUNK) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  signal?.throwIfAborted();
  return writeXlsxFile(data, {
    sheet: "Cases",
    columns: columns.map((c) => ({ width: c.width })),
    stickyRowsCount: 1,
  }).toBlob();
}
