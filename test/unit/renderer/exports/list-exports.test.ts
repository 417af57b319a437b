import type { CaseSummary } from "@shared/domain/appeal";
import { readSheet } from "read-excel-file/node";
import { describe, expect, test } from "vitest";
import { casesToCsv, parseCsv, UTF8_BOM } from "../../../../renderer/src/exports/csv";
import { LIST_COLUMNS } from "../../../../renderer/src/exports/list-columns";
import { casesToXlsx } from "../../../../renderer/src/exports/xlsx";

function summary(i: number, overrides: Partial<CaseSummary> = {}): CaseSummary {
  return {
    id: `c${i}`,
    reference: `AP-${String(i).padStart(6, "0")}`,
    kind: "p2p_trade",
    reason: "paid_not_released",
    status: "in_review",
    stage: "first",
    region: "VN",
    amount: "25000000",
    currency: "VND",
    complainantName: "Nguyễn Thị Thảo",
    respondentName: '王小明, "Ltd"',
    assigneeId: "u-agent1",
    filedAt: "2026-03-02T03:30:00.000Z",
    escalatedAt: "2026-03-02T03:40:00.000Z",
    updatedAt: "2026-03-02T03:40:00.000Z",
    version: 3,
    priority: "normal",
    dueAt: null,
    warnAt: null,
    needsSupervisor: false,
    ...overrides,
  };
}

const context = { userNames: { "u-agent1": "Trần Văn Hùng" } };

describe("queue exports", () => {
  test("CSV starts with a BOM, quotes what needs quoting and round-trips the rows", async () => {
    const rows = [summary(1), summary(2, { complainantName: '=HYPERLINK("x")', amount: "3499.5" })];
    const blob = await casesToCsv(rows, { context });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    expect(text).toContain("\r\n");
    const parsed = parseCsv(text);
    expect(parsed[0]).toEqual(LIST_COLUMNS.map((c) => c.header));
    expect(parsed[1]).toEqual([
      "AP-000001",
      "p2p_trade",
      "paid_not_released",
      "in_review",
      "first",
      "VN",
      "25000000",
      "VND",
      "Nguyễn Thị Thảo",
      '王小明, "Ltd"',
      "Trần Văn Hùng",
      "normal",
      "2026-03-02T03:30:00.000Z",
      "2026-03-02T03:40:00.000Z",
      "",
    ]);
    // A name that would run as a formula is neutralised.
    expect(parsed[2]?.[8]).toBe('\'=HYPERLINK("x")');
    expect(parsed[2]?.[6]).toBe("3499.5");
  });

  test("XLSX re-reads with the same cells: numbers for amounts, dates for instants", async () => {
    const rows = [
      summary(1),
      summary(2, { amount: "123456789012345678.12345678", currency: "USDT" }),
    ];
    const blob = await casesToXlsx(rows, { context });
    const data = await readSheet(Buffer.from(await blob.arrayBuffer()));
    expect(data[0]).toEqual(LIST_COLUMNS.map((c) => c.header));
    expect(data[1]?.[0]).toBe("AP-000001");
    expect(data[1]?.[6]).toBe(25_000_000);
    expect(data[1]?.[8]).toBe("Nguyễn Thị Thảo");
    expect(data[1]?.[9]).toBe('王小明, "Ltd"');
    // Excel keeps dates as fractional days: equal to the second, not to the millisecond.
    const cell: unknown = data[1]![12];
    expect(cell).toBeInstanceOf(Date);
    const filed = (cell as Date).getTime();
    expect(Math.round(filed / 1000) * 1000).toBe(Date.parse("2026-03-02T03:30:00.000Z"));
    // Too many digits for a double: kept exact, as text.
    expect(data[2]?.[6]).toBe("123456789012345678.12345678");
  });

  test("a long export reports progress and stops when cancelled", async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => summary(i));
    const controller = new AbortController();
    const seen: number[] = [];
    const run = casesToCsv(rows, {
      context,
      signal: controller.signal,
      onProgress: (done) => {
        seen.push(done);
        if (done >= 10_000) controller.abort(new DOMException("cancelled", "AbortError"));
      },
    });
    await expect(run).rejects.toThrow("cancelled");
    expect(seen).toEqual([5_000, 10_000]);
  });
});
