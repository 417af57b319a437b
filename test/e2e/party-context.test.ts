/**
 * Party context as an agent sees it, in Chromium against the web-mode server with the demo seed
 * (which has recurring appellants and the account facts a platform sends): a case's context panel
 * lists the complainant's other appeals with their outcomes and its account facts, a related
 * appeal opens from there, and the panel follows the desk's language.
 */
import { expect, test } from "vitest";
import { deskFixture } from "./support/desk-fixture";
import { openQueueAs } from "./support/sign-in";

const desk = deskFixture();

test("a case shows each party's other appeals, outcomes and account facts, in the agent's language", async () => {
  const page = await desk.browser.context.newPage();
  const queue = await openQueueAs(page, desk.server.url, "agent1");

  // The demo's recurring appellants have platform user ids U9000000x: find their appeals.
  await page.getByLabel("Search appeals").fill("U9000000");
  await expect
    .poll(async () => Number(await queue.getAttribute("aria-rowcount")) - 1, { timeout: 30_000 })
    .toBeGreaterThan(1);
  const first = queue.locator("tbody tr[data-case-id]").first();
  const firstId = await first.getAttribute("data-case-id");
  await first.locator("a.row-link").click();

  const panel = page.getByRole("region", { name: "Context" });
  const complainant = panel.getByRole("region", { name: /^Complainant / });
  await expect
    .poll(() => complainant.locator(".related-appeals li").count(), { timeout: 30_000 })
    .toBeGreaterThan(0);
  const text = (await complainant.textContent()) ?? "";
  expect(text).toMatch(/U9000000\d/);
  expect(text).toMatch(/\d+ other appeals?/);
  expect(text).toMatch(/Account age\d+ days?/);
  expect(text).toMatch(/Completed trades\d+/);
  expect(text).toMatch(/KYC level(None|Basic|Verified|Advanced)/);
  // Each other appeal says how it ended, in words (never a raw code such as `full_refund`).
  const outcomes = await complainant.locator(".related-outcome").allTextContents();
  expect(outcomes.length).toBeGreaterThan(0);
  for (const outcome of outcomes) expect(outcome).not.toMatch(/_/);
  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: "docs/screenshots/party-context.png" });

  // In Vietnamese the panel follows.
  await page.getByLabel("Language").first().selectOption("vi");
  await page.getByRole("region", { name: "Bối cảnh" }).waitFor();
  await expect
    .poll(() => page.getByRole("region", { name: "Bối cảnh" }).textContent())
    .toMatch(/Tuổi tài khoản/);
  await page.getByRole("region", { name: "Bối cảnh" }).screenshot({
    path: "docs/screenshots/party-context-vi.png",
  });

  // A related appeal opens from the panel.
  await page
    .getByRole("region", { name: "Bối cảnh" })
    .locator(".related-appeals li button")
    .first()
    .click();
  await expect
    .poll(() => page.evaluate(() => decodeURIComponent(window.location.hash)))
    .not.toContain(firstId ?? "?");
  await page.close();
});
