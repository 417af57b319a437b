/**
 * One sync loop per profile, in real Chromium: two windows of the same profile (one browser
 * context, so one IndexedDB and one Web Locks manager) both take actions on a case, and only the
 * leader window ever sends them. Closing the leader, with an action of its own in flight, hands
 * leadership to the other window, which sends what is left of the shared outbox. The server sees
 * every action exactly once, in the order the agent took them.
 */
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { en as c } from "../../renderer/src/i18n/locales/en";
import { ApiClient } from "../support/api";
import { deskFixture } from "./support/desk-fixture";

const desk = deskFixture();

const NOTE_POST = /\/api\/v1\/cases\/[^/]+\/notes$/;

/** Opens the desk in a new window of the profile, signed in as agent1 (the token is per tab). */
async function openWindow(): Promise<{ page: Page; notePosts: string[] }> {
  const page = await desk.browser.context.newPage();
  const notePosts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && NOTE_POST.test(new URL(request.url()).pathname)) {
      notePosts.push(JSON.parse(request.postData() ?? "{}").text);
    }
  });
  await page.goto(desk.server.url);
  await page.getByLabel("Username").fill("agent1");
  await page.getByLabel("Password").fill("demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("table", { name: c.queue.tableName }).waitFor();
  return { page, notePosts };
}

/** Takes an internal note through the action panel; resolves once it is in the outbox. */
async function addNote(page: Page, text: string): Promise<void> {
  await page.getByRole("tab", { name: c.actions.kinds.note, exact: true }).click();
  const form = page.getByRole("form", { name: c.actions.kinds.note });
  await form.getByLabel(c.actions.noteText).fill(text);
  await form.getByRole("button", { name: c.actions.review, exact: true }).click();
  const confirm = page.getByRole("button", { name: c.actions.confirmNote, exact: true });
  await confirm.click();
  await confirm.waitFor({ state: "detached" });
}

async function serverNotes(caseId: string): Promise<string[]> {
  const { token } = await ApiClient.login(desk.server.url, "agent1");
  const response = await fetch(`${desk.server.url}/api/v1/cases/${caseId}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const detail = (await response.json()) as { notes: Array<{ text: string }> };
  return detail.notes.map((n) => n.text).filter((t) => t.startsWith("leader-test"));
}

test("two windows, one pusher: the follower's actions go through the leader; closing the leader hands over its outbox", async () => {
  const first = await openWindow();
  const a = first.page;

  // A case of agent1's own, claimed in the first window (the leader: it asked for the lock first).
  const queue = a.getByRole("table", { name: c.queue.tableName });
  await a.getByLabel(c.filters.assignee, { exact: true }).selectOption("unassigned");
  await a.locator("summary", { hasText: c.filters.status }).first().click();
  await a.getByRole("checkbox", { name: c.status.escalated, exact: true }).check();
  await a.locator("summary", { hasText: c.filters.status }).first().click();
  const row = queue.locator("tbody tr[data-case-id]").first();
  const caseId = (await row.getAttribute("data-case-id")) ?? "";
  expect(caseId).not.toBe("");
  await row.locator("a.row-link").click();
  await a.getByRole("button", { name: c.actions.claim, exact: true }).click();
  const statusA = a.getByRole("status", { name: "Sync status" });
  await expect.poll(() => statusA.textContent(), { timeout: 30_000 }).toMatch(/^Synced/);

  const second = await openWindow();
  const b = second.page;
  await b.goto(`${desk.server.url}/#/cases/${encodeURIComponent(caseId)}`);
  const statusB = b.getByRole("status", { name: "Sync status" });

  // Both online: an action taken in the follower is sent by the leader, never by the follower,
  // and at once: the follower wakes the leader (BroadcastChannel) instead of leaving the action
  // for the leader's next poll, a minute away. Nothing else happens in A meanwhile that could
  // wake its loop.
  await addNote(b, "leader-test 1 (window B)");
  await expect
    .poll(() => first.notePosts, { timeout: 10_000 })
    .toEqual(["leader-test 1 (window B)"]);
  await addNote(a, "leader-test 2 (window A)");
  await expect.poll(() => serverNotes(caseId), { timeout: 30_000 }).toHaveLength(2);
  expect(first.notePosts).toEqual(["leader-test 1 (window B)", "leader-test 2 (window A)"]);
  expect(second.notePosts).toEqual([]);

  // The leader's next request never gets an answer (it is in flight when its window closes);
  // meanwhile both windows keep acting. Nothing may leave the follower while the leader lives.
  await a.route(NOTE_POST, () => undefined);
  await addNote(a, "leader-test 3 (window A, in flight)");
  await addNote(b, "leader-test 4 (window B)");
  await addNote(a, "leader-test 5 (window A)");
  await expect.poll(() => first.notePosts.length).toBe(3);
  await expect.poll(() => statusB.textContent()).toMatch(/^3 pending/);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  expect(second.notePosts).toEqual([]);
  expect(await serverNotes(caseId)).toHaveLength(2);

  // The leader's window closes: the follower is granted the lock and sends the rest, in order.
  await a.close();
  await expect.poll(() => statusB.textContent(), { timeout: 30_000 }).toMatch(/^Synced/);
  expect(second.notePosts).toEqual([
    "leader-test 3 (window A, in flight)",
    "leader-test 4 (window B)",
    "leader-test 5 (window A)",
  ]);
  expect(await serverNotes(caseId)).toEqual([
    "leader-test 1 (window B)",
    "leader-test 2 (window A)",
    "leader-test 3 (window A, in flight)",
    "leader-test 4 (window B)",
    "leader-test 5 (window A)",
  ]);
  await b.close();
});
