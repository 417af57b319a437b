// @vitest-environment jsdom
import type { AuditEntry } from "@shared/api/audit";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { I18nextProvider } from "react-i18next";
import { afterEach, describe, expect, test } from "vitest";
import { catalogWords } from "../../../../renderer/src/i18n/catalog-words";
import { createI18n, type DeskLanguage, LANGUAGES } from "../../../../renderer/src/i18n/i18n";
import type { Catalog } from "../../../../renderer/src/i18n/locales/en";
import { en } from "../../../../renderer/src/i18n/locales/en";
import { vi } from "../../../../renderer/src/i18n/locales/vi";
import { zhHans } from "../../../../renderer/src/i18n/locales/zh-hans";
import { zhHant } from "../../../../renderer/src/i18n/locales/zh-hant";
import { CaseAuditTrail } from "../../../../renderer/src/supervisor/case-audit-trail";

afterEach(cleanup);

const CATALOGS: Record<DeskLanguage, Catalog> = { en, vi, "zh-Hans": zhHans, "zh-Hant": zhHant };

function entry(seq: number, action: string, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    seq,
    caseId: "c1",
    actorId: "u-agent1",
    actorRole: "agent",
    action,
    at: `2026-03-02T02:${String(seq).padStart(2, "0")}:00.000Z`,
    beforeVersion: null,
    afterVersion: null,
    requestId: null,
    idempotencyKey: null,
    details: {},
    prevHash: "0",
    hash: "1",
    ...overrides,
  };
}

const ENTRIES: AuditEntry[] = [
  entry(1, "file", { actorId: "platform", actorRole: "platform" }),
  entry(2, "respondent_timeout", { actorId: "system", actorRole: "system" }),
  entry(3, "claim"),
  entry(4, "note"),
  entry(5, "phone_contact"),
  entry(6, "request_evidence"),
  entry(7, "decide"),
  entry(8, "contact_reveal", { details: { reason: "Regulator request" } }),
  entry(9, "respondent_answer:negotiation_failed", { actorId: "platform", actorRole: "platform" }),
  entry(10, "review:remand"),
  entry(11, "party_evidence:settles_request", { actorId: "platform", actorRole: "platform" }),
];

async function shownIn(language: DeskLanguage, entries: AuditEntry[]) {
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <CaseAuditTrail
        api={{ caseAudit: async () => ({ entries }) }}
        userNames={{ "u-agent1": "Trần Thị Bình" }}
      />
    </I18nextProvider>,
  );
  fireEvent.change(screen.getByRole("textbox"), { target: { value: "c1" } });
  fireEvent.click(screen.getByRole("button"));
  const table = await screen.findByRole("table");
  return [...table.querySelectorAll("tbody tr")].map((row) =>
    [...row.querySelectorAll("td")].slice(1, 3).map((cell) => cell.textContent),
  );
}

describe("the case audit table reads actions as words", () => {
  test.each(LANGUAGES)("in %s", async (language) => {
    const w = catalogWords(CATALOGS[language]);
    expect(await shownIn(language, ENTRIES)).toEqual([
      [w("supervisor.audit.trail.actors.platform"), w("event.appeal_filed")],
      [
        w("supervisor.audit.trail.actors.system"),
        w("supervisor.audit.trail.actions.respondent_timeout"),
      ],
      ["Trần Thị Bình", w("actionName.claim")],
      ["Trần Thị Bình", w("actionName.notes")],
      ["Trần Thị Bình", w("actionName.phone-contacts")],
      ["Trần Thị Bình", w("actionName.evidence-requests")],
      ["Trần Thị Bình", w("actionName.decision")],
      ["Trần Thị Bình", w("supervisor.audit.trail.contactReveal")],
      [
        w("supervisor.audit.trail.actors.platform"),
        `${w("event.respondent_answered")} — ${w("timelineSummary.answer.negotiation_failed")}`,
      ],
      ["Trần Thị Bình", `${w("actionName.review")} — ${w("supervisor.review.verdicts.remand")}`],
      [w("supervisor.audit.trail.actors.platform"), w("event.evidence_received")],
    ]);
  });

  test("a code this desk has no word for reads as 'other action' with the code beside it", async () => {
    const rows = await shownIn("vi", [entry(1, "warp_drive")]);
    expect(rows).toEqual([
      ["Trần Thị Bình", `${vi.supervisor.audit.trail.actions.other} warp_drive`],
    ]);
    expect(document.querySelector("tbody code")?.textContent).toBe("warp_drive");
  });
});
