import { expect, test } from "vitest";
import { deskFixture } from "./support/desk-fixture";

const desk = deskFixture();

test("an agent signs in and sees the seeded appeals in the queue", async () => {
  const page = await desk.browser.context.newPage();
  await page.goto(desk.server.url);

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
  // The demo seed files 240 appeals; all of them reach the cache and the queue, but the table is
  // virtualised: it announces every row (aria-rowcount, header row included) and renders a screenful.
  await expect
    .poll(() => queue.getAttribute("aria-rowcount"), { timeout: 30_000 })
    .toBe(String(240 + 1));
  await expect.poll(() => queue.locator("tbody tr[data-case-id]").count()).toBeGreaterThan(10);
  const rendered = await queue.locator("tbody tr[data-case-id]").count();
  expect(rendered).toBeLessThan(80);
  const headers = await queue.locator("thead th").allTextContents();
  expect(headers).toEqual([
    "",
    "Reference",
    "Kind",
    "Reason",
    "Amount",
    "Parties",
    "Status",
    "Assignee",
    "SLA",
    "Escalated",
  ]);
  const firstRow = await queue.locator("tbody tr[data-case-id]").first().textContent();
  expect(firstRow).toMatch(/AP-\d{6}/);
  // Seeded names in Vietnamese and Chinese reach the screen (searching brings each script up).
  const search = page.getByLabel("Search appeals");
  await search.fill("王");
  await expect.poll(() => queue.textContent()).toMatch(/[\u4e00-\u9fff]/);
  await search.fill("Nguyễn");
  await expect
    .poll(() => queue.textContent())
    .toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
  await search.fill("");

  await page.screenshot({ path: "docs/screenshots/queue.png" });
});
