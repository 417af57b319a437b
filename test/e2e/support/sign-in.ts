import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";

/** The demo's cases: every one of them is in an agent's queue on a fresh web-mode server. */
export const DEMO_QUEUE_ROWS = 240;

/**
 * Signs in on the desk's own screen (password `demo`) and waits until the queue table announces
 * every demo case (aria-rowcount counts the header row): the start of most agent tests.
 */
export async function openQueueAs(page: Page, url: string, username: string): Promise<Locator> {
  await page.goto(url);
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill("demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  const queue = page.getByRole("table", { name: "Appeal queue" });
  await expect
    .poll(() => queue.getAttribute("aria-rowcount"), { timeout: 30_000 })
    .toBe(String(DEMO_QUEUE_ROWS + 1));
  return queue;
}
