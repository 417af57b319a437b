/**
 * Offline-first in Chromium: a decision taken while the API is unreachable survives a reload as
 * "1 pending", and reaches the server exactly once when the network is back.
 */
import { expect, test } from "vitest";
import { en as c } from "../../renderer/src/i18n/locales/en";
import { ApiClient } from "../support/api";
import { deskFixture } from "./support/desk-fixture";

const desk = deskFixture();

test("decide offline → reload shows 1 pending → network back → Synced, the decision exists once on the server", async () => {
  const page = await desk.browser.context.newPage();
  await page.goto(desk.server.url);
  await page.getByLabel("Username").fill("agent1");
  await page.getByLabel("Password").fill("demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  const status = page.getByRole("status", { name: "Sync status" });
  const queue = page.getByRole("table", { name: c.queue.tableName });
  await queue.waitFor();

  // An unassigned escalated case, claimed while online.
  await page.getByLabel(c.filters.assignee, { exact: true }).selectOption("unassigned");
  await page.locator("summary", { hasText: c.filters.status }).first().click();
  await page.getByRole("checkbox", { name: c.status.escalated, exact: true }).check();
  await page.locator("summary", { hasText: c.filters.status }).first().click();
  // Not a repayment-hardship case: its outcomes (a plan, an agreement) need terms.
  const row = queue
    .locator("tbody tr[data-case-id]")
    .filter({ hasNotText: c.reason.repayment_hardship })
    .first();
  const caseId = await row.getAttribute("data-case-id");
  expect(caseId).toBeTruthy();
  await row.locator("a.row-link").click();
  await page.getByRole("button", { name: c.actions.claim, exact: true }).click();
  const decide = page.getByRole("button", { name: c.actions.decide, exact: true });
  await expect.poll(() => decide.isEnabled()).toBe(true);
  await expect.poll(() => status.textContent(), { timeout: 30_000 }).toContain("Synced");

  // The API becomes unreachable; the agent decides anyway.
  await page.route("**/api/**", (route) => route.abort("internetdisconnected"));
  await decide.click();
  const dialog = page.getByRole("dialog");
  const isTrade = (await page.locator(".case-header h1").textContent())?.includes(c.kind.p2p_trade);
  await dialog
    .getByRole("radiogroup", { name: c.decide.outcome })
    .getByRole("radio", { name: isTrade ? c.outcome.release : c.outcome.full_refund })
    .check();
  await dialog
    .getByLabel(c.decide.rationale)
    .fill("The transfer receipt matches the order amount and time; decided while offline.");
  await dialog.getByRole("button", { name: c.decide.submit }).click();
  await dialog.getByRole("button", { name: c.decide.confirm }).click();
  await expect.poll(() => status.textContent(), { timeout: 15_000 }).toContain("1 pending");

  // Reload while still offline: the action is in the persisted outbox.
  await page.reload();
  await expect.poll(() => status.textContent(), { timeout: 30_000 }).toContain("1 pending");
  await page.screenshot({ path: "docs/screenshots/offline-pending.png" });

  // The network heals.
  await page.unroute("**/api/**");
  await expect.poll(() => status.textContent(), { timeout: 60_000 }).toMatch(/^Synced/);

  // On the server: the decision exists once.
  const { token } = await ApiClient.login(desk.server.url, "agent1");
  const auth = { authorization: `Bearer ${token}` };
  const detail = (await (
    await fetch(`${desk.server.url}/api/v1/cases/${caseId}`, { headers: auth })
  ).json()) as {
    decisions: Array<{ rationale: string }>;
  };
  expect(
    detail.decisions.filter((d) => d.rationale.includes("decided while offline")),
  ).toHaveLength(1);
  const audit = (await (
    await fetch(`${desk.server.url}/api/v1/cases/${caseId}/audit`, { headers: auth })
  ).json()) as {
    entries: Array<{ action: string }>;
  };
  expect(audit.entries.filter((e) => e.action === "decide")).toHaveLength(1);
  await page.close();
});
