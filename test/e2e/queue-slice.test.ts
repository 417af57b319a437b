import { afterAll, beforeAll, expect, test } from "vitest";
import { type LaunchedBrowser, launchChromium } from "./support/chromium";
import { startWebServer, type WebServer } from "./support/web-server";

let server: WebServer;
let browser: LaunchedBrowser;

beforeAll(async () => {
  server = await startWebServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

test("an agent signs in and sees the seeded appeals in the queue", async () => {
  const page = await browser.context.newPage();
  await page.goto(server.url);

  await page.getByLabel("Username").fill("agent1");
  await page.getByLabel("Password").fill("wrong");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect
    .poll(() => page.getByRole("alert").textContent())
    .toContain("Wrong username or password");

  await page.getByLabel("Password").fill("demo");
  await page.getByRole("button", { name: "Sign in" }).click();

  const queue = page.getByRole("table", { name: "Appeal queue" });
  await queue.waitFor();
  // The demo seed files 240 appeals; the queue loads them all, page by page.
  await expect.poll(() => queue.locator("tbody tr").count(), { timeout: 30_000 }).toBe(240);
  const headers = await queue.locator("thead th").allTextContents();
  expect(headers).toEqual([
    "Reference",
    "Kind",
    "Reason",
    "Amount",
    "Parties",
    "Status",
    "Escalated",
  ]);
  const firstRow = await queue.locator("tbody tr").first().textContent();
  expect(firstRow).toMatch(/AP-\d{6}/);
  // Seeded texts in all three languages reach the screen.
  const body = await queue.textContent();
  expect(body).toMatch(/[\u4e00-\u9fff]/);
  expect(body).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);

  await page.screenshot({ path: "docs/screenshots/queue.png" });
});
