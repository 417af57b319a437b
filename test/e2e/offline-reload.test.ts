/**
 * Web mode reloads while offline: the service worker's app-shell cache serves the page and its
 * assets, and the desk opens from its IndexedDB cache, instead of the browser's error page. The
 * browser context goes offline as a whole (no network for any request, the server included).
 */
import { expect, test } from "vitest";
import { en as c } from "../../renderer/src/i18n/locales/en";
import { deskFixture } from "./support/desk-fixture";

const desk = deskFixture();

test("with the network gone, a reload shows the desk from the cache", async () => {
  const page = await desk.browser.context.newPage();
  await page.goto(desk.server.url);
  await page.getByLabel("Username").fill("agent1");
  await page.getByLabel("Password").fill("demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  const queue = page.getByRole("table", { name: c.queue.tableName });
  await expect
    .poll(() => queue.getAttribute("aria-rowcount"), { timeout: 30_000 })
    .toBe(String(240 + 1));
  const status = page.getByRole("status", { name: "Sync status" });
  await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/^Synced/);
  // The worker controls the page once it has activated and claimed it.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
    .toBe(true);

  await desk.browser.context.setOffline(true);
  try {
    await page.reload();
    await expect
      .poll(() => queue.getAttribute("aria-rowcount"), { timeout: 30_000 })
      .toBe(String(240 + 1));
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toContain(c.sync.offline);
    expect(await page.getByRole("button", { name: c.app.signOut }).count()).toBe(1);
    // Not the browser's error page: our document, our title.
    expect(await page.title()).toContain("Arbiter Desk");
    await page.screenshot({ path: "docs/screenshots/offline-reload.png" });
  } finally {
    await desk.browser.context.setOffline(false);
  }
  await expect.poll(() => status.textContent(), { timeout: 60_000 }).toMatch(/^Synced/);
  await page.close();
});
