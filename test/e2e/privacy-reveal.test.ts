/**
 * Contacts in Chromium (web mode): an agent who is not on the case sees them masked and is not
 * offered a reveal; the assignee reveals them with a reason, and the audit trail records who and
 * why; a supervisor verifies the audit trail from the desk.
 */
import type { AuditLog } from "@shared/api/audit";
import type { CaseDetail } from "@shared/domain/appeal";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { ApiClient } from "../support/api";
import { claimedCase, filing, WEB_SERVICE_TOKEN } from "../support/appeals";
import { deskFixture } from "./support/desk-fixture";

const CLEAR_PHONE = "+84 913 572 468";
const MASKED_PHONE = "+84 ••• ••• 468";

const desk = deskFixture();

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto(desk.server.url);
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill("demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Sign out" }).waitFor({ timeout: 30_000 });
}

/** Everything the desk keeps in IndexedDB, as text (evidence bytes left out). */
function cachedText(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name ?? "");
    let text = "";
    for (const name of names) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((resolve) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
        });
        text += JSON.stringify(rows, (_, v) => (v instanceof ArrayBuffer ? null : v));
      }
      db.close();
    }
    return text;
  });
}

async function openCase(page: Page, detail: CaseDetail) {
  await page.goto(`${desk.server.url}/#/cases/${detail.id}`);
  const complainant = page.getByRole("region", { name: "Complainant" });
  await complainant.getByText(MASKED_PHONE).waitFor({ timeout: 30_000 });
  return complainant;
}

describe("contact details in the desk", () => {
  test("masked for an agent not on the case; revealed with a reason by the assignee; audited; verified by a supervisor", async () => {
    const base = filing();
    const detail = await claimedCase(
      desk.server.url,
      "agent1",
      { complainant: { ...base.complainant, phone: CLEAR_PHONE, email: "an.nguyen@example.vn" } },
      WEB_SERVICE_TOKEN,
    );

    // agent2 is not on the case: masked values, no reveal offered, and nothing clear in the page.
    const stranger = await desk.browser.context.newPage();
    await signIn(stranger, "agent2");
    const strangerView = await openCase(stranger, detail);
    await strangerView
      .getByText("Only the case's assignee or a supervisor can reveal contact details.")
      .waitFor();
    expect(
      await strangerView.getByRole("button", { name: "Reveal contact details (recorded)" }).count(),
    ).toBe(0);
    expect(await stranger.content()).not.toContain("913 572 468");
    // Nor in the desk's offline cache: the server never sent the clear value.
    const cached = await cachedText(stranger);
    expect(cached).toContain(detail.id);
    expect(cached.replace(/\s/g, "")).not.toContain("913572468");
    await stranger.close();
    // Nor can agent2 reveal through the API the desk uses: refused, and nothing is recorded.
    const strangerApi = await ApiClient.login(desk.server.url, "agent2");
    const refused = await strangerApi.post(
      `/cases/${detail.id}/contact-reveal`,
      { purpose: "contact_party", reason: "Just curious about this one" },
      { key: null },
    );
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).not.toContain("913 572 468");

    // agent1 is the assignee: reveals with a reason (a too-short one is refused on the spot).
    const assignee = await desk.browser.context.newPage();
    await signIn(assignee, "agent1");
    const view = await openCase(assignee, detail);
    await view.getByRole("button", { name: "Reveal contact details (recorded)" }).click();
    const reason = view.getByLabel(
      "Why do you need the contact details? (recorded with the reveal)",
    );
    await reason.fill("ok");
    await view.getByRole("button", { name: "Reveal and record" }).click();
    await view.getByText("Give a reason of at least 5 characters.").waitFor();
    await reason.fill("Calling the buyer to confirm the transfer");
    await view.getByRole("button", { name: "Reveal and record" }).click();
    await view.getByText(CLEAR_PHONE).waitFor({ timeout: 15_000 });
    await view.getByText("an.nguyen@example.vn").waitFor();
    await assignee.screenshot({ path: "docs/screenshots/contact-reveal.png" });
    // Shown once, kept nowhere: the offline cache still has only the masked values.
    const afterReveal = await cachedText(assignee);
    expect(afterReveal).toContain(MASKED_PHONE);
    expect(afterReveal.replace(/\s/g, "")).not.toContain("913572468");
    expect(afterReveal).not.toContain("an.nguyen@example.vn");
    await assignee.close();

    // The audit trail says who revealed and why.
    const supervisorApi = await ApiClient.login(desk.server.url, "supervisor1");
    const audit = (await supervisorApi.get<AuditLog>(`/cases/${detail.id}/audit`)).body;
    const entry = audit.entries.find((e) => e.action === "contact_reveal");
    expect(entry).toMatchObject({
      actorId: "u-agent1",
      details: { purpose: "contact_party", reason: "Calling the buyer to confirm the transfer" },
    });

    // A supervisor runs the audit verification from the desk.
    const supervisor = await desk.browser.context.newPage();
    await signIn(supervisor, "supervisor1");
    await supervisor.goto(`${desk.server.url}/#/supervisor/audit`);
    await supervisor.getByRole("button", { name: "Verify the audit trail" }).click();
    await supervisor.getByText(/Intact: \d+ entries verified\./).waitFor({ timeout: 30_000 });
    // And reads the case's trail on the same screen: the reveal, by whom, with its reason; the
    // stranger's refused attempt left no entry.
    await supervisor.getByLabel("Case id").fill(detail.id);
    await supervisor.getByRole("button", { name: "Show its audit trail" }).click();
    const trail = supervisor.getByRole("table", { name: "A case's audit trail" });
    const revealRow = trail.getByRole("row").filter({ hasText: "Contact details revealed" });
    await revealRow.waitFor({ timeout: 15_000 });
    expect(await revealRow.count()).toBe(1);
    await revealRow.getByText("Mai Anh (agent)").waitFor();
    await revealRow.getByText("Reason: Calling the buyer to confirm the transfer").waitFor();
    await supervisor.screenshot({
      path: "docs/screenshots/audit-verification.png",
      fullPage: true,
    });
    await supervisor.close();
  }, 120_000);

  test("a locked-out sign-in says so: too many failed sign-ins, and how long to wait", async () => {
    const page = await desk.browser.context.newPage();
    await page.goto(desk.server.url);
    const attempt = async (password: string) => {
      await page.getByLabel("Username").fill("agent3");
      await page.getByLabel("Password").fill(password);
      const answered = page.waitForResponse((r) => r.url().endsWith("/api/v1/auth/login"));
      await page.getByRole("button", { name: "Sign in" }).click();
      return (await answered).status();
    };
    // Five free failures, the sixth starts the lockout; then even the right password is refused.
    for (let i = 0; i < 6; i++) expect(await attempt("wrong")).toBe(401);
    await page.getByText("Wrong username or password.").waitFor();
    expect(await attempt("demo")).toBe(429);
    await page
      .getByText(/^Too many failed sign-ins\. Wait \d+ seconds, then try again\.$/)
      .waitFor({ timeout: 15_000 });
    expect(await page.getByRole("button", { name: "Sign out" }).count()).toBe(0);
    await page.screenshot({ path: "docs/screenshots/sign-in-locked.png" });
    await page.close();
  }, 120_000);
});
