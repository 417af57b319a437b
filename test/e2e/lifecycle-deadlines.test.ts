/**
 * The lifecycle's deadlines as the agent meets them, in Chromium (web mode), through the server as
 * a platform and an agent use it:
 * - an evidence deadline the agent set a few seconds ahead passes (the server's deadline job, on
 *   the real clock): the desk hears the live `case_attention`, shows its notice (the browser gives
 *   the page no notification permission, so the desk shows it itself), flags the case in the
 *   queue, and the workspace says who did not answer by when, that the clock runs again, and that
 *   the case may be decided on the evidence available;
 * - the three verification steps close a decided case, which leaves "My cases";
 * - an agreement the respondent reported awaits the complainant's confirmation with its 24 hours
 *   counting down; the platform's confirmation closes it, its refusal sends it to the CS queue.
 */
import type { MutationResponse } from "@shared/api/mutations";
import type { CaseDetail } from "@shared/domain/appeal";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { en } from "../../renderer/src/i18n/locales/en";
import { vi as viCatalog } from "../../renderer/src/i18n/locales/vi";
import { ApiClient } from "../support/api";
import { claimedCase, filing, platform } from "../support/appeals";
import { deskFixture } from "./support/desk-fixture";

const SERVICE_TOKEN = process.env.SERVICE_TOKEN ?? "demo-service-token";
const desk = deskFixture();
const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_m, key: string) => values[key] ?? "");
/** The sentence with its placeholders cut out: the fixed words every rendering of it contains. */
const fixedParts = (text: string) =>
  text
    .split(/\{\{\w+\}\}/)
    .map((part) => part.trim())
    .filter((part) => part.length > 3);

async function signIn(page: Page, url: string, username = "agent1") {
  await page.goto(url);
  await page.getByLabel(en.login.username).fill(username);
  await page.getByLabel(en.login.password).fill("demo");
  await page.getByRole("button", { name: en.login.signIn }).click();
  await page.getByRole("searchbox").waitFor({ timeout: 30_000 });
}

async function openCase(page: Page, url: string, id: string) {
  await page.goto(`${url}/#/cases/${encodeURIComponent(id)}`);
  await page.locator(".case-header").waitFor({ timeout: 30_000 });
}

const header = (page: Page) => page.locator(".case-header").textContent();

/** A local `datetime-local` value `ms` from now, in the browser's own time zone. */
const localInput = (page: Page, ms: number) =>
  page.evaluate((offset) => {
    const d = new Date(Date.now() + offset);
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  }, ms);

describe("lifecycle deadlines at the desk", () => {
  test("a missed evidence deadline: notice, queue flag, 'no answer by', clock resumed, may lose", async () => {
    const { url } = desk.server;
    const detail = await claimedCase(url, "agent1", {}, SERVICE_TOKEN);
    const page = await desk.browser.context.newPage();
    await signIn(page, url);
    await openCase(page, url, detail.id);

    await page.getByRole("tab", { name: en.actions.kinds.evidence }).click();
    await page.getByLabel(en.actions.what).fill("Your bank statement for the transfer day");
    await page.getByLabel(en.actions.deadline).fill(await localInput(page, 15_000));
    await page.getByRole("button", { name: en.actions.review }).click();
    await page.getByRole("button", { name: en.actions.confirmRequest }).click();
    await expect
      .poll(() => header(page), { timeout: 30_000 })
      .toContain(en.status.awaiting_evidence);

    // The agent goes back to the queue and works on; the deadline passes meanwhile.
    await page.getByRole("button", { name: `← ${en.case.back}` }).click();
    const search = page.getByRole("searchbox");
    await search.fill(detail.reference);
    const row = page.locator(`tr[data-case-id="${detail.id}"]`);
    await row.waitFor({ timeout: 30_000 });

    // The live event reaches the desk: the notice (no notification permission in this browser)…
    const notices = page.getByRole("region", { name: en.lifecycle.noticesTitle });
    const notice = notices.locator(`[data-case-id="${detail.id}"]`);
    await notice.waitFor({ timeout: 60_000 });
    expect(await notice.textContent()).toContain(
      fill(en.lifecycle.alertLapsedBody, { reference: detail.reference }),
    );
    // …and the flag on the case's row, beside its status, which the job moved back to review.
    await expect
      .poll(() => row.locator(".attention-flag").textContent(), { timeout: 30_000 })
      .toBe(en.lifecycle.flagLapsed);
    await expect.poll(() => row.textContent(), { timeout: 30_000 }).toContain(en.status.in_review);
    await page.screenshot({ path: "docs/screenshots/queue-lapsed-deadline.png" });

    // The notice opens the case; the workspace says what happened and what the agent may do.
    await notice
      .getByRole("button", { name: fill(en.lifecycle.openCase, { reference: detail.reference }) })
      .click();
    const deadline = page.getByRole("alert", { name: en.deadline.title });
    await deadline.waitFor({ timeout: 30_000 });
    const said = (await deadline.textContent()) ?? "";
    expect(said).toContain("No answer from Trần Thị Bích Ngọc (Seller)");
    expect(said).toContain("Your bank statement for the transfer day");
    expect(said).toContain(en.deadline.mayLose);
    for (const part of fixedParts(en.lifecycle.clockResumed)) expect(said).toContain(part);
    expect(await deadline.getByRole("button", { name: en.deadline.decideNow }).count()).toBe(1);
    await expect
      .poll(() => page.locator(".case-header [data-clock=resolution]").textContent())
      .toContain(en.clocks.status.running);
    // Opened: the notice and the flag have done their job.
    expect(await notices.count()).toBe(0);
    await page.screenshot({
      path: "docs/screenshots/workstation-lapsed-deadline.png",
      fullPage: true,
    });

    await page.getByLabel(en.app.language).selectOption("vi");
    const vi = page.getByRole("alert", { name: viCatalog.deadline.title });
    await vi.waitFor({ timeout: 30_000 });
    const viSaid = (await vi.textContent()) ?? "";
    expect(viSaid).toContain(viCatalog.deadline.mayLose);
    for (const part of fixedParts(viCatalog.lifecycle.clockResumed)) expect(viSaid).toContain(part);
    await page.screenshot({
      path: "docs/screenshots/workstation-lapsed-deadline-vi.png",
      fullPage: true,
    });
    await page.getByLabel(viCatalog.app.language).selectOption("en");
    await page.close();
  });

  test("the three verification steps close a decided case, which leaves 'My cases'", async () => {
    const { url } = desk.server;
    const detail = await claimedCase(url, "agent1", {}, SERVICE_TOKEN);
    const agent = await ApiClient.login(url, "agent1");
    const decided = await agent.post<MutationResponse>(
      `/cases/${detail.id}/decision`,
      {
        outcome: "release",
        favouredParty: "complainant",
        rationale: "The bank statement shows the transfer; the seller did not dispute it.",
      },
      { ifMatch: detail.version },
    );
    expect(decided.status).toBe(200);
    const page = await desk.browser.context.newPage();
    await signIn(page, url);
    await openCase(page, url, detail.id);
    await expect.poll(() => header(page), { timeout: 30_000 }).toContain(en.status.decided);

    const panel = page.getByRole("region", { name: en.verification.title });
    await panel.waitFor({ timeout: 30_000 });
    await page.screenshot({
      path: "docs/screenshots/workstation-verification.png",
      fullPage: true,
    });
    await page.getByLabel(en.app.language).selectOption("vi");
    await page.getByRole("region", { name: viCatalog.verification.title }).waitFor();
    await page.screenshot({
      path: "docs/screenshots/workstation-verification-vi.png",
      fullPage: true,
    });
    await page.getByLabel(viCatalog.app.language).selectOption("en");
    await panel.waitFor({ timeout: 30_000 });

    // Day 1: records checked, with what follows stated before it is recorded.
    await panel.getByRole("button", { name: en.verification.recordsChecked }).click();
    expect(await panel.locator(".consequence").count()).toBe(1);
    await panel.getByRole("button", { name: en.verification.confirmRecords }).click();
    await expect.poll(() => header(page), { timeout: 30_000 }).toContain(en.status.verifying);
    // Day 2: the parties are satisfied.
    await panel
      .getByRole("button", { name: en.verification.feedbackSatisfied })
      .click({ timeout: 30_000 });
    await panel.getByRole("button", { name: en.verification.confirmSatisfied }).click();
    // Day 3: confirmed; the case closes.
    await panel.getByRole("button", { name: en.verification.confirm }).click({ timeout: 30_000 });
    expect(await panel.locator(".consequence").textContent()).toContain(
      fill(en.verification.consequence.confirmed, { reference: detail.reference }),
    );
    await panel.getByRole("button", { name: en.verification.confirmClose }).click();
    await expect.poll(() => header(page), { timeout: 30_000 }).toContain(en.status.closed);
    await expect
      .poll(async () => (await agent.get<CaseDetail>(`/cases/${detail.id}`)).body.status, {
        timeout: 30_000,
      })
      .toBe("closed");

    // Out of what the agent has to act on: "My cases" lists open cases only.
    await page.getByRole("button", { name: `← ${en.case.back}` }).click();
    await page.getByRole("searchbox").waitFor({ timeout: 30_000 });
    await page.getByLabel(en.views.label, { exact: true }).selectOption({ label: en.views.mine });
    const mine = page.getByRole("table");
    await expect.poll(() => mine.textContent(), { timeout: 30_000 }).toContain(en.queue.you);
    expect(await mine.textContent()).not.toContain(detail.reference);
    await page.close();
  });

  test("an agreement awaits confirmation with its 24 hours; confirmed it closes, refused it goes to CS", async () => {
    const { url } = desk.server;
    const service = platform(url, SERVICE_TOKEN);
    const agreed = async () => {
      const filed = await service.post<{ case: CaseDetail }>("/integration/appeals", filing());
      expect(filed.status).toBe(201);
      const answered = await service.post<{ case: CaseDetail }>(
        `/integration/appeals/${filed.body.case.id}/respondent-answer`,
        { answer: "agreement_reached", statement: "Chúng tôi đã thống nhất hoàn tiền." },
      );
      expect(answered.body.case.status).toBe("agreed");
      return answered.body.case;
    };
    const first = await agreed();
    const page = await desk.browser.context.newPage();
    await signIn(page, url);
    await openCase(page, url, first.id);

    const panel = page.getByRole("region", { name: en.lifecycle.agreement.title });
    await panel.waitFor({ timeout: 30_000 });
    const text = (await panel.textContent()) ?? "";
    // Who agreed, who has not, the time left, both consequences, what the desk may do.
    expect(await panel.locator("[data-party=respondent]").textContent()).toContain(
      "Trần Thị Bích Ngọc",
    );
    expect(await panel.locator("[data-party=complainant]").textContent()).toContain(
      en.lifecycle.agreement.notYet,
    );
    expect(await panel.locator(".agreement-clock").textContent()).toMatch(/^(1d|23 ?h)/);
    expect(text).toContain(fill(en.lifecycle.agreement.ifConfirmed, { name: "Nguyễn Văn An" }));
    for (const part of fixedParts(en.lifecycle.agreement.ifNot)) expect(text).toContain(part);
    expect(text).toContain(
      fill(en.lifecycle.agreement.deskMay, { actions: en.actions.kinds.note }),
    );
    await page.screenshot({ path: "docs/screenshots/workstation-agreement.png", fullPage: true });
    await page.getByLabel(en.app.language).selectOption("vi");
    await page.getByRole("region", { name: viCatalog.lifecycle.agreement.title }).waitFor();
    await page.screenshot({
      path: "docs/screenshots/workstation-agreement-vi.png",
      fullPage: true,
    });
    await page.getByLabel(viCatalog.app.language).selectOption("en");

    // The complainant confirms in the platform's app: the appeal is withdrawn and closed.
    const confirmed = await service.post<{ case: CaseDetail }>(
      `/integration/appeals/${first.id}/agreement`,
      { confirmed: true },
    );
    expect(confirmed.status).toBe(200);
    await expect.poll(() => header(page), { timeout: 30_000 }).toContain(en.status.closed);
    await expect
      .poll(() => page.locator(".agreement-ended").textContent(), { timeout: 30_000 })
      .toContain(fixedParts(en.lifecycle.agreement.confirmed)[0]);

    // Another: the complainant does not confirm; the appeal enters the CS queue.
    const second = await agreed();
    await openCase(page, url, second.id);
    await panel.waitFor({ timeout: 30_000 });
    const refused = await service.post<{ case: CaseDetail }>(
      `/integration/appeals/${second.id}/agreement`,
      { confirmed: false },
    );
    expect(refused.body.case.status).toBe("escalated");
    await expect.poll(() => header(page), { timeout: 30_000 }).toContain(en.status.escalated);
    await expect
      .poll(() => page.locator(".agreement-ended").textContent(), { timeout: 30_000 })
      .toContain(fixedParts(en.lifecycle.agreement.lapsed)[0]);
    // Now it is CS's: the agent may claim it.
    expect(await page.getByRole("button", { name: en.actions.claim }).count()).toBe(1);
    await page.close();
  });

  // Last in the file: it grants the page notification permission for the rest of the context.
  test("where the browser permits notifications, the lapse is a browser notification instead", async () => {
    const { url } = desk.server;
    await desk.browser.context.grantPermissions(["notifications"], { origin: url });
    const page = await desk.browser.context.newPage();
    // Records what the desk asks of the browser's Notification API (then lets it through).
    await page.addInitScript(() => {
      const shown: Array<{ title: string; body: string; tag: string }> = [];
      Object.assign(window, { shownNotifications: shown });
      const Real = window.Notification;
      class Recording extends Real {
        constructor(title: string, options: NotificationOptions = {}) {
          shown.push({ title, body: options.body ?? "", tag: options.tag ?? "" });
          super(title, options);
        }
      }
      Object.defineProperty(window, "Notification", { value: Recording, configurable: true });
    });
    const detail = await claimedCase(url, "agent1", {}, SERVICE_TOKEN);
    const agent = await ApiClient.login(url, "agent1");
    await signIn(page, url);
    expect(await page.evaluate(() => Notification.permission)).toBe("granted");
    const asked = await agent.post<MutationResponse>(
      `/cases/${detail.id}/evidence-requests`,
      {
        party: "respondent",
        what: "Bank statement",
        dueAt: new Date(Date.now() + 8_000).toISOString(),
      },
      { ifMatch: detail.version },
    );
    expect(asked.status).toBe(200);
    const shown = () =>
      page.evaluate(
        () =>
          (
            window as unknown as {
              shownNotifications: Array<{ title: string; body: string; tag: string }>;
            }
          ).shownNotifications,
      );
    await expect
      .poll(async () => (await shown()).map((n) => n.title), { timeout: 60_000 })
      .toContain(en.lifecycle.alertLapsedTitle);
    const notification = (await shown()).find((n) => n.title === en.lifecycle.alertLapsedTitle);
    expect(notification).toEqual({
      title: en.lifecycle.alertLapsedTitle,
      body: fill(en.lifecycle.alertLapsedBody, { reference: detail.reference }),
      tag: `deadline-lapsed:${detail.reference}`,
    });
    // Shown by the browser: no second copy in the desk; the queue still flags the case.
    await page.getByRole("searchbox").fill(detail.reference);
    const row = page.locator(`tr[data-case-id="${detail.id}"]`);
    await expect.poll(() => row.locator(".attention-flag").count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByRole("region", { name: en.lifecycle.noticesTitle }).count()).toBe(0);
    await page.close();
  });
});
