/**
 * The desktop app's network path without the Electron binary: the renderer is served from one
 * origin and calls the API on another, with Authorization / Idempotency-Key / If-Match, so every
 * mutation is preflighted. The renderer learns the API's base URL the way the Electron build does
 * (`apiBaseUrl` of its config, read here from the deployment's desk-config.json). Sign in, queue,
 * open a case, claim, decide, sync, and a live event all cross origins. Without CORS on the server
 * the sign-in itself fails.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { en as c } from "../../renderer/src/i18n/locales/en";
import { ApiClient } from "../support/api";
import { escalatedCase } from "../support/appeals";
import { SERVICE_TOKEN } from "../support/backends";
import { type ServerProcess, startServerProcess } from "../support/server-process";
import { type LaunchedBrowser, launchChromium } from "./support/chromium";
import { type StaticHost, startStaticHost } from "./support/static-host";

let host: StaticHost;
let api: ServerProcess;
let browser: LaunchedBrowser;
let dataDir: string;

beforeAll(async () => {
  host = await startStaticHost();
  dataDir = mkdtempSync(join(tmpdir(), "arbiter-split-"));
  // The API alone (no renderer), granting CORS to the desk's origin as a deployment would.
  api = await startServerProcess(
    {
      DATABASE_URL: undefined,
      DATA_DIR: dataDir,
      DESK_ORIGINS: host.origin,
      SERVICE_TOKEN,
    },
    ["--demo"],
  );
  host.setConfig({ apiBaseUrl: api.url });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await api?.stop();
  await host?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test("a desk on one origin works an appeal through the API on another", async () => {
  expect(new URL(host.origin).origin).not.toBe(new URL(api.url).origin);
  const page = await browser.context.newPage();
  const apiOrigin = new URL(api.url).origin;
  const apiCalls: { origin: string; method: string; path: string }[] = [];
  const preflights: string[] = [];
  let eventStreamStatus = 0;
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith("/api/")) {
      apiCalls.push({ origin: url.origin, method: request.method(), path: url.pathname });
    }
  });
  page.on("response", (response) => {
    const url = new URL(response.url());
    if (url.pathname === "/api/v1/events") eventStreamStatus = response.status();
  });
  // Chromium sends preflights from the network service; the DevTools protocol reports them.
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send("Network.enable");
  cdp.on("Network.requestWillBeSent", (event) => {
    if (event.request.method === "OPTIONS") preflights.push(new URL(event.request.url).pathname);
  });

  await page.goto(host.origin);
  await page.getByLabel("Username").fill("agent1");
  await page.getByLabel("Password").fill("demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  const queue = page.getByRole("table", { name: c.queue.tableName });
  await expect
    .poll(() => queue.getAttribute("aria-rowcount"), { timeout: 30_000 })
    .toBe(String(240 + 1));

  // Open an unassigned escalated case, claim it, decide it.
  await page.getByLabel(c.filters.assignee, { exact: true }).selectOption("unassigned");
  await page.locator("summary", { hasText: c.filters.status }).first().click();
  await page.getByRole("checkbox", { name: c.status.escalated, exact: true }).check();
  await page.locator("summary", { hasText: c.filters.status }).first().click();
  const row = queue.locator("tbody tr[data-case-id]").first();
  const caseId = (await row.getAttribute("data-case-id")) ?? "";
  expect(caseId).not.toBe("");
  await row.locator("a.row-link").click();
  const status = page.getByRole("status", { name: "Sync status" });
  await page.getByRole("button", { name: c.actions.claim, exact: true }).click();
  const decide = page.getByRole("button", { name: c.actions.decide, exact: true });
  await expect.poll(() => decide.isEnabled(), { timeout: 30_000 }).toBe(true);
  await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/^Synced/);
  await decide.click();
  const dialog = page.getByRole("dialog");
  const isTrade = (await page.locator(".case-header h1").textContent())?.includes(c.kind.p2p_trade);
  await dialog
    .getByRole("radiogroup", { name: c.decide.outcome })
    .getByRole("radio", { name: isTrade ? c.outcome.release : c.outcome.full_refund })
    .check();
  await dialog
    .getByLabel(c.decide.rationale)
    .fill("The receipt matches the order amount and time; decided across origins.");
  await dialog.getByRole("button", { name: c.decide.submit }).click();
  await dialog.getByRole("button", { name: c.decide.confirm }).click();
  await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/^Synced/);

  const agent = await ApiClient.login(api.url, "agent1");
  const detail = await agent.get<{ status: string; decisions: { rationale: string }[] }>(
    `/cases/${caseId}`,
  );
  expect(detail.body.status).toBe("decided");
  expect(detail.body.decisions.filter((d) => d.rationale.includes("across origins"))).toHaveLength(
    1,
  );

  // A live event crosses origins too: an appeal escalated by the platform reaches the open
  // queue (still filtered to unassigned escalated appeals) without a reload.
  expect(eventStreamStatus).toBe(200);
  await page.evaluate(() => {
    window.location.hash = "#/";
  });
  await queue.waitFor();
  await expect.poll(() => queue.locator("tbody tr[data-case-id]").count()).toBeGreaterThan(0);
  const before = Number(await queue.getAttribute("aria-rowcount"));
  const escalated = await escalatedCase(api.url);
  await expect
    .poll(() => queue.getAttribute("aria-rowcount"), { timeout: 20_000 })
    .toBe(String(before + 1));
  await page.getByLabel("Search appeals").fill(escalated.reference);
  await expect
    .poll(() => queue.locator(`tbody tr[data-case-id="${escalated.id}"]`).count())
    .toBe(1);
  // The search picked that row out: it is the only one left.
  await expect.poll(() => queue.getAttribute("aria-rowcount"), { timeout: 20_000 }).toBe("2");

  // Every API call went to the API's origin, and the mutations were preflighted.
  expect(apiCalls.length).toBeGreaterThan(3);
  expect(apiCalls.filter((call) => call.origin !== apiOrigin)).toEqual([]);
  expect(preflights).toEqual(expect.arrayContaining([`/api/v1/cases/${caseId}/decision`]));
  await page.close();
});
