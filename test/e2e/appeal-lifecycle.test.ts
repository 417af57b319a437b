/**
 * The end of the appeal lifecycle at the desk, in Chromium (web mode): an agent asks for evidence
 * with a short deadline, the deadline passes (the server's deadline job), the case shows it and the
 * decision clock runs again; the agent decides on the evidence available, then works the three
 * verification steps until the case closes. Deciding with a request still open asks first.
 */
import type { MutationResponse } from "@shared/api/mutations";
import { PlatformEventsPage } from "@shared/api/platform-events";
import type { CaseDetail } from "@shared/domain/appeal";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { en } from "../../renderer/src/i18n/locales/en";
import { ApiClient } from "../support/api";
import { claimedCase } from "../support/appeals";
import { deskFixture } from "./support/desk-fixture";

const SERVICE_TOKEN = process.env.SERVICE_TOKEN ?? "demo-service-token";
const desk = deskFixture();
const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_m, key: string) => values[key] ?? "");

async function signIn(page: Page, url: string, username: string) {
  await page.goto(url);
  await page.getByLabel(en.login.username).fill(username);
  await page.getByLabel(en.login.password).fill("demo");
  await page.getByRole("button", { name: en.login.signIn }).click();
  await page.getByRole("searchbox").waitFor({ timeout: 30_000 });
}

async function openCase(page: Page, url: string, id: string) {
  await page.goto(url);
  await page.getByLabel(en.login.username).fill("agent1");
  await page.getByLabel(en.login.password).fill("demo");
  await page.getByRole("button", { name: en.login.signIn }).click();
  await page.getByRole("searchbox").waitFor({ timeout: 30_000 });
  await page.goto(`${url}/#/cases/${encodeURIComponent(id)}`);
  await page.locator(".case-header").waitFor({ timeout: 30_000 });
}

const header = (page: Page) => page.locator(".case-header").textContent();
const clockText = (page: Page, id: string) =>
  page.locator(`.case-header [data-clock=${id}]`).textContent();

describe("deadlines and verification at the desk", () => {
  test("a missed evidence deadline resumes the clock; decide; three verification steps close the case", async () => {
    const { url } = desk.server;
    const detail = await claimedCase(url, "agent1", {}, SERVICE_TOKEN);
    const page = await desk.browser.context.newPage();
    await openCase(page, url, detail.id);

    // Ask the seller for evidence due in 15 seconds (the browser's local time, with seconds).
    await page.getByRole("tab", { name: en.actions.kinds.evidence }).click();
    await page.getByLabel(en.actions.what).fill("Your bank statement for the transfer day");
    const due = await page.evaluate(() => {
      const d = new Date(Date.now() + 15_000);
      const pad = (n: number) => String(n).padStart(2, "0");
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
    });
    await page.getByLabel(en.actions.deadline).fill(due);
    await page.getByRole("button", { name: en.actions.review }).click();
    await page.getByRole("button", { name: en.actions.confirmRequest }).click();
    await expect
      .poll(() => header(page), { timeout: 30_000 })
      .toContain(en.status.awaiting_evidence);
    await expect.poll(() => clockText(page, "resolution")).toContain(en.clocks.status.paused);

    // The deadline passes: the server's job records it and the desk shows it without a reload.
    const notice = page.getByRole("alert", { name: en.deadline.title });
    await notice.waitFor({ timeout: 60_000 });
    expect(await notice.textContent()).toContain(en.deadline.mayLose);
    await expect.poll(() => header(page), { timeout: 30_000 }).toContain(en.status.in_review);
    await expect.poll(() => clockText(page, "resolution")).toContain(en.clocks.status.running);
    expect(await page.locator(".requests").textContent()).toContain(en.party.lapsed);
    expect(await page.locator(".timeline").textContent()).toContain(
      en.event.evidence_deadline_passed,
    );
    await page.screenshot({ path: "docs/screenshots/deadline-passed.png", fullPage: true });

    // Decide on the evidence available, from the notice.
    await notice.getByRole("button", { name: en.deadline.decideNow }).click();
    const dialog = page.getByRole("dialog");
    await dialog
      .getByRole("radiogroup", { name: en.decide.outcome })
      .getByRole("radio", { name: en.outcome.release })
      .check();
    await dialog
      .getByLabel(en.decide.rationale)
      .fill("The seller did not answer by the deadline; the buyer's receipt stands unchallenged.");
    await dialog.getByRole("button", { name: en.decide.submit }).click();
    // Nothing is outstanding any more: no "decide anyway".
    expect(await dialog.locator(".outstanding-warning").count()).toBe(0);
    await dialog.getByRole("button", { name: en.decide.confirm }).click();
    await expect.poll(() => header(page), { timeout: 30_000 }).toContain(en.status.decided);

    // Verification, day by day, each with its consequence.
    const panel = page.getByRole("region", { name: en.verification.title });
    await panel.waitFor({ timeout: 30_000 });
    await panel.getByRole("button", { name: en.verification.recordsChecked }).click();
    expect(await panel.locator(".consequence").textContent()).toContain("Verification starts");
    await page.screenshot({ path: "docs/screenshots/verification.png", fullPage: true });
    await panel.getByRole("button", { name: en.verification.confirmRecords }).click();
    await expect.poll(() => header(page), { timeout: 30_000 }).toContain(en.status.verifying);
    await panel
      .getByRole("button", { name: en.verification.feedbackSatisfied })
      .click({ timeout: 30_000 });
    await panel.getByRole("button", { name: en.verification.confirmSatisfied }).click();
    await panel.getByRole("button", { name: en.verification.confirm }).click({ timeout: 30_000 });
    expect(await panel.locator(".consequence").textContent()).toContain(
      fill(en.verification.consequence.confirmed, { reference: detail.reference }),
    );
    await panel.getByRole("button", { name: en.verification.confirmClose }).click();
    await expect.poll(() => header(page), { timeout: 30_000 }).toContain(en.status.closed);

    // The platform heard all of it, in order.
    const feed = await new ApiClient(url, SERVICE_TOKEN).get(
      `/integration/events?caseId=${detail.id}`,
    );
    expect(PlatformEventsPage.parse(feed.body).events.map((e) => e.type)).toEqual([
      "evidence_request",
      "evidence_reminder",
      "evidence_deadline_passed",
      "decision",
      "verification_step",
      "verification_step",
      "verification_step",
    ]);
    await page.close();
  });

  test("deciding while a request is open says whose deadline is still running", async () => {
    const { url } = desk.server;
    const detail = await claimedCase(url, "agent1", {}, SERVICE_TOKEN);
    const agent = await ApiClient.login(url, "agent1");
    const dueAt = new Date(Date.now() + 2 * 24 * 3_600_000).toISOString();
    const asked = await agent.post<MutationResponse>(
      `/cases/${detail.id}/evidence-requests`,
      { party: "respondent", what: "Bank statement for 12 March", dueAt },
      { ifMatch: detail.version },
    );
    expect(asked.status).toBe(200);
    const page = await desk.browser.context.newPage();
    await openCase(page, url, detail.id);
    await page.getByRole("button", { name: en.actions.decide, exact: true }).click();
    const dialog = page.getByRole("dialog");
    await dialog
      .getByRole("radiogroup", { name: en.decide.outcome })
      .getByRole("radio", { name: en.outcome.release })
      .check();
    await dialog
      .getByLabel(en.decide.rationale)
      .fill("The receipt is clear enough on its own here.");
    await dialog.getByRole("button", { name: en.decide.submit }).click();
    const warning = await dialog.locator(".outstanding-warning").textContent();
    expect(warning).toContain("Trần Thị Bích Ngọc");
    expect(warning).toContain("Bank statement for 12 March");
    expect(await dialog.getByRole("button", { name: en.decide.confirmAnyway }).count()).toBe(1);
    await page.close();
  });

  test("a supervisor works the 'Asked to look' queue: the reason shows, an act answers it", async () => {
    const { url } = desk.server;
    const detail = await claimedCase(url, "agent1", {}, SERVICE_TOKEN);
    const agent = await ApiClient.login(url, "agent1");
    const reason = "The buyer threatens a chargeback; I need approval for a partial refund.";
    const escalated = await agent.post<MutationResponse>(
      `/cases/${detail.id}/escalate`,
      { reason },
      { ifMatch: detail.version },
    );
    expect(escalated.status).toBe(200);
    const page = await desk.browser.context.newPage();
    await signIn(page, url, "supervisor1");
    await page.goto(`${url}/#/supervisor/asked`);
    const queue = page.getByRole("region", { name: en.supervisor.askedToLook });
    await queue.waitFor({ timeout: 30_000 });
    const table = queue.getByRole("table");
    await expect.poll(() => table.textContent(), { timeout: 30_000 }).toContain(detail.reference);
    // The reason is a column of the queue's own table.
    const row = table.locator(`tr[data-case-id="${detail.id}"]`);
    await expect
      .poll(() => row.locator(".col-askedReason").textContent(), { timeout: 30_000 })
      .toBe(reason);
    expect(await queue.getByRole("status").textContent()).toMatch(/Cases: \d+/);
    // Sorting works on the shared table: by reference, then back.
    await table
      .getByRole("button", { name: /Reference/ })
      .first()
      .click();
    await page.screenshot({ path: "docs/screenshots/asked-to-look.png", fullPage: true });

    // Open it (the whole-case review), go on to its workspace and answer with an internal note
    // there: any act of a supervisor answers the request.
    await row.getByRole("link", { name: new RegExp(detail.reference) }).click();
    await page.getByRole("link", { name: en.supervisorQueues.review.openWorkspace }).click();
    await page.locator(".case-header").waitFor({ timeout: 30_000 });
    await page.getByRole("tab", { name: en.actions.kinds.note }).click();
    await page
      .getByRole("tabpanel")
      .getByLabel(en.actions.noteText, { exact: true })
      .fill("Approved: offer a partial refund of half.");
    await page.getByRole("button", { name: en.actions.review }).click();
    await page.getByRole("button", { name: en.actions.confirmNote }).click();
    await expect
      .poll(
        async () => {
          const r = await agent.get<CaseDetail>(`/cases/${detail.id}`);
          return r.body.needsSupervisor;
        },
        { timeout: 30_000 },
      )
      .toBe(false);
    await page.goto(`${url}/#/supervisor/asked`);
    await queue.waitFor({ timeout: 30_000 });
    await expect
      .poll(() => queue.getByRole("table").textContent(), { timeout: 30_000 })
      .not.toContain(detail.reference);
    await page.close();
  });
});
