/**
 * A supervisor in Chromium (web mode): exports a Chinese and a Vietnamese case report to PDF and
 * reads them back with poppler (text and a rendered page for the README), exports the second-stage
 * queue as CSV and XLSX and compares them with the table on screen, and meets the four-eyes rule.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, renameSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { MutationResponse } from "@shared/api/mutations";
import type { CaseDetail } from "@shared/domain/appeal";
import type { Page } from "playwright-core";
import { readSheet } from "read-excel-file/node";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parseCsv } from "../../renderer/src/exports/csv";
import { ApiClient } from "../support/api";
import { filing } from "../support/appeals";
import { tinyPng } from "../support/report-fonts";
import { type LaunchedBrowser, launchChromium } from "./support/chromium";
import { startWebServer, type WebServer } from "./support/web-server";

const SERVICE_TOKEN = process.env.SERVICE_TOKEN ?? "demo-service-token";
const dir = mkdtempSync(join(tmpdir(), "arbiter-e2e-reports-"));

let server: WebServer;
let browser: LaunchedBrowser;
let zhCase: CaseDetail;
let viCase: CaseDetail;

/** Files, escalates, decides (by `decider`) and appeals a case through the API; returns it. */
async function secondStageCase(
  url: string,
  decider: string,
  overrides: Parameters<typeof filing>[0],
  rationale: string,
  objection: string,
): Promise<CaseDetail> {
  const service = new ApiClient(url, SERVICE_TOKEN);
  const filed = await service.post<{ case: CaseDetail }>("/integration/appeals", filing(overrides));
  expect(filed.status).toBe(201);
  const id = filed.body.case.id;
  const form = new FormData();
  form.set("party", "complainant");
  form.set("description", overrides?.region === "CN" ? "网银转账成功页面" : "Ảnh chụp giao dịch");
  const png = new Uint8Array(tinyPng(160, 100, [30, 110, 190]));
  form.set("file", new Blob([png], { type: "image/png" }), "proof.png");
  expect((await service.upload(`/integration/appeals/${id}/evidence`, form)).status).toBe(200);
  const answered = await service.post<{ case: CaseDetail }>(
    `/integration/appeals/${id}/respondent-answer`,
    { answer: "negotiation_failed", statement: objection },
  );
  expect(answered.status).toBe(200);
  const agent = await ApiClient.login(url, decider);
  const claimed = await agent.post<MutationResponse>(
    `/cases/${id}/claim`,
    {},
    { ifMatch: answered.body.case.version },
  );
  expect(claimed.status).toBe(200);
  const decided = await agent.post<MutationResponse>(
    `/cases/${id}/decision`,
    { outcome: "release", favouredParty: "complainant", rationale },
    { ifMatch: claimed.body.version },
  );
  expect(decided.status).toBe(200);
  const appealed = await service.post<{ case: CaseDetail }>(
    `/integration/appeals/${id}/second-stage`,
    {
      party: "respondent",
      statement: objection,
    },
  );
  expect(appealed.status).toBe(200);
  return appealed.body.case;
}

async function signIn(page: Page, username: string) {
  await page.goto(server.url);
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill("demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("link", { name: "Supervision" }).waitFor({ timeout: 30_000 });
}

async function exportReport(
  page: Page,
  detail: CaseDetail,
  language: "zh" | "vi" | "zh-Hant",
  /** The report language the supervisor picks; without it the case's own. */
  chosen?: "en" | "vi" | "zh-Hans" | "zh-Hant",
) {
  await page.goto(`${server.url}/#/supervisor/report/${detail.id}`);
  const report = page.getByRole("article", { name: new RegExp(detail.reference) });
  await report.waitFor({ timeout: 30_000 }).catch(async (error: unknown) => {
    await page.screenshot({ path: join(dir, "failure.png") });
    throw new Error(`${String(error)}\n${await page.locator("body").textContent()}`);
  });
  if (chosen) {
    await page.getByLabel("Report language").selectOption(chosen);
    await page.locator(`article.case-report[lang="${chosen}"]`).waitFor({ timeout: 30_000 });
  }
  const shownHash = await report.locator(".report-footer code").textContent();
  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: 60_000 }),
    page.getByRole("button", { name: "Save PDF" }).click(),
  ]);
  const path = join(dir, `${language}.pdf`);
  await download.saveAs(path);
  const text = execFileSync("pdftotext", ["-layout", path, "-"], { encoding: "utf8" });
  mkdirSync("docs/screenshots", { recursive: true });
  execFileSync("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", path, join(dir, language)]);
  renameSync(join(dir, `${language}-1.png`), `docs/screenshots/report-${language}.png`);
  return { text, shownHash: shownHash ?? "" };
}

beforeAll(async () => {
  server = await startWebServer();
  browser = await launchChromium();
  zhCase = await secondStageCase(
    server.url,
    "agent1",
    {
      region: "CN",
      amount: "3499.50",
      currency: "CNY",
      complainant: {
        side: "buyer",
        externalUserId: "CN1001",
        displayName: "王小明",
        phone: "+86 13800138000",
        email: "wangxm@example.cn",
        language: "zh",
      },
      respondent: {
        side: "seller",
        externalUserId: "CN2002",
        displayName: "李华",
        phone: "+86 13912345678",
        email: null,
        language: "zh",
      },
      statement: "我已经通过银行转账付款 3499.50 元，卖家一直不放币。",
      trade: {
        orderId: "P2P-ZH-0001",
        asset: "USDT",
        assetAmount: "485.2",
        fiatAmount: "3499.50",
        fiatCurrency: "CNY",
        price: "7.2125",
        paymentMethod: "银行转账",
        createdAt: new Date(Date.now() - 40 * 60_000).toISOString(),
        markedPaidAt: new Date(Date.now() - 30 * 60_000).toISOString(),
      },
    },
    "买家提供的转账截图与订单金额、时间一致，卖家流水缺少当日记录，裁定放币给买家。",
    "卖家不同意裁决：银行流水显示未到账。",
  );
  viCase = await secondStageCase(
    server.url,
    "supervisor1",
    {
      region: "VN",
      amount: "25000000",
      currency: "VND",
      complainant: {
        side: "buyer",
        externalUserId: "VN1001",
        displayName: "Nguyễn Thị Thảo",
        phone: "+84 912345678",
        email: null,
        language: "vi",
      },
      respondent: {
        side: "seller",
        externalUserId: "VN2002",
        displayName: "Trần Văn Hùng",
        phone: "+84 987654321",
        email: null,
        language: "vi",
      },
      statement: "Tôi đã chuyển khoản 25.000.000 ₫ nhưng người bán chưa mở khóa USDT.",
      trade: {
        orderId: "P2P-VI-0001",
        asset: "USDT",
        assetAmount: "984.25",
        fiatAmount: "25000000",
        fiatCurrency: "VND",
        price: "25400",
        paymentMethod: "Vietcombank",
        createdAt: new Date(Date.now() - 40 * 60_000).toISOString(),
        markedPaidAt: new Date(Date.now() - 30 * 60_000).toISOString(),
      },
    },
    "Sao kê ngân hàng của người mua khớp số tiền và thời gian; quyết định mở khóa cho người mua.",
    "Tôi không đồng ý với quyết định: tiền chưa về tài khoản.",
  );
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("supervisor exports", () => {
  test("a Chinese and a Vietnamese case report export to PDF with names, amounts, decision and hashes", async () => {
    const page = await browser.context.newPage();
    await signIn(page, "supervisor2");

    const zh = await exportReport(page, zhCase, "zh");
    expect(zh.text).toContain("申诉案件报告");
    expect(zh.text).toContain("王小明");
    expect(zh.text).toContain("李华");
    expect(zh.text).toContain("3,499.50 CNY");
    expect(zh.text).toContain("放币给买家");
    expect(zh.text).toContain("卖家流水缺少当日记录");
    // The objection and the clocks read in Chinese too.
    expect(zh.text).toContain("卖家不同意裁决");
    expect(zh.text).toContain("二次复核");
    for (const item of zhCase.evidence) expect(zh.text).toContain(item.sha256);
    expect(zh.text).toContain(zh.shownHash);
    expect(zh.text).not.toContain("13800138000");

    const vi = await exportReport(page, viCase, "vi");
    expect(vi.text).toContain("Báo cáo vụ khiếu nại");
    expect(vi.text).toContain("Nguyễn Thị Thảo");
    expect(vi.text).toContain("Trần Văn Hùng");
    expect(vi.text).toContain("25,000,000 VND");
    expect(vi.text).toContain("Mở khóa cho người mua");
    for (const item of viCase.evidence) expect(vi.text).toContain(item.sha256);
    expect(vi.text).toContain(vi.shownHash);

    // The supervisor picks Traditional Chinese for the Vietnamese case: labels in Traditional
    // characters, all drawn (no "?" for a glyph the font lacks), the data as written.
    const hant = await exportReport(page, viCase, "zh-Hant", "zh-Hant");
    expect(hant.text).toContain("申訴案件報告");
    expect(hant.text).toContain("稽核紀錄");
    expect(hant.text).toContain("當事人");
    expect(hant.text).toContain("Nguyễn Thị Thảo");
    expect(hant.text).not.toMatch(/[报审录当]/);
    expect(hant.text).toContain(hant.shownHash);
    await page.close();
  });

  test("the second-stage queue exports as CSV and XLSX equal to the table on screen", async () => {
    const page = await browser.context.newPage();
    await signIn(page, "supervisor2");
    // Tall enough for every second-stage row: the table renders the rows in view.
    await page.setViewportSize({ width: 1440, height: 2400 });
    await page.goto(`${server.url}/#/supervisor`);
    const table = page.getByRole("table", { name: "Second-stage queue" });
    await expect
      .poll(() => table.getByText(zhCase.reference, { exact: true }).count(), { timeout: 30_000 })
      .toBe(1);
    // The agent queue's table: cells by column; the amount as shown, without digit grouping.
    const shown = await table.locator("tbody tr[data-case-id]").evaluateAll((rows) =>
      rows.map((row) => {
        const text = (column: string) =>
          row.querySelector(`.col-${column}`)?.textContent?.trim() ?? "";
        const names = [...row.querySelectorAll(".col-parties .parties > span")]
          .filter((span) => !span.matches("[aria-hidden], .visually-hidden"))
          .map((span) => span.textContent ?? "");
        return {
          reference: text("reference"),
          amount: text("amount").replace(/,/g, ""),
          parties: names.join(" / "),
        };
      }),
    );
    expect(shown.length).toBeGreaterThanOrEqual(2);

    const [csvDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export CSV" }).click(),
    ]);
    const csvPath = join(dir, "queue.csv");
    await csvDownload.saveAs(csvPath);
    const bytes = readFileSync(csvPath);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = parseCsv(bytes.toString("utf8"));
    const header = csv[0] ?? [];
    const col = (name: string) => header.indexOf(name);
    const fromCsv = csv.slice(1).map((r) => ({
      reference: r[col("Reference")] ?? "",
      amount: `${r[col("Amount")]} ${r[col("Currency")]}`,
      parties: `${r[col("Complainant")]} / ${r[col("Respondent")]}`,
    }));
    expect(fromCsv).toEqual(shown);
    // Statuses, stages and reasons as words, not codes.
    expect(JSON.stringify(csv.slice(1))).not.toMatch(
      /\b(second_stage|supervisor_review|p2p_trade|paid_not_released|second)\b/,
    );
    expect(csv.slice(1).map((r) => r[col("Stage")])).toContain("Second stage");

    const [xlsxDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export XLSX" }).click(),
    ]);
    const xlsxPath = join(dir, "queue.xlsx");
    await xlsxDownload.saveAs(xlsxPath);
    const sheet = await readSheet(readFileSync(xlsxPath));
    const xHeader = (sheet[0] ?? []).map(String);
    const x = (row: unknown[], name: string) => row[xHeader.indexOf(name)];
    const fromXlsx = sheet.slice(1).map((r) => ({
      reference: String(x(r, "Reference")),
      amount: `${x(r, "Amount")} ${x(r, "Currency")}`,
      parties: `${x(r, "Complainant")} / ${x(r, "Respondent")}`,
    }));
    // Amounts are numbers in XLSX: "3499.5" there is "3499.50" on screen.
    const normalise = (rows: typeof shown) =>
      rows.map((r) => ({
        ...r,
        amount: r.amount.replace(/^(\d+\.\d*?)0+ /, "$1 ").replace(/\. /, " "),
      }));
    expect(normalise(fromXlsx)).toEqual(normalise(shown));

    // The oversight dashboard, filtered to the Vietnamese calendar.
    await page.goto(`${server.url}/#/supervisor/oversight`);
    const workload = page.getByRole("table", { name: "Workload table" });
    await workload.waitFor({ timeout: 30_000 });
    expect(await workload.locator("tbody tr").count()).toBeGreaterThan(0);
    await page.getByLabel("Region calendar").selectOption("VN");
    await page.getByText("times in Asia/Ho_Chi_Minh").waitFor();
    await page.screenshot({ path: "docs/screenshots/supervisor-oversight.png", fullPage: true });
    await page.close();
  });

  test("four-eyes: the first decider sees why they cannot review; another supervisor can", async () => {
    const page = await browser.context.newPage();
    await signIn(page, "supervisor1");
    await page.goto(`${server.url}/#/supervisor/review/${viCase.id}`);
    const note = page.getByRole("note");
    await expect
      .poll(() => note.textContent(), { timeout: 30_000 })
      .toContain("You took the first decision");
    expect(await page.getByRole("button", { name: "Submit review" }).isDisabled()).toBe(true);
    await page.close();

    const other = await browser.context.newPage();
    await signIn(other, "supervisor2");
    await other.goto(`${server.url}/#/supervisor/review/${zhCase.id}`);
    await other.getByRole("button", { name: "Claim for review" }).click();
    await expect
      .poll(() => other.getByLabel("Rationale", { exact: true }).isEnabled(), { timeout: 30_000 })
      .toBe(true);
    await other
      .getByLabel("Rationale", { exact: true })
      .fill("复核确认：买家转账凭证真实，维持放币裁决。");
    await other.getByRole("button", { name: "Submit review" }).click();
    await other.getByText("Review queued").waitFor();
    const supervisor = await ApiClient.login(server.url, "supervisor2");
    await expect
      .poll(async () => (await supervisor.get<CaseDetail>(`/cases/${zhCase.id}`)).body.status, {
        timeout: 30_000,
      })
      .not.toBe("supervisor_review");
    await other.close();
  });
});
