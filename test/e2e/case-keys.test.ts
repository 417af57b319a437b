/**
 * The keyboard inside a case, in Chromium against the web-mode server: decide, reply, request
 * evidence, note, next/previous case and back to the queue, each from one key, none while typing;
 * and the `?` list shows them.
 */
import { expect, test } from "vitest";
import { deskFixture } from "./support/desk-fixture";
import { openQueueAs } from "./support/sign-in";

const desk = deskFixture();

test("an agent works a case from the keyboard", async () => {
  const page = await desk.browser.context.newPage();
  const queue = await openQueueAs(page, desk.server.url, "agent1");

  // One of my cases in review: the decision is mine to take.
  await page.getByLabel("Assignee", { exact: true }).selectOption("mine");
  await page.locator("summary", { hasText: "Status" }).first().click();
  await page.getByRole("checkbox", { name: "In review", exact: true }).check();
  await page.locator("summary", { hasText: "Status" }).first().click();
  const first = queue.locator("tbody tr[data-case-id]").first();
  await first.waitFor();
  const firstId = await first.getAttribute("data-case-id");
  await first.locator("a.row-link").click();
  await page.locator(".case-header").waitFor();
  const hash = () => page.evaluate(() => decodeURIComponent(window.location.hash));
  expect(await hash()).toContain(firstId);

  await page.keyboard.press("d");
  const decision = page.getByRole("dialog", { name: /Decide/ });
  await decision.waitFor();
  // Typing a "d" into the dialog's rationale is text, not a shortcut.
  await page.keyboard.press("Escape");
  await expect.poll(() => decision.isVisible()).toBe(false);

  await page.keyboard.press("r");
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.tagName), { timeout: 5_000 })
    .toMatch(/TEXTAREA|SELECT|INPUT/);
  expect(await page.getByRole("tab", { selected: true }).textContent()).toMatch(/Message/);
  await page.keyboard.type("dnej");
  // The letters went into the form: no dialog opened, the tab did not change, no case moved.
  expect(await page.getByRole("tab", { selected: true }).textContent()).toMatch(/Message/);
  expect(await hash()).toContain(firstId);
  await page.locator(".case-header").click();

  await page.keyboard.press("n");
  await expect.poll(() => page.getByRole("tab", { selected: true }).textContent()).toMatch(/note/i);
  await page.locator(".case-header").click();
  await page.keyboard.press("e");
  await expect
    .poll(() => page.getByRole("tab", { selected: true }).textContent())
    .toMatch(/evidence/i);
  await page.locator(".case-header").click();

  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await help.waitFor();
  expect(await help.textContent()).toContain("Reply to a party");
  await page.keyboard.press("Escape");

  // j: the next case of the queue as filtered; k: back to the first.
  await page.keyboard.press("j");
  await expect.poll(hash).not.toContain(firstId);
  await page.locator(".case-header").waitFor();
  const secondHash = await hash();
  await page.keyboard.press("k");
  await expect.poll(hash).not.toBe(secondHash);
  await expect.poll(hash).toContain(firstId);

  await page.keyboard.press("Escape");
  await queue.waitFor();
  await page.close();
});
