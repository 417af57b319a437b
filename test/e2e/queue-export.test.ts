/**
 * Queue export as an agent does it, in Chromium against the web-mode server: the view on screen
 * (a search narrows it) is downloaded as CSV in a report language chosen beside the buttons,
 * while the desk stays in English; the file is opened and its labels checked.
 */
import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { parseCsv } from "../../renderer/src/exports/csv";
import { deskFixture } from "./support/desk-fixture";
import { openQueueAs } from "./support/sign-in";

const desk = deskFixture();

test("the queue view on screen exports as CSV with Vietnamese labels, no raw codes", async () => {
  const page = await desk.browser.context.newPage();
  const queue = await openQueueAs(page, desk.server.url, "agent1");
  await page.getByLabel("Search appeals").fill("AP-00001");
  await expect
    .poll(async () => Number(await queue.getAttribute("aria-rowcount")) - 1, { timeout: 30_000 })
    .toBeLessThan(240);
  const shown = Number(await queue.getAttribute("aria-rowcount")) - 1;
  const firstShown = await queue.locator("tbody tr[data-case-id] a.row-link").first().textContent();

  await page.getByLabel("Report language").selectOption("vi");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export CSV" }).click(),
  ]);
  const path = await download.path();
  const [header, ...rows] = parseCsv(readFileSync(path, "utf8"));
  expect(download.suggestedFilename()).toMatch(/^queue-.*\.csv$/);
  expect(header?.slice(0, 4)).toEqual(["Mã khiếu nại", "Loại", "Lý do", "Trạng thái"]);
  expect(rows).toHaveLength(shown);
  expect(firstShown).toContain(rows[0]?.[0] ?? "?");
  expect(JSON.stringify(rows)).not.toMatch(/\b(p2p_trade|in_review|escalated|paid_not_released)\b/);
  // The desk itself stayed in English.
  await page.getByRole("heading", { name: "Queue", level: 1 }).waitFor();
  await page.close();
});

test("the whole queue exports with the assignees' names, never their ids", async () => {
  const page = await desk.browser.context.newPage();
  await openQueueAs(page, desk.server.url, "agent1");
  await page.getByLabel("Report language").selectOption("zh-Hant");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export CSV" }).click(),
  ]);
  const [header, ...rows] = parseCsv(readFileSync(await download.path(), "utf8"));
  const assignee = header?.indexOf("處理人") ?? -1;
  expect(assignee).toBeGreaterThan(0);
  const names = new Set(rows.map((row) => row[assignee] ?? "").filter(Boolean));
  // The seeded in-review cases are with the demo agents.
  expect(names.size).toBeGreaterThan(0);
  for (const name of names) expect(["Mai Anh (agent)", "Chen Hao (agent)"]).toContain(name);
  expect(JSON.stringify(rows)).not.toMatch(/\bu-agent\d/);
  await page.close();
});
