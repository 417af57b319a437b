/**
 * Reassigning in Chromium (web mode): a supervisor opens the reassign dialog on a case at risk in
 * team oversight, sees the team by name with load against capacity, presence and skills (never a
 * raw id), meets a refusal the server sends (the agent filled up meanwhile) explained in words,
 * then confirms the change, and the case shows up in agent2's own queue ("Mine"). Agent2 said
 * they are available with the switch in the top bar, which is what routing reads.
 */
import { RoutingAgentList } from "@shared/api/routing";
import type { CaseDetail } from "@shared/domain/appeal";
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { ApiClient } from "../support/api";
import { launchChromium } from "./support/chromium";
import { deskFixture } from "./support/desk-fixture";

const desk = deskFixture();

async function signIn(page: Page, username: string) {
  await page.goto(desk.server.url);
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill("demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Sign out" }).waitFor({ timeout: 30_000 });
}

test("a supervisor reassigns a case through the dialog; a refusal is explained; agent2 gets it", async () => {
  const url = desk.server.url;
  const api = await ApiClient.login(url, "supervisor1");
  const team = async () => RoutingAgentList.parse((await api.get("/routing/agents")).body);

  // Agent2's desk, on its own computer (a second browser: desks on one profile share a session).
  const agentBrowser = await launchChromium();
  const agentPage = await agentBrowser.context.newPage();
  await signIn(agentPage, "agent2");
  const availability = agentPage.getByLabel("Routing status");
  expect(await availability.inputValue()).toBe("away");
  await availability.selectOption("online");
  await expect
    .poll(async () => (await team()).agents.find((a) => a.id === "u-agent2")?.presence, {
      timeout: 15_000,
    })
    .toBe("online");

  // The supervisor's oversight: a case at risk held by Mai Anh.
  const page = await desk.browser.context.newPage();
  // API answers, printed if the dialog does not come up.
  const failures: string[] = [];
  page.on("response", (r) => {
    if (r.url().includes("/api/v1/") && r.status() >= 400)
      failures.push(`${r.status()} ${r.request().method()} ${r.url()}`);
  });
  await signIn(page, "supervisor1");
  await page.goto(`${url}/#/supervisor/oversight`);
  const atRisk = page.getByRole("table", { name: "Cases at risk" });
  await atRisk.waitFor({ timeout: 30_000 });
  const row = atRisk
    .locator("tbody tr", { hasText: "Mai Anh" })
    .filter({ has: page.getByRole("button", { name: /Reassign case/ }) })
    .first();
  await row.waitFor({ timeout: 30_000 });
  const reference = (await row.locator("a").first().textContent())?.trim() ?? "";
  expect(reference).toMatch(/\S/);
  const caseId = decodeURIComponent(
    ((await row.locator("a").first().getAttribute("href")) ?? "").replace("#/cases/", ""),
  );

  const open = async () => {
    await row.getByRole("button", { name: `Reassign case ${reference}` }).click();
    const dialog = page.getByRole("dialog", { name: `Reassign case ${reference}` });
    await dialog
      .getByRole("radio", { name: /Chen Hao/ })
      .waitFor({ timeout: 15_000 })
      .catch(async (error: unknown) => {
        await page.screenshot({ path: `${process.env.TMPDIR ?? "/tmp"}/reassign-failure.png` });
        throw new Error(`${String(error)}\n${failures.join("\n")}`);
      });
    return dialog;
  };

  let dialog = await open();
  expect(await dialog.textContent()).toContain("Now with: Mai Anh (agent)");
  const chen = dialog.locator("tr", { has: page.getByRole("radio", { name: /Chen Hao/ }) });
  const chenText = (await chen.textContent()) ?? "";
  const load2 = (await team()).agents.find((a) => a.id === "u-agent2");
  expect(chenText).toContain(`${load2?.load} / ${load2?.capacity}`);
  expect(chenText).toContain("Online");
  expect(chenText).toContain("Chinese, Vietnamese, English · China, Vietnam, UTC");
  // Names, never ids.
  expect(await dialog.textContent()).not.toMatch(/u-(agent|supervisor)\d/);
  await page.screenshot({ path: "docs/screenshots/supervisor-reassign.png" });

  // Meanwhile another supervisor fills Chen Hao up: the server refuses, the dialog says why.
  const filled = await api.post("/routing/agents/u-agent2", { capacity: 0 }, { key: null });
  expect(filled.status).toBe(200);
  await dialog.getByRole("radio", { name: /Chen Hao/ }).check();
  await dialog.getByRole("button", { name: "Continue" }).click();
  await dialog.getByRole("button", { name: "Reassign", exact: true }).click();
  const alert = dialog.getByRole("alert");
  await alert.waitFor();
  expect(await alert.textContent()).toBe(
    "Not reassigned: This agent already holds as many open cases as their capacity allows.",
  );
  await page.screenshot({ path: `${process.env.TMPDIR ?? "/tmp"}/reassign-refused.png` });
  expect((await api.get<CaseDetail>(`/cases/${caseId}`)).body.assigneeId).toBe("u-agent1");
  await dialog.getByRole("button", { name: "Cancel" }).click();

  // Room again: reassign, confirming the stated change.
  await api.post("/routing/agents/u-agent2", { capacity: 150 }, { key: null });
  dialog = await open();
  await dialog.getByRole("radio", { name: /Chen Hao/ }).check();
  await dialog.getByRole("button", { name: "Continue" }).click();
  expect(await dialog.textContent()).toContain(
    `Case ${reference} moves from Mai Anh (agent) to Chen Hao (agent)`,
  );
  await dialog.getByRole("button", { name: "Reassign", exact: true }).click();
  await dialog.getByText(`Case ${reference} is now with Chen Hao (agent).`).waitFor();
  expect((await api.get<CaseDetail>(`/cases/${caseId}`)).body.assigneeId).toBe("u-agent2");
  await dialog.getByRole("button", { name: "Close" }).click();

  // Agent2's own queue has it.
  await agentPage.getByLabel("Assignee", { exact: true }).selectOption("mine");
  const mine = agentPage.getByRole("table", { name: "Appeal queue" });
  await mine.locator(`tbody tr[data-case-id="${caseId}"]`).waitFor({ timeout: 30_000 });
  await agentBrowser.close();
  await page.close();
});
