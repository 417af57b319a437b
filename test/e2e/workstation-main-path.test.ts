/**
 * The agent's main path in Chromium, in each of the desk's languages: sign in → filter → open a
 * case → compare evidence (sha256 verified) → request evidence → decide → synced. Screenshots go to
 * docs/screenshots/; axe-core checks every screen on the way for serious or critical violations.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { deflateSync } from "node:zlib";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { en } from "../../renderer/src/i18n/locales/en";
import { vi } from "../../renderer/src/i18n/locales/vi";
import { zhHans } from "../../renderer/src/i18n/locales/zh-hans";
import { type LaunchedBrowser, launchChromium } from "./support/chromium";
import { startWebServer, type WebServer } from "./support/web-server";

/** axe-core's source; evaluated through the DevTools protocol, which the page's CSP does not gate. */
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page; returns the serious and critical violations, described. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } })
      .axe;
    const result = await axe.run();
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
    );
}

/** A small RGB PNG: a light page with a coloured band, like a screenshot of a receipt. */
function png(width: number, height: number, band: [number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = (crcTable[(c ^ b) & 0xff] as number) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const inBand = y > height * 0.3 && y < height * 0.45;
    const isLine = y % 24 === 0 && y > height * 0.55;
    for (let x = 0; x < width; x++) {
      const o = y * (width * 3 + 1) + 1 + x * 3;
      const rgb = inBand
        ? band
        : isLine && x > 30 && x < width - 30
          ? [150, 150, 160]
          : [248, 248, 250];
      rows.set(rgb, o);
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Files a party's evidence through the integration side, as the exchange's backend would. */
async function fileEvidence(
  baseUrl: string,
  caseId: string,
  party: string,
  name: string,
  bytes: Buffer,
) {
  const form = new FormData();
  form.set("party", party);
  form.set("description", `${party} evidence`);
  form.set("file", new Blob([new Uint8Array(bytes)], { type: "image/png" }), name);
  const response = await fetch(`${baseUrl}/api/v1/integration/appeals/${caseId}/evidence`, {
    method: "POST",
    headers: { authorization: "Bearer demo-service-token", "idempotency-key": randomUUID() },
    body: form,
  });
  if (!response.ok) throw new Error(`evidence upload ${response.status}: ${await response.text()}`);
}

let server: WebServer;
beforeAll(async () => {
  server = await startWebServer();
});
afterAll(async () => {
  await server?.stop();
});

const LANGUAGES = [
  { code: "en", locale: "en-US", catalog: en, shot: "workstation-en" },
  { code: "vi", locale: "vi-VN", catalog: vi, shot: "workstation-vi" },
  { code: "zh-Hans", locale: "zh-CN", catalog: zhHans, shot: "workstation-zh" },
] as const;

/** `WORKSTATION_LANGS=vi npx vitest …` runs one language while working on it. */
const wanted = process.env.WORKSTATION_LANGS?.split(",");
const selected = LANGUAGES.filter((l) => !wanted || wanted.includes(l.code));

/** Signs in on the sign-in screen, which speaks the browser's language. */
async function signIn(page: Page, c: typeof en, username: string) {
  await page.getByLabel(c.login.username).fill(username);
  await page.getByLabel(c.login.password).fill("demo");
  await page.getByRole("button", { name: c.login.signIn }).click();
}

describe.each(selected)("the agent's main path in $code", ({ code, locale, catalog: c, shot }) => {
  let browser: LaunchedBrowser;
  beforeAll(async () => {
    browser = await launchChromium({ locale });
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("sign in → filter → open → compare evidence → request evidence → decide → synced", async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url);
    await signIn(page, c, "agent1");

    const queue = page.getByRole("table", { name: c.queue.tableName });
    await queue.waitFor();
    await expect.poll(() => queue.getAttribute("aria-rowcount"), { timeout: 30_000 }).toBe("241");

    // Filter: unassigned, escalated.
    await page.getByLabel(c.filters.assignee, { exact: true }).selectOption("unassigned");
    await page.locator("summary", { hasText: c.filters.status }).first().click();
    await page.getByRole("checkbox", { name: c.status.escalated, exact: true }).check();
    await page.locator("summary", { hasText: c.filters.status }).first().click();
    const rows = queue.locator("tbody tr[data-case-id]");
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    for (const text of await rows.locator("td.col-status").allTextContents()) {
      expect(text).toContain(c.status.escalated);
    }
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `docs/screenshots/${shot}-queue.png` });

    // The parties of the first case file a payment screenshot and a bank statement (through the
    // integration side, as the exchange would); the desk's live sync brings them in.
    // Not a repayment-hardship case: its outcomes (a plan, an agreement) need terms this walk skips.
    const first = rows.filter({ hasNotText: c.reason.repayment_hardship }).first();
    const caseId = await first.getAttribute("data-case-id");
    expect(caseId).toBeTruthy();
    await fileEvidence(
      server.url,
      caseId as string,
      "complainant",
      "transfer-receipt.png",
      png(480, 640, [31, 95, 191]),
    );
    await fileEvidence(
      server.url,
      caseId as string,
      "respondent",
      "bank-statement.png",
      png(480, 640, [138, 75, 0]),
    );
    await first.locator("a.row-link").click();
    const complainant = page.getByRole("region", { name: c.role.complainant, exact: true });
    const respondent = page.getByRole("region", { name: c.role.respondent, exact: true });
    const compareButton = (region: typeof complainant, file: string) =>
      region.getByRole("button", { name: `${c.evidence.compare} ${file}` });
    await expect
      .poll(() => compareButton(respondent, "bank-statement.png").count(), { timeout: 30_000 })
      .toBe(1);

    // Presence: agent2 opens the same case on another desk; each sees the other, live.
    if (code === "en") {
      const other = await browser.context.newPage();
      await other.goto(server.url);
      await signIn(other, c, "agent2");
      await other.getByRole("table", { name: c.queue.tableName }).waitFor();
      await other.goto(`${server.url}/#/cases/${encodeURIComponent(caseId as string)}`);
      const header = (p: Page) => p.locator(".case-header .presence");
      await expect
        .poll(() => header(other).textContent(), { timeout: 30_000 })
        .toBe("Viewing: Mai Anh (agent)");
      await expect
        .poll(() => header(page).textContent(), { timeout: 30_000 })
        .toBe("Viewing: Chen Hao (agent)");
      await page
        .locator(".case-header")
        .screenshot({ path: `docs/screenshots/${shot}-presence.png` });
      // Leaving the case says so: agent2 goes back to the queue, and the badge goes; there the
      // case's row says agent1 still has it open.
      await other.goto(`${server.url}/#/`);
      await expect.poll(() => header(page).count(), { timeout: 30_000 }).toBe(0);
      const reference = (await page.locator(".case-header h1 .mono").textContent()) ?? "";
      await other.getByRole("searchbox").fill(reference);
      const row = other.locator(`tr[data-case-id="${caseId}"]`);
      await expect
        .poll(() => row.locator(".presence").textContent(), { timeout: 30_000 })
        .toBe("Viewing: Mai Anh (agent)");
      await other
        .getByRole("table", { name: c.queue.tableName })
        .screenshot({ path: `docs/screenshots/${shot}-presence-queue.png` });
      await other.close();
    }

    // Claim it, so the decision is ours to take.
    await page.getByRole("button", { name: c.actions.claim, exact: true }).click();
    const decide = page.getByRole("button", { name: c.actions.decide, exact: true });
    await expect.poll(() => decide.isEnabled()).toBe(true);

    // Contacts are masked until an audited reveal, which asks the server.
    const phone = complainant.locator("dd.mono").nth(1);
    expect(await phone.textContent()).toContain("•");
    await complainant.getByRole("button", { name: c.party.reveal }).click();
    // The server reveals only with a reason, which the audit trail keeps.
    await complainant
      .getByLabel(c.party.revealReason)
      .fill("Calling the complainant to confirm the transfer");
    await complainant.getByRole("button", { name: c.party.revealConfirm }).click();
    await expect.poll(() => phone.textContent()).not.toContain("•");

    // Compare the complainant's first item with the respondent's: both bytes verified.
    await compareButton(complainant, "transfer-receipt.png").click();
    await compareButton(respondent, "bank-statement.png").click();
    const comparison = page.getByRole("region", { name: c.evidence.compareTitle });
    await expect
      .poll(() => comparison.locator("[data-verification=verified]").count(), { timeout: 20_000 })
      .toBe(2);
    await comparison.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `docs/screenshots/${shot}-compare.png`, fullPage: true });

    // Request evidence from the respondent (the default party), two days from now.
    await page.getByRole("tab", { name: c.actions.kinds.evidence }).click();
    await page.getByRole("button", { name: c.actions.review }).click();
    await expect.poll(() => page.getByText(c.validation.required).count()).toBeGreaterThan(0);
    await page
      .getByLabel(c.actions.what)
      .fill("Bank statement / sao kê / 银行流水 for the transfer day");
    await page.getByRole("button", { name: c.actions.review }).click();
    await page.getByRole("button", { name: c.actions.confirmRequest }).click();
    await expect.poll(() => page.getByText(c.actions.done.evidence).count()).toBe(1);

    // The request reaches the server before the decision, so the decision is taken with it open.
    const status = page.getByRole("status", { name: "Sync status" });
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toContain(c.sync.synced);

    // Decide: the outcome radio group, a rationale of 20+ characters, then confirm.
    await decide.click();
    const dialog = page.getByRole("dialog");
    const outcome = dialog.getByRole("radiogroup", { name: c.decide.outcome });
    const isTrade = (await page.locator(".case-header h1").textContent())?.includes(
      c.kind.p2p_trade,
    );
    await outcome
      .getByRole("radio", { name: isTrade ? c.outcome.release : c.outcome.full_refund })
      .check();
    await dialog.getByLabel(c.decide.rationale).fill("Too short");
    await dialog.getByRole("button", { name: c.decide.submit }).click();
    await expect.poll(() => dialog.locator(".field-error").count()).toBeGreaterThan(0);
    await dialog
      .getByLabel(c.decide.rationale)
      .fill(
        "The transfer receipt matches the order amount and time; the other side showed nothing against it.",
      );
    await dialog.getByRole("button", { name: c.decide.submit }).click();
    expect(await dialog.locator(".consequence").textContent()).toBeTruthy();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `docs/screenshots/${shot}-decide.png` });
    // The request just sent is still open: the confirmation says whose deadline is running.
    await expect.poll(() => dialog.locator(".outstanding-warning").count()).toBe(1);
    await dialog.getByRole("button", { name: c.decide.confirmAnyway }).click();

    // Synced: the outbox is empty and the case shows the server's decision.
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toContain(c.sync.synced);
    await expect
      .poll(() => page.locator(".case-header").textContent(), { timeout: 30_000 })
      .toContain(c.status.decided);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `docs/screenshots/${shot}-case.png`, fullPage: true });
    await page.close();
  });
});
