/**
 * No clipped label or badge at 1440×900 in the desk's longer languages. Chromium drives every
 * screen in Vietnamese and in Simplified Chinese (then English, the source) and measures, in the
 * page, what a reader would see cut off:
 * - an element with its own text whose content is wider (or taller) than its box while the box
 *   hides the rest (`overflow: hidden/clip`, `text-overflow: ellipsis`) or will not wrap
 *   (`white-space: nowrap`);
 * - a button, tab or badge whose text does not fit it;
 * - anything reaching past the right edge of the viewport (outside a scrolling container).
 * A table cell may ellipsize on purpose when its `title` carries the full text (the only allowance).
 *
 * The screens are a list: a new screen is one entry in AGENT_SCREENS or SUPERVISOR_SCREENS.
 */
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { deskFixture } from "./support/desk-fixture";

const desk = deskFixture();
const LANGUAGES = ["vi", "zh-Hans", "en"] as const;
const SHOTS = process.env.VI_LAYOUT_SHOTS; // a folder, to look at the screens while fixing CSS

interface Screen {
  name: string;
  /** Brings the page to the screen (from anywhere) and waits until it is drawn. */
  visit(page: Page): Promise<void>;
}

async function go(page: Page, hash: string, ready: string) {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
  await page.locator(ready).first().waitFor({ timeout: 30_000 });
}

let ownCaseId: string | null = null;

/** An escalated case claimed by agent1 through the API, once: the workspace with Decide enabled. */
async function agentCase(): Promise<string> {
  if (ownCaseId) return ownCaseId;
  const api = `${desk.server.url}/api/v1`;
  const login = await fetch(`${api}/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "agent1", password: "demo" }),
  });
  const { token } = (await login.json()) as { token: string };
  const auth = { authorization: `Bearer ${token}` };
  const list = await fetch(`${api}/cases?assignee=none&status=escalated`, { headers: auth });
  const { items } = (await list.json()) as { items: Array<{ id: string; version: number }> };
  const target = items[0];
  if (!target) throw new Error("the demo data has no unassigned escalated case");
  const claimed = await fetch(`${api}/cases/${target.id}/claim`, {
    method: "POST",
    headers: {
      ...auth,
      "content-type": "application/json",
      "idempotency-key": crypto.randomUUID(),
      "if-match": `"${target.version}"`,
    },
    body: "{}",
  });
  if (!claimed.ok) throw new Error(`claim ${claimed.status}: ${await claimed.text()}`);
  ownCaseId = target.id;
  return target.id;
}

async function openOwnCase(page: Page) {
  await go(page, `#/cases/${await agentCase()}`, "article.workspace");
  const decide = page.locator(".workspace-actions button.primary");
  await expect.poll(() => decide.isDisabled(), { timeout: 30_000 }).toBe(false);
}

const AGENT_SCREENS: Screen[] = [
  { name: "queue", visit: (p) => go(p, "#/", "table tbody tr[data-case-id]") },
  { name: "case workspace", visit: openOwnCase },
  {
    name: "decide dialog",
    async visit(page) {
      await openOwnCase(page);
      await page.locator(".workspace-actions button.primary").click();
      await page.locator("dialog[open]").waitFor();
    },
  },
  ...[0, 1, 2, 3].map((tab) => ({
    name: `case action tab ${tab + 1} (request evidence, message, note…)`,
    async visit(page: Page) {
      await openOwnCase(page);
      const tabs = page.locator(".action-panel [role=tab]");
      if ((await tabs.count()) > tab) await tabs.nth(tab).click();
    },
  })),
  { name: "settings", visit: (p) => go(p, "#/settings", "main form, main section") },
];

const SUPERVISOR_SCREENS: Screen[] = [
  { name: "second-stage queue", visit: (p) => go(p, "#/supervisor", "main table") },
  { name: "asked to look", visit: (p) => go(p, "#/supervisor/asked", "main section") },
  { name: "oversight dashboard", visit: (p) => go(p, "#/supervisor/oversight", "main figure") },
  { name: "audit", visit: (p) => go(p, "#/supervisor/audit", "main section") },
  {
    name: "second-stage review",
    async visit(page) {
      // The second-stage list is the queue's table: a row's reference opens its review.
      await go(page, "#/supervisor", "main table tbody tr[data-case-id]");
      await page.locator("main table tbody tr[data-case-id] a.row-link").first().click();
      await page.locator(".verdict-form").waitFor({ timeout: 30_000 });
    },
  },
];

interface Clipped {
  kind: "clipped text" | "control text" | "past the viewport";
  selector: string;
  text: string;
  sizes: string;
}

/** Runs in the page: everything a reader would see cut off (see the file's comment). */
function findClipped(): Clipped[] {
  const found: Clipped[] = [];
  const viewport = document.documentElement.clientWidth;
  const describe = (el: Element): string => {
    const parts: string[] = [];
    for (
      let node: Element | null = el;
      node && node !== document.body && parts.length < 4;
      node = node.parentElement
    ) {
      const classes = [...node.classList]
        .slice(0, 2)
        .map((c) => `.${c}`)
        .join("");
      parts.unshift(`${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ""}${classes}`);
    }
    return parts.join(" > ");
  };
  const ownText = (el: Element) =>
    [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? "").trim());
  const isControl = (el: Element) =>
    el.matches(
      "button, [role=tab], [role=button], a.link-button, .tag, .status, .badge, .verify, .side-tag, .lang-tag",
    );
  const squash = (t: string) => t.replace(/\s+/g, " ").trim();
  /** The text a sighted reader sees (screen-reader-only words left out). */
  const visibleText = (el: Element) => {
    const copy = el.cloneNode(true) as Element;
    for (const hidden of copy.querySelectorAll(".visually-hidden")) hidden.remove();
    return squash(copy.textContent ?? "");
  };
  /** The one allowance: a table cell that ellipsizes on purpose and shows its whole text as `title`. */
  const isExplainedEllipsis = (el: HTMLElement, style: CSSStyleDeclaration) =>
    el.matches("td, th") &&
    style.textOverflow === "ellipsis" &&
    squash(el.title) !== "" &&
    squash(el.title) === visibleText(el);
  /** Inside something the reader scrolls (a table's wrapper): not cut off, only scrolled. */
  const inScroller = (el: Element) => {
    for (let node = el.parentElement; node; node = node.parentElement) {
      const s = getComputedStyle(node);
      if (["auto", "scroll"].includes(s.overflowX)) return true;
    }
    return false;
  };
  for (const el of document.querySelectorAll<HTMLElement>("body *")) {
    const style = getComputedStyle(el);
    if (style.display === "none" || style.visibility === "hidden") continue;
    const rect = el.getBoundingClientRect();
    // Screen-reader-only text (1px boxes) and the skip link parked off screen are not shown.
    if (rect.width <= 2 || rect.height <= 2 || rect.right < 0) continue;
    if (el.closest(".visually-hidden, .skip-link, svg, canvas, .pdf-page, .zoom-frame")) continue;
    const text = (el.textContent || "").trim().replace(/\s+/g, " ").slice(0, 80);
    const sizes = `scroll ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`;
    const widthOver = el.scrollWidth > el.clientWidth + 1;
    const heightOver = el.scrollHeight > el.clientHeight + 1;
    const hides = ["hidden", "clip"].includes(style.overflowX) || style.textOverflow === "ellipsis";
    const hidesY = ["hidden", "clip"].includes(style.overflowY);
    const noWrap = style.whiteSpace === "nowrap" || style.whiteSpace === "pre";
    const scrolls =
      ["auto", "scroll"].includes(style.overflowX) || ["auto", "scroll"].includes(style.overflowY);
    const allowed = isExplainedEllipsis(el, style);
    if (text && !scrolls && !allowed) {
      if (isControl(el) && (widthOver || (heightOver && hidesY))) {
        found.push({ kind: "control text", selector: describe(el), text, sizes });
        continue;
      }
      // A box that hides what overflows it cuts whatever text is inside (a badge in a cell);
      // one that only will not wrap spills its own text out of itself.
      if ((widthOver && (hides || (noWrap && ownText(el)))) || (heightOver && hidesY)) {
        found.push({ kind: "clipped text", selector: describe(el), text, sizes });
        continue;
      }
    }
    if (
      rect.right > viewport + 1 &&
      !inScroller(el) &&
      (text || el.matches("img, input, select, textarea"))
    ) {
      found.push({
        kind: "past the viewport",
        selector: describe(el),
        text,
        sizes: `right ${Math.round(rect.right)} > ${viewport}`,
      });
    }
  }
  // One report per cut-off place: an overflowing row also pushes its children past the edge.
  return found.filter(
    (f, i) => found.findIndex((g) => g.selector === f.selector && g.text === f.text) === i,
  );
}

async function signIn(username: string): Promise<Page> {
  const page = await desk.browser.context.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(desk.server.url);
  await page.locator("input[name=username]").fill(username);
  await page.locator("input[name=password]").fill("demo");
  await page.locator("form button[type=submit], form button").first().click();
  await page.locator(".topbar").waitFor({ timeout: 30_000 });
  return page;
}

async function inLanguage(page: Page, language: string) {
  await page.evaluate((l) => localStorage.setItem("arbiter.language", l), language);
  await page.reload();
  await page.locator(".topbar").waitFor({ timeout: 30_000 });
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
}

async function walk(page: Page, screens: readonly Screen[], who: string): Promise<string[]> {
  const problems: string[] = [];
  for (const language of LANGUAGES) {
    await inLanguage(page, language);
    for (const screen of screens) {
      await screen.visit(page);
      // Fonts and late data (charts, counts) settle before measuring.
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      await page.waitForTimeout(300);
      if (SHOTS) {
        const file = `${who}-${language}-${screen.name.replace(/[^a-z0-9]+/gi, "-")}.png`;
        await page.screenshot({ path: `${SHOTS}/${file}`, fullPage: true });
      }
      for (const c of await page.evaluate(findClipped)) {
        problems.push(
          `[${language}] ${screen.name}: ${c.kind} «${c.text}» at ${c.selector} (${c.sizes})`,
        );
      }
      await page.keyboard.press("Escape");
    }
  }
  return problems;
}

test("agent screens: no clipped label or badge at 1440 px in vi, zh-Hans and en", async () => {
  const page = await signIn("agent1");
  const problems = await walk(page, AGENT_SCREENS, "agent");
  expect(problems).toEqual([]);
  await page.close();
});

test("supervisor screens: no clipped label or badge at 1440 px in vi, zh-Hans and en", async () => {
  const page = await signIn("supervisor1");
  const problems = await walk(page, SUPERVISOR_SCREENS, "supervisor");
  expect(problems).toEqual([]);
  await page.close();
});
