/**
 * A session that ends mid-shift loses nothing. The agent's session is revoked on the server while
 * they work; the next push meets a 401 and the desk asks for the password in place (username
 * prefilled, the case still on screen). The same agent signing in resumes the outbox, which
 * delivers the pending action once. A different agent signing in instead never pushes the first
 * agent's action; it waits in the first agent's own cache and goes out, under their name, when
 * they sign in again.
 */
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { en as c } from "../../renderer/src/i18n/locales/en";
import { ApiClient } from "../support/api";
import { deskFixture } from "./support/desk-fixture";

const desk = deskFixture();

async function signIn(page: Page, username: string) {
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill("demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("table", { name: c.queue.tableName }).waitFor();
}

/** Revokes the session this page holds, as an administrator or the session's expiry would. */
async function revokeSession(page: Page) {
  const token = await page.evaluate(() => sessionStorage.getItem("arbiter.session"));
  expect(token).toBeTruthy();
  const response = await fetch(`${desk.server.url}/api/v1/auth/logout`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(204);
}

async function addNote(page: Page, text: string) {
  await page.getByRole("tab", { name: c.actions.kinds.note, exact: true }).click();
  const form = page.getByRole("form", { name: c.actions.kinds.note });
  await form.getByLabel(c.actions.noteText).fill(text);
  await form.getByRole("button", { name: c.actions.review, exact: true }).click();
  const confirm = page.getByRole("button", { name: c.actions.confirmNote, exact: true });
  await confirm.click();
  await confirm.waitFor({ state: "detached" });
}

const NOTE_POST = /\/api\/v1\/cases\/[^/]+\/notes$/;

/** A note taken while its push cannot get through; then the session is revoked and it can. */
async function actionWhileSessionEnds(page: Page, text: string) {
  const status = page.getByRole("status", { name: "Sync status" });
  await page.route(NOTE_POST, (route) => route.abort("internetdisconnected"));
  await addNote(page, text);
  await expect.poll(() => status.textContent(), { timeout: 15_000 }).toContain("1 pending");
  await revokeSession(page);
  await page.unroute(NOTE_POST);
}

async function serverNotes(caseId: string) {
  const { token } = await ApiClient.login(desk.server.url, "supervisor1");
  const response = await fetch(`${desk.server.url}/api/v1/cases/${caseId}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const detail = (await response.json()) as {
    notes: Array<{ text: string; authorName: string }>;
  };
  return detail.notes.filter((n) => n.text.startsWith("expiry-test"));
}

test("a 401 asks for the password in place; the same user resumes, another user never pushes the first one's actions", async () => {
  const page = await desk.browser.context.newPage();
  await page.goto(desk.server.url);
  await signIn(page, "agent1");
  const status = page.getByRole("status", { name: "Sync status" });
  const queue = page.getByRole("table", { name: c.queue.tableName });
  await page.getByLabel(c.filters.assignee, { exact: true }).selectOption("unassigned");
  await page.locator("summary", { hasText: c.filters.status }).first().click();
  await page.getByRole("checkbox", { name: c.status.escalated, exact: true }).check();
  await page.locator("summary", { hasText: c.filters.status }).first().click();
  const row = queue.locator("tbody tr[data-case-id]").first();
  const caseId = (await row.getAttribute("data-case-id")) ?? "";
  await row.locator("a.row-link").click();
  await page.getByRole("button", { name: c.actions.claim, exact: true }).click();
  await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/^Synced/);

  // The agent's action is still in the outbox (the network hiccups) when the session ends on the
  // server; the next request — the retry, or any other — meets the 401.
  await actionWhileSessionEnds(page, "expiry-test 1");
  const dialog = page.getByRole("dialog", { name: c.login.reauthTitle });
  await dialog.waitFor({ timeout: 60_000 });
  expect(await dialog.getByLabel("Username").inputValue()).toBe("agent1");
  // Nothing is lost or wiped: the case is still open beneath, the action pending.
  await expect.poll(() => status.textContent()).toContain("1 pending");
  expect(await page.locator(".case-header h1").count()).toBe(1);
  await page.screenshot({ path: "docs/screenshots/session-reauth.png" });

  await dialog.getByLabel("Password").fill("wrong");
  await dialog.getByRole("button", { name: "Sign in" }).click();
  await expect.poll(() => dialog.getByRole("alert").textContent()).toContain("Wrong username");
  await dialog.getByLabel("Password").fill("demo");
  await dialog.getByRole("button", { name: "Sign in" }).click();
  await dialog.waitFor({ state: "hidden" });
  await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/^Synced/);
  await expect.poll(() => serverNotes(caseId), { timeout: 15_000 }).toHaveLength(1);

  // Again; this time someone else signs in at this desk.
  await actionWhileSessionEnds(page, "expiry-test 2");
  await dialog.waitFor({ timeout: 60_000 });
  await expect.poll(() => status.textContent()).toContain("1 pending");
  await dialog.getByLabel("Username").fill("agent2");
  await expect.poll(() => dialog.textContent()).toContain(c.login.reauthOtherUser.slice(0, 20));
  await dialog.getByLabel("Password").fill("demo");
  await dialog.getByRole("button", { name: "Sign in" }).click();
  await dialog.waitFor({ state: "hidden" });
  await expect.poll(() => page.locator(".who").textContent()).toContain("agent");
  await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/^Synced/);
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  // agent2's desk pushed nothing of agent1's.
  expect((await serverNotes(caseId)).map((n) => n.text)).toEqual(["expiry-test 1"]);

  // agent2 leaves; agent1 comes back: their action is still theirs, and goes out now, once.
  await page.getByRole("button", { name: c.app.signOut }).click();
  await page.getByLabel("Username").fill("agent1");
  await page.getByLabel("Password").fill("demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/^Synced/);
  await expect
    .poll(async () => (await serverNotes(caseId)).map((n) => n.text), { timeout: 30_000 })
    .toEqual(["expiry-test 1", "expiry-test 2"]);
  const notes = await serverNotes(caseId);
  const agent1Name = notes[0]?.authorName;
  expect(notes.every((n) => n.authorName === agent1Name)).toBe(true);
  await page.close();
});
