/**
 * Money safety in Chromium: a Vietnamese agent types `200.000` on a payment complaint, sees it read
 * back as 200.000 ₫ paid to the named payer, confirms, and the server holds 200000; a supervisor's
 * overturn above the disputed amount is refused in the same decision form, with the limit shown,
 * and nothing reaches the server.
 */
import { randomUUID } from "node:crypto";
import type { FileAppealRequest } from "@shared/api/integration";
import type { MutationResponse } from "@shared/api/mutations";
import type { CaseDetail } from "@shared/domain/appeal";
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { en } from "../../renderer/src/i18n/locales/en";
import { vi } from "../../renderer/src/i18n/locales/vi";
import { ApiClient } from "../support/api";
import { escalatedCase, filing, WEB_SERVICE_TOKEN } from "../support/appeals";
import { deskFixture } from "./support/desk-fixture";

const desk = deskFixture();
const SERVICE_TOKEN = process.env.SERVICE_TOKEN ?? "demo-service-token";
const RATIONALE = "Chỉ một trong hai khoản trừ được hoàn lại; hoàn phần còn thiếu cho người trả.";

function paymentFiling(): FileAppealRequest {
  return filing({
    kind: "payment",
    reason: "duplicate_charge",
    amount: "5798000",
    currency: "VND",
    complainant: {
      side: "payer",
      externalUserId: "U3003",
      displayName: "Lê Thị Hoa",
      phone: "+84 901234567",
      email: null,
      language: "vi",
    },
    respondent: {
      side: "merchant",
      externalUserId: "M4004",
      displayName: "Cửa hàng Minh Châu",
      phone: null,
      email: null,
      language: "vi",
    },
    statement: "Tôi bị trừ tiền hai lần cho cùng một đơn hàng.",
    trade: null,
    payment: {
      transactionId: `TX${randomUUID().slice(0, 10)}`,
      amount: "5798000",
      currency: "VND",
      merchant: "Cửa hàng Minh Châu",
      method: "Ví điện tử",
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
    },
  });
}

/** Signs in with the desk in `language` (saved the way the language switcher saves it). */
async function signIn(page: Page, username: string, language: "vi" | "en" = "en") {
  await page.goto(desk.server.url);
  await page.evaluate((lang) => localStorage.setItem("arbiter.language", lang), language);
  await page.reload();
  const c = language === "vi" ? vi : en;
  await page.getByLabel(c.login.username).fill(username);
  await page.getByLabel(c.login.password).fill("demo");
  await page.getByRole("button", { name: c.login.signIn }).click();
  await page.getByRole("table", { name: c.queue.tableName }).waitFor({ timeout: 60_000 });
}

test("a Vietnamese agent enters 200.000, sees 200.000 ₫ to the named payer, confirms; the server holds 200000", async () => {
  const escalated = await escalatedCase(desk.server.url, paymentFiling(), WEB_SERVICE_TOKEN);
  const agent = await ApiClient.login(desk.server.url, "agent1");
  const claimed = await agent.post<MutationResponse>(
    `/cases/${escalated.id}/claim`,
    {},
    { ifMatch: escalated.version },
  );
  expect(claimed.status).toBe(200);

  const page = await desk.browser.context.newPage();
  await signIn(page, "agent1", "vi");
  await page.goto(`${desk.server.url}/#/cases/${escalated.id}`);
  const decide = page.getByRole("button", { name: vi.actions.decide, exact: true });
  await expect.poll(() => decide.isEnabled(), { timeout: 30_000 }).toBe(true);
  await decide.click();
  const dialog = page.getByRole("dialog");
  const outcomes = dialog.getByRole("radiogroup", { name: vi.decide.outcome });
  // A payment complaint offers no crypto release.
  expect(await outcomes.getByRole("radio", { name: vi.outcome.release }).count()).toBe(0);
  await outcomes.getByRole("radio", { name: vi.outcome.partial_refund }).check();
  await dialog.getByText("Lê Thị Hoa (Người trả tiền, Bên khiếu nại)").waitFor();
  await dialog.getByLabel(/Số tiền hoàn/).fill("200.000");
  await dialog.getByText("Đọc là 200.000 ₫ · Đồng Việt Nam").waitFor();
  await dialog.getByLabel(vi.decide.rationale).fill(RATIONALE);
  await dialog.screenshot({ path: "docs/screenshots/vi-decision-amount.png" });
  await dialog.getByRole("button", { name: vi.decide.submit }).click();
  const consequence = dialog.locator(".consequence");
  await consequence.waitFor();
  const text = (await consequence.textContent()) ?? "";
  expect(text).toContain("Lê Thị Hoa (Người trả tiền, Bên khiếu nại) sẽ được hoàn 200.000\u00a0₫");
  await dialog.screenshot({ path: "docs/screenshots/vi-decision-confirm.png" });
  await dialog.getByRole("button", { name: vi.decide.confirm }).click();

  await expect
    .poll(async () => (await agent.get<CaseDetail>(`/cases/${escalated.id}`)).body.decisions?.[0], {
      timeout: 30_000,
    })
    .toMatchObject({
      outcome: "partial_refund",
      amount: "200000",
      currency: "VND",
      receiverSide: "payer",
      favouredParty: "complainant",
    });
  // The case shows its decision: who receives, by name, and the amount as the agent reads money.
  const record = page.getByRole("region", { name: vi.money.record.title, exact: true });
  await expect
    .poll(() => record.textContent(), { timeout: 30_000 })
    .toContain("Lê Thị Hoa (Người trả tiền, Bên khiếu nại)");
  expect(await record.textContent()).toContain("200.000\u00a0₫");
  await record.screenshot({ path: "docs/screenshots/vi-case-decision-record.png" });
  await page.close();
});

test("a supervisor's overturn above the disputed amount is refused in the decision form, with the limit shown", async () => {
  const escalated = await escalatedCase(desk.server.url, paymentFiling(), WEB_SERVICE_TOKEN);
  const agent = await ApiClient.login(desk.server.url, "agent1");
  const claimed = await agent.post<MutationResponse>(
    `/cases/${escalated.id}/claim`,
    {},
    { ifMatch: escalated.version },
  );
  const decided = await agent.post<MutationResponse>(
    `/cases/${escalated.id}/decision`,
    { outcome: "full_refund", rationale: "Both charges are on the statement; refund one in full." },
    { ifMatch: claimed.body.version },
  );
  expect(decided.status).toBe(200);
  const service = new ApiClient(desk.server.url, SERVICE_TOKEN);
  const appealed = await service.post<{ case: CaseDetail }>(
    `/integration/appeals/${escalated.id}/second-stage`,
    { party: "respondent", statement: "Chúng tôi đã hoàn tiền rồi." },
  );
  expect(appealed.status).toBe(200);
  const supervisor = await ApiClient.login(desk.server.url, "supervisor2");
  const underReview = await supervisor.post<MutationResponse>(
    `/cases/${escalated.id}/claim`,
    {},
    { ifMatch: appealed.body.case.version },
  );
  expect(underReview.status).toBe(200);

  const page = await desk.browser.context.newPage();
  await signIn(page, "supervisor2");
  await page.goto(`${desk.server.url}/#/supervisor/review/${escalated.id}`);
  const verdicts = page.getByRole("radiogroup", { name: en.supervisor.review.verdict });
  await expect
    .poll(
      () =>
        verdicts.getByRole("radio", { name: en.supervisor.review.verdicts.overturn }).isEnabled(),
      {
        timeout: 30_000,
      },
    )
    .toBe(true);
  await verdicts.getByRole("radio", { name: en.supervisor.review.verdicts.overturn }).check();
  await page
    .getByLabel(en.supervisor.review.rationale, { exact: true })
    .fill("Re-examined: only one of the two charges was ever refunded.");
  const form = page.getByRole("region", { name: en.money.overturnTitle });
  await form
    .getByRole("radiogroup", { name: en.decide.outcome })
    .getByRole("radio", { name: en.outcome.partial_refund })
    .check();
  await form.getByLabel(/Amount to refund/).fill("99,999,999");
  await form
    .getByLabel(en.supervisor.review.decisionRationale)
    .fill("Refund the second charge and the fees.");
  await form.getByRole("button", { name: en.money.overturnSubmit }).click();
  await form.getByText("Not more than the disputed amount (₫5,798,000).").waitFor();
  await page.screenshot({
    path: "docs/screenshots/supervisor-overturn-limit.png",
    fullPage: false,
  });
  // No confirmation was offered and nothing was sent: the case is still under review.
  expect(await form.getByRole("button", { name: en.money.overturnConfirm }).count()).toBe(0);
  const now = (await supervisor.get<CaseDetail>(`/cases/${escalated.id}`)).body;
  expect(now).toMatchObject({ status: "supervisor_review", version: underReview.body.version });
  expect(now.reviews).toEqual([]);

  // Within the limit, the same form confirms and the server records the overturn.
  await form.getByLabel(/Amount to refund/).fill("2,899,000");
  await form.getByRole("button", { name: en.money.overturnSubmit }).click();
  await form.getByText(/Lê Thị Hoa \(Payer, Complainant\) will be refunded ₫2,899,000/).waitFor();
  await form.getByRole("button", { name: en.money.overturnConfirm }).click();
  await expect
    .poll(async () => (await supervisor.get<CaseDetail>(`/cases/${escalated.id}`)).body.reviews, {
      timeout: 30_000,
    })
    .toEqual([expect.objectContaining({ verdict: "overturn" })]);
  const after = (await supervisor.get<CaseDetail>(`/cases/${escalated.id}`)).body;
  expect(after.decisions.at(-1)).toMatchObject({ stage: "second", amount: "2899000" });
  await page.close();
});
