/**
 * Attachments from the desk, in Chromium against the web-mode server: the agent claims a case,
 * attaches a PNG through the button (file chooser) and a PDF by dropping it on the panel; each
 * shows its upload progress, is filed with the SHA-256 the desk computed (shown in full), and
 * opens in the evidence viewer. Then offline: a third file is kept on the desk, survives a reload,
 * and is uploaded once when the network is back (the server holds exactly one copy).
 */
import { createHash } from "node:crypto";
import { PDFDocument, rgb } from "pdf-lib";
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { en as c } from "../../renderer/src/i18n/locales/en";
import { deskFixture } from "./support/desk-fixture";

const desk = deskFixture();
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function onePagePdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([400, 300]);
  page.drawRectangle({ x: 0, y: 120, width: 400, height: 80, color: rgb(0.1, 0.3, 0.9) });
  return pdf.save();
}

/** A 48×48 orange PNG from the browser's own encoder. */
async function orangePng(page: Page, shade: number): Promise<Buffer> {
  const base64 = await page.evaluate((g) => {
    const canvas = document.createElement("canvas");
    canvas.width = 48;
    canvas.height = 48;
    const context = canvas.getContext("2d") as CanvasRenderingContext2D;
    context.fillStyle = `rgb(240, ${g}, 20)`;
    context.fillRect(0, 0, 48, 48);
    return canvas.toDataURL("image/png").split(",")[1] as string;
  }, shade);
  return Buffer.from(base64, "base64");
}

/** The case as the server holds it, read with agent1's own session. */
async function serverEvidence(caseId: string) {
  const login = await fetch(`${desk.server.url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "agent1", password: "demo" }),
  });
  const { token } = (await login.json()) as { token: string };
  const response = await fetch(`${desk.server.url}/api/v1/cases/${caseId}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const detail = (await response.json()) as {
    evidence: Array<{ uploadedBy: string; fileName: string; sha256: string }>;
  };
  return detail.evidence.filter((e) => e.uploadedBy === "agent");
}

/** Holds each upload at the server's door for a moment, so its progress can be seen. */
async function slowUploads(page: Page) {
  await page.route("**/api/v1/cases/*/evidence", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
  });
}

test("the agent attaches files with progress and hash, offline too, each filed once", async () => {
  const page = await desk.browser.context.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(desk.server.url);
  await page.getByLabel("Username").fill("agent1");
  await page.getByLabel("Password").fill("demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  const queue = page.getByRole("table", { name: c.queue.tableName });
  await expect
    .poll(() => queue.getAttribute("aria-rowcount"), { timeout: 30_000 })
    .toBe(String(240 + 1));
  const status = page.getByRole("status", { name: "Sync status" });
  await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/^Synced/);
  // A case nobody holds: the agent must claim it before attaching.
  const row = queue.locator("tbody tr[data-case-id]", { hasText: c.queue.unassigned }).first();
  const caseId = (await row.getAttribute("data-case-id")) as string;
  await row.locator("a.row-link").click();

  const panel = page.getByRole("region", { name: c.attachments.title });
  await panel.waitFor({ timeout: 30_000 });
  const attach = panel.getByRole("button", { name: c.attachments.attach });
  expect(await attach.isDisabled()).toBe(true);
  await page.getByRole("button", { name: c.actions.claim }).click();
  await expect.poll(() => attach.isDisabled(), { timeout: 20_000 }).toBe(false);
  await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/^Synced/);

  // 1. A PNG through the button, from the keyboard.
  await slowUploads(page);
  const png = await orangePng(page, 140);
  await panel.getByLabel(c.attachments.description).fill("Bank's reply");
  const chooser = page.waitForEvent("filechooser");
  await attach.focus();
  await page.keyboard.press("Enter");
  await (await chooser).setFiles({ name: "bank-reply.png", mimeType: "image/png", buffer: png });
  const pngProgress = panel.getByRole("progressbar", { name: "Upload of bank-reply.png" });
  await pngProgress.waitFor({ timeout: 10_000 });
  const filed = panel.getByRole("list", { name: c.attachments.filedTitle });
  const pngRow = filed.locator("li", { hasText: "bank-reply.png" });
  await pngRow.waitFor({ timeout: 20_000 });
  expect(await pngRow.locator("code").textContent()).toBe(sha256(png));

  // 2. A PDF dropped on the panel.
  const pdf = await onePagePdf();
  await panel.evaluate(
    (element, bytes) => {
      const transfer = new DataTransfer();
      transfer.items.add(
        new File([new Uint8Array(bytes)], "statement.pdf", { type: "application/pdf" }),
      );
      element.dispatchEvent(
        new DragEvent("dragover", { dataTransfer: transfer, bubbles: true, cancelable: true }),
      );
      element.dispatchEvent(
        new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }),
      );
    },
    [...pdf],
  );
  await panel
    .getByRole("progressbar", { name: "Upload of statement.pdf" })
    .waitFor({ timeout: 10_000 });
  const pdfRow = filed.locator("li", { hasText: "statement.pdf" });
  await pdfRow.waitFor({ timeout: 20_000 });
  expect(await pdfRow.locator("code").textContent()).toBe(sha256(pdf));
  await page.unroute("**/api/v1/cases/*/evidence");

  // Both open in the viewer, verified against the hash the server recorded.
  await pngRow.getByRole("button", { name: "Open bank-reply.png" }).click();
  const viewer = page.getByRole("region", { name: c.evidence.viewerTitle });
  await viewer.locator("img").waitFor({ timeout: 20_000 });
  await viewer.locator("[data-verification='verified']").waitFor({ timeout: 20_000 });
  await pdfRow.getByRole("button", { name: "Open statement.pdf" }).click();
  await expect
    .poll(
      () =>
        page.evaluate(
          () => document.querySelector<HTMLCanvasElement>(".pdf-page canvas")?.dataset.rendered,
        ),
      { timeout: 20_000 },
    )
    .toBe("true");
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "docs/screenshots/workstation-attachment.png" });

  // 3. Offline: kept on the desk, through a reload, sent once when back.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
    .toBe(true);
  const offlinePng = await orangePng(page, 200);
  await desk.browser.context.setOffline(true);
  try {
    const chooserOffline = page.waitForEvent("filechooser");
    await attach.click();
    await (await chooserOffline).setFiles({
      name: "offline-receipt.png",
      mimeType: "image/png",
      buffer: offlinePng,
    });
    const queued = panel.getByRole("list", { name: c.attachments.queueTitle });
    await queued.locator("li", { hasText: "offline-receipt.png" }).waitFor({ timeout: 10_000 });
    await expect
      .poll(() => status.textContent(), { timeout: 20_000 })
      .toContain("1 upload waiting");
    await page.reload();
    await panel.waitFor({ timeout: 30_000 });
    const again = panel.getByRole("list", { name: c.attachments.queueTitle });
    await again.locator("li", { hasText: "offline-receipt.png" }).waitFor({ timeout: 20_000 });
    expect(await again.locator("li code").first().textContent()).toBe(sha256(offlinePng));
    await expect
      .poll(() => status.textContent(), { timeout: 20_000 })
      .toContain("1 upload waiting");
    // The browser is offline, the server is not: it has not got the file.
    expect((await serverEvidence(caseId)).map((e) => e.fileName)).not.toContain(
      "offline-receipt.png",
    );
  } finally {
    await desk.browser.context.setOffline(false);
  }
  await page.evaluate(() => window.dispatchEvent(new Event("online")));
  await filed.locator("li", { hasText: "offline-receipt.png" }).waitFor({ timeout: 60_000 });
  await expect.poll(() => status.textContent(), { timeout: 60_000 }).not.toContain("upload");
  const onServer = await serverEvidence(caseId);
  expect(onServer.filter((e) => e.fileName === "offline-receipt.png")).toHaveLength(1);
  expect(onServer.map((e) => e.sha256).sort()).toEqual(
    [sha256(png), sha256(pdf), sha256(offlinePng)].sort(),
  );
  await page.close();
});
