/**
 * PDF evidence in the desk, in Chromium against the web-mode server: a two-page PDF filed by a
 * party is drawn by pdf.js under the page's CSP (worker from the app's origin, no frame), paged
 * through and zoomed, and compared beside an image. Checked by reading the rendered pixels: page
 * 1 carries a blue band, page 2 a red one, so a blank or broken render cannot pass.
 */
import { randomUUID } from "node:crypto";
import { PDFDocument, rgb } from "pdf-lib";
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { deskFixture } from "./support/desk-fixture";
import { openQueueAs } from "./support/sign-in";

const desk = deskFixture();

async function twoPagePdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  for (const color of [rgb(0.1, 0.3, 0.9), rgb(0.9, 0.1, 0.1)]) {
    const page = pdf.addPage([400, 300]);
    page.drawRectangle({ x: 0, y: 120, width: 400, height: 80, color });
  }
  return pdf.save();
}

/** A 64×64 solid green PNG, built by the browser's own encoder (no PNG code here). */
async function greenPng(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(() => {
    const canvas = document.createElement("canvas");
    canvas.width = 64;
    canvas.height = 64;
    const context = canvas.getContext("2d") as CanvasRenderingContext2D;
    context.fillStyle = "#10b030";
    context.fillRect(0, 0, 64, 64);
    return canvas.toDataURL("image/png").split(",")[1] as string;
  });
  return Buffer.from(base64, "base64");
}

async function file(caseId: string, name: string, type: string, bytes: Uint8Array) {
  const form = new FormData();
  form.set("party", "complainant");
  form.set("description", name);
  form.set("file", new Blob([new Uint8Array(bytes)], { type }), name);
  const response = await fetch(`${desk.server.url}/api/v1/integration/appeals/${caseId}/evidence`, {
    method: "POST",
    headers: { authorization: "Bearer demo-service-token", "idempotency-key": randomUUID() },
    body: form,
  });
  if (!response.ok) throw new Error(`upload ${response.status}: ${await response.text()}`);
}

/** Share of the canvas's pixels close to `target` (r, g, b). */
function colourShare(page: Page, target: [number, number, number]) {
  return page.evaluate((rgbTarget) => {
    const canvas = document.querySelector<HTMLCanvasElement>(".pdf-page canvas");
    if (canvas?.dataset.rendered !== "true" || !canvas.width) return 0;
    const context = canvas.getContext("2d") as CanvasRenderingContext2D;
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let near = 0;
    for (let i = 0; i < data.length; i += 4) {
      const d =
        Math.abs((data[i] as number) - rgbTarget[0]) +
        Math.abs((data[i + 1] as number) - rgbTarget[1]) +
        Math.abs((data[i + 2] as number) - rgbTarget[2]);
      if (d < 60) near++;
    }
    return near / (data.length / 4);
  }, target);
}

test("a PDF is drawn by pdf.js, paged, zoomed and compared beside an image", async () => {
  const page = await desk.browser.context.newPage();
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Refused|worker|pdf/i.test(m.text())) problems.push(m.text());
  });
  const queue = await openQueueAs(page, desk.server.url, "agent1");
  const row = queue.locator("tbody tr[data-case-id]").first();
  const caseId = (await row.getAttribute("data-case-id")) as string;
  await file(caseId, "statement-2p.pdf", "application/pdf", await twoPagePdf());
  await file(caseId, "receipt-green.png", "image/png", await greenPng(page));
  await row.locator("a.row-link").click();

  const open = page.getByRole("button", { name: "Open statement-2p.pdf" });
  await open.waitFor({ timeout: 30_000 });
  await open.click();
  const blue: [number, number, number] = [26, 77, 230];
  const red: [number, number, number] = [230, 26, 26];
  await expect.poll(() => colourShare(page, blue), { timeout: 20_000 }).toBeGreaterThan(0.15);
  expect(await colourShare(page, red)).toBe(0);
  const pageLabel = page.getByLabel("Page", { exact: true });
  expect(await pageLabel.textContent()).toBe("Page 1 of 2");

  await page.getByRole("button", { name: "Next page" }).click();
  await expect.poll(() => pageLabel.textContent()).toBe("Page 2 of 2");
  await expect.poll(() => colourShare(page, red), { timeout: 10_000 }).toBeGreaterThan(0.15);
  expect(await colourShare(page, blue)).toBe(0);

  const width = () =>
    page.evaluate(() => document.querySelector<HTMLCanvasElement>(".pdf-page canvas")?.width ?? 0);
  const before = await width();
  await page.getByRole("button", { name: "Zoom in" }).first().click();
  await expect.poll(width).toBeGreaterThan(before * 1.2);
  await expect.poll(() => colourShare(page, red), { timeout: 10_000 }).toBeGreaterThan(0.15);

  // Beside an image: both panes on screen at once.
  await page.getByRole("button", { name: "Compare receipt-green.png" }).click();
  const viewer = page.getByRole("region", { name: /Compare/ });
  await viewer.waitFor();
  await expect.poll(() => viewer.locator("figure").count()).toBe(2);
  await expect.poll(() => viewer.locator("canvas").count()).toBe(1);
  await expect.poll(() => viewer.locator("img").count()).toBe(1);
  expect(await viewer.locator("iframe").count()).toBe(0);
  await page.screenshot({ path: "docs/screenshots/evidence-pdf-compare.png" });
  expect(problems).toEqual([]);
  await page.close();
});
