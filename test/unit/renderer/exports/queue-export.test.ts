/**
 * The queue's export files, opened as a spreadsheet would: the CSV parsed, the XLSX unzipped and
 * its cells read. Headers and enum values are in the report language chosen (Vietnamese,
 * Simplified and Traditional Chinese here), never raw codes; rows keep the order given.
 */
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, test } from "vitest";
import { parseCsv } from "../../../../renderer/src/exports/csv";
import { exportQueue } from "../../../../renderer/src/exports/queue-export";
import { createI18n } from "../../../../renderer/src/i18n/i18n";
import { bareSummary as summary } from "../../../support/case-detail";

const ROWS = [
  summary("c2", { reason: "paid_not_released", status: "in_review", priority: "urgent" }),
  summary("c1", { kind: "payment", reason: "duplicate_charge", status: "escalated" }),
];
const RAW_CODES =
  /\b(p2p_trade|paid_not_released|duplicate_charge|in_review|escalated|urgent|normal|first)\b/;

/** Every text cell of the first sheet, row by row (shared strings or inline strings). */
async function xlsxCells(blob: Blob): Promise<string[][]> {
  const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
  const shared = files["xl/sharedStrings.xml"]
    ? [...strFromU8(files["xl/sharedStrings.xml"]).matchAll(/<si>(.*?)<\/si>/gs)].map((m) =>
        [...(m[1] ?? "").matchAll(/<t[^>]*>(.*?)<\/t>/gs)].map((t) => t[1]).join(""),
      )
    : [];
  const sheet = strFromU8(files["xl/worksheets/sheet1.xml"] as Uint8Array);
  return [...sheet.matchAll(/<row[^>]*>(.*?)<\/row>/gs)].map((row) =>
    [...(row[1] ?? "").matchAll(/<c([^>]*)>(.*?)<\/c>/gs)].map(([, attrs, body]) => {
      const value =
        /<v>(.*?)<\/v>/s.exec(body ?? "")?.[1] ?? /<t[^>]*>(.*?)<\/t>/s.exec(body ?? "")?.[1] ?? "";
      return attrs?.includes('t="s"') ? (shared[Number(value)] ?? "") : value;
    }),
  );
}

describe("queue export", () => {
  test("CSV in Vietnamese: headers and values as the desk shows them, in the queue's order", async () => {
    const i18n = createI18n("en");
    const blob = await exportQueue(ROWS, "csv", {
      i18n,
      language: "vi",
      context: { userNames: {} },
    });
    const [header, first, second] = parseCsv(await blob.text());
    expect(header?.slice(0, 5)).toEqual(["Mã khiếu nại", "Loại", "Lý do", "Trạng thái", "Cấp"]);
    expect(first?.[0]).toBe("AP-000002");
    expect(first?.[1]).toBe(i18n.getFixedT("vi")("kind.p2p_trade"));
    expect(first?.[3]).toBe(i18n.getFixedT("vi")("status.in_review"));
    expect(second?.[2]).toBe(i18n.getFixedT("vi")("reason.duplicate_charge"));
    expect(JSON.stringify([first, second])).not.toMatch(RAW_CODES);
    // The desk's own language is not the report's.
    expect(i18n.language).toBe("en");
  });

  test("XLSX in Simplified and Traditional Chinese, opened and read cell by cell", async () => {
    const i18n = createI18n("vi");
    for (const language of ["zh-Hans", "zh-Hant"] as const) {
      const t = i18n.getFixedT(language);
      const blob = await exportQueue(ROWS, "xlsx", { i18n, language, context: { userNames: {} } });
      const [header, first, second] = await xlsxCells(blob);
      expect(header?.slice(0, 4)).toEqual([
        t("queueExport.column.reference"),
        t("queueExport.column.kind"),
        t("queueExport.column.reason"),
        t("queueExport.column.status"),
      ]);
      expect(first).toContain(t("reason.paid_not_released"));
      expect(first).toContain(t("priority.urgent"));
      expect(second).toContain(t("kind.payment"));
      expect(JSON.stringify([first, second])).not.toMatch(RAW_CODES);
    }
    expect(i18n.getFixedT("zh-Hant")("queueExport.column.currency")).toBe("幣別");
    expect(i18n.getFixedT("zh-Hans")("queueExport.column.currency")).toBe("币种");
  });
});
