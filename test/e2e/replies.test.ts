/**
 * Canned replies end to end, in Chromium against the web-mode server: a supervisor adds a reply
 * in four languages under Supervision → Replies (an unknown placeholder is refused first); an
 * agent on another browser signs in, opens a case whose complainant writes Vietnamese, opens the
 * picker from the composer with Ctrl+K, inserts the Vietnamese text with the case's facts filled
 * in and sends it (the server has the message). Offline, after a reload, the picker still lists
 * the replies from the desk's own cache.
 */
import type { CasePage } from "@shared/api/cases";
import type { CaseDetail } from "@shared/domain/appeal";
import { formatLocaleMoney } from "@shared/money";
import type { Page } from "playwright-core";
import { afterAll, expect, test } from "vitest";
import { type LaunchedBrowser, launchChromium } from "./support/chromium";
import { deskFixture } from "./support/desk-fixture";

const desk = deskFixture();
let agentBrowser: LaunchedBrowser | null = null;
afterAll(async () => agentBrowser?.close());

const TITLE = "Refund confirmed";
const BODIES = {
  vi: "Chào {partyName}, khoản {amount} của khiếu nại {reference} đã được xác nhận.",
  "zh-Hans": "{partyName}您好，申诉 {reference} 的 {amount} 已确认。",
  "zh-Hant": "{partyName}您好，申訴 {reference} 的 {amount} 已確認。",
  en: "Hello {partyName}, the {amount} of appeal {reference} is confirmed.",
};

async function signIn(page: Page, username: string) {
  await page.goto(desk.server.url);
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill("demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("table", { name: "Appeal queue" }).waitFor({ timeout: 30_000 });
}

async function api<T>(path: string, token: string): Promise<T> {
  const res = await fetch(`${desk.server.url}/api/v1${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

/** A case of agent1's, in review, whose complainant writes Vietnamese. */
async function vietnameseCase(token: string): Promise<CaseDetail> {
  const page = await api<CasePage>("/cases?assignee=u-agent1&status=in_review&limit=100", token);
  for (const row of page.items) {
    const detail = await api<CaseDetail>(`/cases/${row.id}`, token);
    if (detail.complainant.language === "vi") return detail;
  }
  throw new Error("the demo seed has no Vietnamese case of agent1's in review");
}

test("a supervisor's new reply reaches an agent's picker, fills in Vietnamese, sends, and lists offline", async () => {
  // The supervisor adds the reply.
  const sup = await desk.browser.context.newPage();
  await signIn(sup, "supervisor1");
  await sup.goto(`${desk.server.url}/#/supervisor/replies`);
  await sup.getByRole("heading", { name: "Canned replies and decision macros" }).waitFor();
  await sup.getByRole("button", { name: "New reply" }).click();
  const editor = sup.getByRole("form", { name: "Edit" });
  await editor.getByLabel("Title").fill(TITLE);
  await editor.getByLabel("Vietnamese").fill(BODIES.vi.replace("{partyName}", "{partyNam}"));
  await editor.getByLabel("Chinese (Simplified)").fill(BODIES["zh-Hans"]);
  await editor.getByLabel("Chinese (Traditional)").fill(BODIES["zh-Hant"]);
  await editor.getByLabel("English").fill(BODIES.en);
  await editor.getByRole("button", { name: "Save" }).click();
  await editor.getByText("Unknown placeholder {partyNam}").waitFor();
  await sup.screenshot({ path: "docs/screenshots/replies-admin.png", fullPage: true });
  await editor.getByLabel("Vietnamese").fill(BODIES.vi);
  await editor.getByRole("button", { name: "Save" }).click();
  await sup.getByText(`Saved “${TITLE}”.`).waitFor();
  await sup
    .getByRole("table", { name: "Canned replies and decision macros" })
    .getByText(TITLE)
    .waitFor();

  // The agent, on another machine, signs in and opens a Vietnamese complainant's case.
  agentBrowser = await launchChromium();
  const page = await agentBrowser.context.newPage();
  await signIn(page, "agent1");
  // The test reads the server with a session of its own, as agent1.
  const login = await fetch(`${desk.server.url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "agent1", password: "demo" }),
  });
  const apiToken = ((await login.json()) as { token: string }).token;
  const detail = await vietnameseCase(apiToken);
  await page.goto(`${desk.server.url}/#/cases/${encodeURIComponent(detail.id)}`);
  await page.getByRole("heading", { name: detail.reference }).first().waitFor({ timeout: 30_000 });

  // r opens the composer; Ctrl+K in it opens the picker.
  await page.keyboard.press("r");
  const composer = page.getByRole("textbox", { name: "Message", exact: true });
  await composer.click();
  await composer.press("Control+k");
  const picker = page.getByRole("dialog", { name: "Canned replies" });
  await picker.waitFor();
  await expect
    .poll(() => picker.getByRole("listbox").getByRole("option").allTextContents())
    .toContainEqual(expect.stringContaining(TITLE));
  expect(await picker.getByLabel("Language").inputValue()).toBe("vi");
  await picker.getByRole("combobox", { name: "Search replies" }).fill(TITLE.slice(0, 16));
  await expect.poll(() => picker.getByRole("listbox").getByRole("option").count()).toBe(1);
  await page.keyboard.press("ArrowDown");
  const amount = formatLocaleMoney(detail.amount, detail.currency, "vi-VN");
  const expected = `Chào ${detail.complainant.displayName}, khoản ${amount} của khiếu nại ${detail.reference} đã được xác nhận.`;
  await expect
    .poll(() => picker.getByRole("region", { name: "Preview" }).textContent())
    .toBe(expected);
  await picker.screenshot({ path: "docs/screenshots/replies-picker.png" });
  await page.keyboard.press("Enter");
  await picker.waitFor({ state: "hidden" });
  expect(await composer.inputValue()).toBe(expected);

  await page.getByRole("form", { name: "Message" }).getByRole("button", { name: "Review" }).click();
  await page.getByRole("button", { name: "Send message" }).click();
  await expect
    .poll(
      async () =>
        (await api<CaseDetail>(`/cases/${detail.id}`, apiToken)).messages.some(
          (m) => m.author === "agent" && m.text === expected && m.to === "complainant",
        ),
      { timeout: 30_000 },
    )
    .toBe(true);

  // Offline, after a reload from the service worker's shell: the picker lists from the cache.
  await agentBrowser.context.setOffline(true);
  await page.reload();
  await page.getByRole("heading", { name: detail.reference }).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press("r");
  await composer.click();
  await composer.press("Control+k");
  await picker.waitFor();
  await expect
    .poll(() => picker.getByRole("listbox").getByRole("option").allTextContents())
    .toContainEqual(expect.stringContaining(TITLE));
  await page.keyboard.press("Escape");
  await picker.waitFor({ state: "hidden" });
  await agentBrowser.context.setOffline(false);
  await sup.close();
}, 180_000);
