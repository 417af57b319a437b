/**
 * A supervisor's work queues in Chromium (web mode), issue #17: an agent escalates a case with a
 * reason; supervisor1 finds it in "Asked to look" (reason, who asked, count), opens the whole
 * case (parties, evidence viewer, chat in the timeline, clocks) and answers, which takes it off
 * the queue. Second-stage appeals list with their review clock, sort and filter on the agent
 * queue's table, closed ones never show, and the review puts the first decision beside the
 * objection. A webhook delivery the platform's receiver refused is listed and replayed.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { MutationResponse } from "@shared/api/mutations";
import { type DeadLetterList, WEBHOOK_HEADERS } from "@shared/api/platform-events";
import type { CaseDetail } from "@shared/domain/appeal";
import type { User } from "@shared/domain/user";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { en } from "../../renderer/src/i18n/locales/en";
import { vi as viCatalog } from "../../renderer/src/i18n/locales/vi";
import { ApiClient } from "../support/api";
import { claimedCase, filing } from "../support/appeals";
import { tinyPng } from "../support/report-fonts";
import { type LaunchedBrowser, launchChromium } from "./support/chromium";
import { startWebServer, type WebServer } from "./support/web-server";

const SERVICE_TOKEN = process.env.SERVICE_TOKEN ?? "demo-service-token";
const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_m, key: string) => values[key] ?? "");

/** The platform's webhook receiver: refuses everything until told to accept; keeps what it got. */
interface Receiver {
  url: string;
  accepting: boolean;
  received: string[];
  close(): Promise<void>;
}

async function startReceiver(): Promise<Receiver> {
  const state = { accepting: false, received: [] as string[] };
  const server: Server = createServer((request: IncomingMessage, response) => {
    request.resume();
    request.on("end", () => {
      if (!state.accepting) {
        response.writeHead(503).end("receiver down for maintenance");
        return;
      }
      const id = request.headers[WEBHOOK_HEADERS.id.toLowerCase()];
      if (typeof id === "string") state.received.push(id);
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}/webhooks`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

let receiver: Receiver;
let server: WebServer;
let browser: LaunchedBrowser;

beforeAll(async () => {
  receiver = await startReceiver();
  // One attempt: a refused delivery is dead-lettered at once, as after its last retry.
  server = await startWebServer([], {
    WEBHOOK_URL: receiver.url,
    WEBHOOK_SECRET: "e2e-supervisor-queues-secret",
    WEBHOOK_MAX_ATTEMPTS: "1",
    WEBHOOK_RETRY_BASE_MS: "10",
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await receiver?.close();
});

async function signIn(page: Page, username: string) {
  await page.goto(server.url);
  await page.getByLabel(en.login.username).fill(username);
  await page.getByLabel(en.login.password).fill("demo");
  await page.getByRole("button", { name: en.login.signIn }).click();
  await page.getByRole("searchbox").waitFor({ timeout: 30_000 });
}

async function caseOf(id: string): Promise<CaseDetail> {
  const supervisor = await ApiClient.login(server.url, "supervisor2");
  return (await supervisor.get<CaseDetail>(`/cases/${id}`)).body;
}

async function uploadProof(caseId: string, fileName: string) {
  const form = new FormData();
  form.set("party", "complainant");
  form.set("description", "Bank transfer receipt");
  const png = new Uint8Array(tinyPng(160, 100, [30, 110, 190]));
  form.set("file", new Blob([png], { type: "image/png" }), fileName);
  const service = new ApiClient(server.url, SERVICE_TOKEN);
  expect((await service.upload(`/integration/appeals/${caseId}/evidence`, form)).status).toBe(200);
}

/** Files, decides (agent1) and appeals a case through the API: a second-stage appeal. */
async function secondStageCase(
  overrides: Parameters<typeof filing>[0],
  objection: string,
): Promise<CaseDetail> {
  const service = new ApiClient(server.url, SERVICE_TOKEN);
  const filed = await service.post<{ case: CaseDetail }>("/integration/appeals", filing(overrides));
  expect(filed.status).toBe(201);
  const id = filed.body.case.id;
  const answered = await service.post<{ case: CaseDetail }>(
    `/integration/appeals/${id}/respondent-answer`,
    { answer: "negotiation_failed", statement: objection },
  );
  expect(answered.status).toBe(200);
  const agent = await ApiClient.login(server.url, "agent1");
  const claimed = await agent.post<MutationResponse>(
    `/cases/${id}/claim`,
    {},
    { ifMatch: answered.body.case.version },
  );
  expect(claimed.status).toBe(200);
  const decided = await agent.post<MutationResponse>(
    `/cases/${id}/decision`,
    {
      outcome: "release",
      favouredParty: "complainant",
      rationale: "The transfer receipt matches the order's amount and time.",
    },
    { ifMatch: claimed.body.version },
  );
  expect(decided.status).toBe(200);
  const appealed = await service.post<{ case: CaseDetail }>(
    `/integration/appeals/${id}/second-stage`,
    { party: "respondent", statement: objection },
  );
  expect(appealed.status).toBe(200);
  return appealed.body.case;
}

describe("supervisor work queues", () => {
  test("'Asked to look': the agent's reason, the whole case, and an answer that clears it", async () => {
    const detail = await claimedCase(server.url, "agent1", {}, SERVICE_TOKEN);
    await uploadProof(detail.id, "transfer-receipt.png");
    const agentApi = await ApiClient.login(server.url, "agent1");
    const me = (await agentApi.get<User>("/me")).body;
    // CS writes to the buyer: the chat the supervisor reads, and a webhook the receiver refuses.
    const chat = "Please send the bank's confirmation of the transfer.";
    const sent = await agentApi.post<MutationResponse>(
      `/cases/${detail.id}/messages`,
      { text: chat, to: "complainant" },
      { ifMatch: (await caseOf(detail.id)).version },
    );
    expect(sent.status).toBe(200);

    // The agent escalates to a supervisor from the workspace, with a reason.
    const reason = "The buyer threatens a chargeback; I need approval for a partial refund.";
    const agentPage = await browser.context.newPage();
    await signIn(agentPage, "agent1");
    await agentPage.goto(`${server.url}/#/cases/${encodeURIComponent(detail.id)}`);
    await agentPage.locator(".case-header").waitFor({ timeout: 30_000 });
    await agentPage.getByRole("tab", { name: en.actions.kinds.escalate }).click();
    await agentPage
      .getByRole("tabpanel")
      .getByLabel(en.actions.escalateReason, { exact: true })
      .fill(reason);
    await agentPage.getByRole("button", { name: en.actions.review }).click();
    await agentPage.getByRole("button", { name: en.actions.confirmEscalate }).click();
    await expect
      .poll(async () => (await caseOf(detail.id)).needsSupervisor, { timeout: 30_000 })
      .toBe(true);
    await agentPage.close();

    // supervisor1 finds it in "Asked to look", with the reason, who asked and the count.
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1440, height: 1000 });
    await signIn(page, "supervisor1");
    await page.goto(`${server.url}/#/supervisor/asked`);
    const queue = page.getByRole("region", { name: en.supervisor.askedToLook });
    await queue.waitFor({ timeout: 30_000 });
    const table = queue.getByRole("table", { name: en.supervisorQueues.askedTable });
    const row = table.locator(`tr[data-case-id="${detail.id}"]`);
    await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(1);
    await expect
      .poll(() => row.locator(".col-askedReason").textContent(), { timeout: 30_000 })
      .toBe(reason);
    expect(await row.locator(".col-askedBy").textContent()).toBe(me.displayName);
    expect(await row.locator(".col-askedAt time").getAttribute("datetime")).toMatch(/^\d{4}-/);
    const headers = await table.locator("thead th").allTextContents();
    expect(headers).toEqual(
      expect.arrayContaining([
        en.supervisorQueues.columns.reason,
        en.supervisorQueues.columns.askedBy,
        en.supervisorQueues.columns.askedAt,
      ]),
    );
    const shown = await table.locator("tbody tr[data-case-id]").count();
    expect(await queue.getByRole("status").first().textContent()).toContain(`Cases: ${shown}`);
    // The agent queue's sorting, on the same table.
    await table.getByRole("button", { name: en.columns.reference }).click();
    expect(
      await table
        .locator("th", { has: page.getByRole("button", { name: en.columns.reference }) })
        .getAttribute("aria-sort"),
    ).toBe("ascending");
    await page.screenshot({
      path: "docs/screenshots/supervisor-asked-to-look.png",
      fullPage: true,
    });
    await page.getByLabel(en.app.language).selectOption("vi");
    await page
      .getByRole("table", { name: viCatalog.supervisorQueues.askedTable })
      .getByText(viCatalog.supervisorQueues.columns.reason)
      .waitFor();
    await page.screenshot({
      path: "docs/screenshots/supervisor-asked-to-look-vi.png",
      fullPage: true,
    });
    await page.getByLabel(viCatalog.app.language).selectOption("en");

    // The whole case, as the agent saw it.
    await row.getByRole("link", { name: new RegExp(detail.reference) }).click();
    const review = page.locator(".review-screen");
    await review.waitFor({ timeout: 30_000 });
    const asked = review.getByRole("region", { name: en.supervisorQueues.review.askedTitle });
    expect(await asked.textContent()).toContain(reason);
    expect(await review.getByRole("region", { name: en.role.complainant }).textContent()).toContain(
      detail.complainant.displayName,
    );
    expect(await review.getByRole("region", { name: en.role.respondent }).textContent()).toContain(
      detail.respondent.displayName,
    );
    expect(await review.getByRole("list", { name: en.clocks.label }).locator("li").count()).toBe(
      await review.locator("[data-clock]").count(),
    );
    expect(await review.locator("[data-clock]").count()).toBeGreaterThan(0);
    await expect
      .poll(() => review.getByRole("region", { name: en.timeline.title }).textContent())
      .toContain(chat);
    await review.getByRole("button", { name: "Open transfer-receipt.png" }).click();
    const viewer = review.getByRole("region", { name: en.evidence.viewerTitle });
    await viewer.locator("img").waitFor({ timeout: 30_000 });

    // The supervisor answers the agent: any act of theirs answers the request.
    await asked
      .getByLabel(en.supervisorQueues.review.answerLabel)
      .fill("Approved: offer the buyer a partial refund of half.");
    await asked.getByRole("button", { name: en.supervisorQueues.review.answer }).click();
    await expect
      .poll(async () => (await caseOf(detail.id)).needsSupervisor, { timeout: 30_000 })
      .toBe(false);
    await page.goto(`${server.url}/#/supervisor/asked`);
    await queue.waitFor({ timeout: 30_000 });
    await expect
      .poll(() => queue.locator(`tr[data-case-id="${detail.id}"]`).count(), { timeout: 30_000 })
      .toBe(0);
    await page.close();
  });

  test("second-stage appeals: review clock, sort, filter, no closed case; first decision beside the objection", async () => {
    const objection = "The seller disagrees: the bank statement shows no credit that day.";
    const first = await secondStageCase({ currency: "CNY", amount: "1800.00" }, objection);
    const second = await secondStageCase(
      { currency: "VND", amount: "25000000", region: "VN" },
      "Người bán không đồng ý: tiền chưa về tài khoản.",
    );
    const closed = await secondStageCase({ currency: "CNY", amount: "900.00" }, objection);
    // supervisor2 upholds the third: it leaves the second stage and must not be listed.
    const supervisor2 = await ApiClient.login(server.url, "supervisor2");
    const claimed = await supervisor2.post<MutationResponse>(
      `/cases/${closed.id}/claim`,
      {},
      { ifMatch: closed.version },
    );
    expect(claimed.status).toBe(200);
    const upheld = await supervisor2.post<MutationResponse>(
      `/cases/${closed.id}/review`,
      { verdict: "uphold", rationale: "The receipt and the statement agree; the decision stands." },
      { ifMatch: claimed.body.version },
    );
    expect(upheld.status).toBe(200);
    expect(["second_stage", "supervisor_review"]).not.toContain((await caseOf(closed.id)).status);

    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1440, height: 1000 });
    await signIn(page, "supervisor1");
    await page.goto(`${server.url}/#/supervisor`);
    const queue = page.getByRole("region", { name: en.supervisor.secondStageAppeals });
    const table = queue.getByRole("table", { name: en.supervisor.secondStageQueue });
    const rowOf = (id: string) => table.locator(`tr[data-case-id="${id}"]`);
    await table.locator("tbody tr[data-case-id]").first().waitFor({ timeout: 30_000 });
    // Sort by reference, newest first: the appeals just filed head the list.
    const sortByReference = table.getByRole("button", { name: en.columns.reference });
    const referenceHeader = table.locator("th.col-reference");
    await sortByReference.click();
    if ((await referenceHeader.getAttribute("aria-sort")) !== "descending")
      await sortByReference.click();
    expect(await referenceHeader.getAttribute("aria-sort")).toBe("descending");
    const shownReferences = () =>
      table.locator("tbody tr[data-case-id] .col-reference .mono").allTextContents();
    await expect.poll(() => rowOf(second.id).count(), { timeout: 30_000 }).toBe(1);
    expect(await rowOf(first.id).count()).toBe(1);
    const descending = await shownReferences();
    expect(descending).toEqual([...descending].sort().reverse());
    expect(descending.indexOf(second.reference)).toBeLessThan(descending.indexOf(first.reference));
    // Closed never shows (it is the newest: it would head the list), even when asked for.
    expect(await rowOf(closed.id).count()).toBe(0);
    await queue.locator("summary", { hasText: en.filters.status }).click();
    const closedChoice = queue.getByLabel(en.status.closed, { exact: true });
    await closedChoice.click();
    // The queue keeps its statuses: the choice does not stick.
    expect(await closedChoice.isChecked()).toBe(false);
    await page.keyboard.press("Escape");
    expect(await rowOf(closed.id).count()).toBe(0);
    expect(await rowOf(second.id).count()).toBe(1);
    // The review clock: 10–20 working days, running.
    const dueText = fill(en.sla.dueIn, { duration: "" }).trim();
    expect(await rowOf(first.id).locator(".col-sla").textContent()).toContain(dueText);
    // And the other way round.
    await sortByReference.click();
    expect(await referenceHeader.getAttribute("aria-sort")).toBe("ascending");
    const ascending = await shownReferences();
    expect(ascending).toEqual([...ascending].sort());
    await sortByReference.click();

    // Filter: only VND.
    await queue.locator("summary", { hasText: en.filters.currency }).click();
    await queue.getByLabel("VND", { exact: true }).check();
    await page.keyboard.press("Escape");
    await expect.poll(() => rowOf(first.id).count()).toBe(0);
    expect(await rowOf(second.id).count()).toBe(1);
    const vndRows = await table.locator("tbody tr[data-case-id]").count();
    expect(await queue.getByRole("status").first().textContent()).toContain(`Cases: ${vndRows}`);

    // The review: the first decision beside the objection, the clocks above.
    await page.goto(`${server.url}/#/supervisor/review/${first.id}`);
    const review = page.locator(".review-screen");
    await review.waitFor({ timeout: 30_000 });
    const decision = review.getByRole("region", { name: en.supervisor.review.firstDecision });
    const objectionBox = review.getByRole("region", { name: en.supervisor.review.objection });
    await expect
      .poll(() => decision.textContent(), { timeout: 30_000 })
      .toContain("The transfer receipt matches");
    expect(await objectionBox.textContent()).toContain(objection);
    const [d, o] = await Promise.all([decision.boundingBox(), objectionBox.boundingBox()]);
    // Side by side: the same row, the objection to the right.
    expect(Math.abs((d?.y ?? 0) - (o?.y ?? 1))).toBeLessThan(5);
    expect(o?.x ?? 0).toBeGreaterThan(d?.x ?? 0);
    expect(await review.locator('[data-clock="second_stage_review"]').textContent()).toContain(
      en.clocks.names.second_stage_review,
    );
    await page.screenshot({ path: "docs/screenshots/supervisor-review.png", fullPage: false });
    await page.getByLabel(en.app.language).selectOption("vi");
    await review.getByText(viCatalog.supervisor.review.firstDecision).first().waitFor();
    await page.screenshot({ path: "docs/screenshots/supervisor-review-vi.png", fullPage: false });
    await page.getByLabel(viCatalog.app.language).selectOption("en");
    await page.close();
  });

  test("a delivery the platform refused is listed with its error and replayed", async () => {
    const supervisor = await ApiClient.login(server.url, "supervisor1");
    const detail = await claimedCase(server.url, "agent1", {}, SERVICE_TOKEN);
    const agent = await ApiClient.login(server.url, "agent1");
    const sent = await agent.post<MutationResponse>(
      `/cases/${detail.id}/messages`,
      { text: "We are reviewing your transfer now.", to: "complainant" },
      { ifMatch: detail.version },
    );
    expect(sent.status).toBe(200);
    const deadOf = async () =>
      (await supervisor.get<DeadLetterList>("/webhooks/dead-letters")).body.items.find(
        (item) => item.caseId === detail.id && item.type === "message",
      );
    await expect.poll(deadOf, { timeout: 30_000 }).toBeDefined();
    const dead = await deadOf();
    if (!dead) throw new Error("no dead letter");
    // The platform is back: the replay will get through.
    receiver.accepting = true;

    const page = await browser.context.newPage();
    await signIn(page, "supervisor1");
    await page.goto(`${server.url}/#/supervisor`);
    await page.getByRole("link", { name: en.supervisorQueues.deadLetters.nav }).click();
    const table = page.getByRole("table", { name: en.supervisorQueues.deadLetters.table });
    const row = table.locator(`tr[data-event-id="${dead.eventId}"]`);
    await row.waitFor({ timeout: 30_000 });
    const cells = await row.locator("td").allTextContents();
    expect(cells[0]).toBe(en.supervisorQueues.eventKind.message);
    expect(cells[1]).toBe(detail.reference);
    expect(cells[2]).toBe("1");
    expect(cells[3]).toContain("503");

    await row
      .getByRole("button", {
        name: fill(en.supervisorQueues.deadLetters.replay, { reference: detail.reference }),
      })
      .click();
    const confirm = page.getByRole("alertdialog");
    expect(await confirm.textContent()).toContain(detail.reference);
    await page.screenshot({ path: "docs/screenshots/supervisor-dead-letters.png", fullPage: true });
    await confirm
      .getByRole("button", { name: en.supervisorQueues.deadLetters.confirmReplay })
      .click();
    await page
      .getByText(fill(en.supervisorQueues.deadLetters.replayed, { reference: detail.reference }))
      .waitFor({ timeout: 30_000 });
    // The list refreshed: the delivery is back in line, no longer dead.
    await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(0);
    await expect
      .poll(() => receiver.received.includes(dead.eventId), { timeout: 30_000 })
      .toBe(true);
    expect((await deadOf()) ?? null).toBe(null);
    await page.close();
  });
});
