/**
 * Search as an agent uses it, in Chromium against the web-mode server with the demo seed: the
 * queue's search box finds text that only the cases' statements, chat and evidence hold (indexed
 * by the search worker, which must load under the page's CSP), without accents, across Chinese
 * scripts, with a highlighted snippet saying where it matched; and server search answers for the
 * same words.
 */
import { SearchResponse } from "@shared/search/document";
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { type LaunchedBrowser, launchChromium } from "./support/chromium";
import { deskFixture } from "./support/desk-fixture";

const desk = deskFixture();

async function signIn(page: Page, username = "agent1") {
  await page.goto(desk.server.url);
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill("demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  const queue = page.getByRole("table", { name: "Appeal queue" });
  await expect
    .poll(() => queue.getAttribute("aria-rowcount"), { timeout: 30_000 })
    .toBe(String(240 + 1));
  return queue;
}

/** The marked words of the snippets on screen. */
const marked = (page: Page) => page.locator(".match-snippet mark").allTextContents();

test("the queue's search finds statements, chat and evidence, folded, with snippets", async () => {
  const page = await desk.browser.context.newPage();
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  const queue = await signIn(page);
  const search = page.getByLabel("Search appeals");
  const rowCount = async () => Number(await queue.getAttribute("aria-rowcount")) - 1;

  // Words no reference or name holds: only the documents the worker indexed can match them.
  await search.fill("chuyen khoan");
  await expect.poll(rowCount, { timeout: 30_000 }).toBeGreaterThan(0);
  await expect
    .poll(async () => (await marked(page)).map((w) => w.toLowerCase()), { timeout: 10_000 })
    .toContain("chuyển");
  expect((await rowCount()) < 240).toBe(true);

  await search.fill("charged twice");
  await expect.poll(rowCount, { timeout: 10_000 }).toBeGreaterThan(0);
  await expect.poll(() => marked(page), { timeout: 10_000 }).toContain("charged");

  // Traditional characters find the seed's Simplified text.
  await search.fill("銀行轉賬");
  await expect.poll(rowCount, { timeout: 10_000 }).toBeGreaterThan(0);
  await expect.poll(() => marked(page), { timeout: 10_000 }).toContain("银行转账");
  const field = await page.locator(".match-snippet .match-field").first().textContent();
  expect(field).toMatch(/Statement|Chat|Evidence|CS message/);
  await page.screenshot({ path: "docs/screenshots/queue-search.png" });

  await search.fill("khong-co-trong-du-lieu-nao");
  await expect.poll(rowCount).toBe(0);
  await search.fill("");
  await expect.poll(rowCount).toBe(240);
  expect(errors.filter((e) => /worker|Refused to/i.test(e))).toEqual([]);

  // In Traditional Chinese the queue and the snippets' labels follow.
  await page.getByLabel("Language").first().selectOption("zh-Hant");
  await page.getByRole("heading", { name: "佇列", level: 1 }).waitFor();
  await page.getByLabel("搜尋申訴").fill("銀行轉賬");
  await expect
    .poll(() => page.locator(".match-snippet .match-field").first().textContent(), {
      timeout: 10_000,
    })
    .toMatch(/陳述|聊天|證據|客服訊息/);
  await page.screenshot({ path: "docs/screenshots/queue-search-zh-hant.png" });

  // The server answers the same words for cases the desk has not cached.
  const token = await page.evaluate(async () => {
    const response = await fetch("/api/v1/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "agent1", password: "demo" }),
    });
    return ((await response.json()) as { token: string }).token;
  });
  const response = await fetch(
    `${desk.server.url}/api/v1/search?q=${encodeURIComponent("chuyen khoan")}`,
    { headers: { authorization: `Bearer ${token}` } },
  );
  const { items } = SearchResponse.parse(await response.json());
  expect(items.length).toBeGreaterThan(0);
  expect(items[0]?.snippet?.highlights.length).toBeGreaterThan(0);
  await page.close();
});

test("what the desk has not indexed, the server finds: marked, with why; offline the desk says so", async () => {
  // A browser of its own: a fresh profile, signed out, with an empty cache.
  const browser = await launchChromium();
  try {
    await serverSearchOnly(browser);
  } finally {
    await browser.close();
  }
});

async function serverSearchOnly(browser: LaunchedBrowser) {
  const page = await browser.context.newPage();
  // This desk never gets its cases' documents: its own index stays empty (as while a large cache
  // is still filling, or for cases it does not cache), so only the server can find their text.
  let refused = 0;
  await page.route("**/api/v1/search/documents", (route) => {
    refused++;
    return route.abort();
  });
  const queue = await signIn(page, "agent2");
  const rowCount = async () => Number(await queue.getAttribute("aria-rowcount")) - 1;
  await page.getByLabel("Search appeals").fill("chuyen khoan");
  const server = page.getByRole("region", { name: "On the server" });
  const hits = server.locator("li[data-case-id]");
  await expect.poll(() => hits.count(), { timeout: 30_000 }).toBeGreaterThan(0);
  expect(refused).toBeGreaterThan(0);
  // The queue's own rows found nothing (no documents); every hit is marked as the server's, with
  // the words that matched.
  expect(await rowCount()).toBe(0);
  expect(await hits.first().locator(".server-badge").textContent()).toBe("Server");
  await expect
    .poll(async () =>
      (await server.locator(".match-snippet mark").allTextContents()).map((w) => w.toLowerCase()),
    )
    .toContain("chuyển");
  await page.screenshot({ path: "docs/screenshots/queue-server-search.png" });

  // A server hit opens like any row.
  const reference = (await hits.first().locator("strong").textContent()) ?? "";
  await hits.first().getByRole("button").click();
  await page
    .getByRole("heading", { name: new RegExp(reference) })
    .first()
    .waitFor();
  await page.keyboard.press("Escape");
  await page.evaluate(() => {
    window.location.hash = "#/";
  });
  await queue.waitFor();

  // Offline the server cannot be asked: the desk says so instead of showing "nothing".
  await browser.context.setOffline(true);
  try {
    await page.getByLabel("Search appeals").fill("hoan tien");
    await expect
      .poll(() => server.getByRole("status").textContent(), { timeout: 10_000 })
      .toMatch(/Server search is unavailable/);
  } finally {
    await browser.context.setOffline(false);
  }
  await page.close();
}
