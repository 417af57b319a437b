// @vitest-environment jsdom
import { cleanup, fireEvent, render } from "@testing-library/react";
import type { ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import { afterEach, describe, expect, test, vi } from "vitest";
import { createStore } from "zustand/vanilla";
import { DecisionDialog } from "../../../../renderer/src/actions/decision-dialog";
import { ConflictCard } from "../../../../renderer/src/app/conflict-list";
import type { AuthStore } from "../../../../renderer/src/auth/auth-store";
import { LoginScreen } from "../../../../renderer/src/auth/login-screen";
import { Timeline } from "../../../../renderer/src/case-workspace/timeline";
import type { ConflictView } from "../../../../renderer/src/desk-data";
import { createI18n } from "../../../../renderer/src/i18n/i18n";
import { en } from "../../../../renderer/src/i18n/locales/en";
import { SettingsScreen } from "../../../../renderer/src/settings/settings-screen";
import { createSettingsStore } from "../../../../renderer/src/settings/settings-store";
import {
  detail,
  bareDetail as syncDetail,
  bareSummary as syncSummary,
} from "../../../support/case-detail";
import { pseudo, pseudoCatalog, unlocalised } from "../../../support/pseudo-locale";
import { SCREENS } from "./pseudo-screens";

afterEach(cleanup);

/** The app's i18n instance with the English catalog replaced by its pseudo-locale version. */
function pseudoI18n() {
  const i18n = createI18n("en");
  // Not deep: a deep merge would write into the `en` module object the app shares.
  i18n.addResourceBundle("en", "translation", pseudoCatalog(en), false, true);
  return i18n;
}

function renderPseudo(node: ReactNode): HTMLElement {
  const { container } = render(<I18nextProvider i18n={pseudoI18n()}>{node}</I18nextProvider>);
  return container;
}

function authStore(): AuthStore {
  return createStore(() => ({
    status: "signed-out" as const,
    user: null,
    token: null,
    error: { kind: "credentials" as const },
    expiresAt: null,
    isSessionExpired: false,
    isReauthenticating: false,
    reauthError: null,
    signIn: async () => undefined,
    signOut: async () => undefined,
    restore: async () => undefined,
    sessionExpired: () => undefined,
    reauthenticate: async () => undefined,
    refresh: async () => undefined,
  })) satisfies AuthStore;
}

function conflict(): ConflictView {
  const base = syncSummary("c7", {
    status: "escalated",
    version: 3,
    updatedAt: "2025-03-01T09:00:00.000Z",
  });
  const theirs = syncDetail("c7", {
    status: "in_review",
    priority: "high",
    version: 4,
    timeline: [
      { id: "t2", type: "claimed", at: "2025-03-01T09:05:00.000Z", actor: "Chen Hao", summary: "" },
      {
        id: "t3",
        type: "message_sent",
        at: "2025-03-01T09:06:00.000Z",
        actor: "Chen Hao",
        summary: "complainant",
      },
    ],
  });
  return {
    seq: 5,
    caseId: "c7",
    theirs,
    detectedAt: 0,
    queuedBehind: [],
    entry: {
      seq: 5,
      idempotencyKey: "k5",
      caseId: "c7",
      action: { type: "notes", body: { text: "Called the buyer" } },
      baseVersion: 3,
      baseSummary: base,
      state: "conflict",
      actorId: "u-agent1",
      createdAt: 0,
      attempts: 1,
      nextAttemptAt: 0,
      lastError: null,
      lastStatus: null,
    },
  } satisfies ConflictView;
}

describe("pseudo locale: every visible string comes from the catalogs", () => {
  test("the pseudo transform keeps placeholders and marks text", () => {
    expect(pseudo("Due in {{duration}}")).toBe("⟦Düé íñ {{duration}}⟧");
  });

  test("the check finds an English string left in a screen", () => {
    const { container } = render(
      <p>
        {pseudo("Fine")} <span>Hard-coded</span> <span data-user-text="">Nguyễn Văn An</span>
      </p>,
    );
    expect(unlocalised(container)).toEqual(['text "Hard-coded" in <span>']);
  });

  test("sign-in", () => {
    expect(unlocalised(renderPseudo(<LoginScreen store={authStore()} />))).toEqual([]);
  });

  test("settings, in the browser and in the desktop app", async () => {
    expect(unlocalised(renderPseudo(<SettingsScreen store={createSettingsStore(null)} />))).toEqual(
      [],
    );
    cleanup();
    const port = {
      get: async () => ({ apiBaseUrl: null, notificationsEnabled: true, autoUpdate: false }),
      set: async () => ({ restartRequired: true }),
      relaunch: async () => undefined,
    };
    const container = renderPseudo(
      <SettingsScreen
        store={createSettingsStore(port as unknown as Parameters<typeof createSettingsStore>[0])}
      />,
    );
    await vi.waitFor(() => expect(container.querySelector("form")).not.toBeNull());
    expect(unlocalised(container)).toEqual([]);
  });

  test("the conflict view, with the discard confirmation and the edit box", () => {
    const container = renderPseudo(<ConflictCard conflict={conflict()} onResolve={vi.fn()} />);
    expect(unlocalised(container)).toEqual([]);
    const buttons = [...container.querySelectorAll("button")];
    for (const button of buttons) if (button.textContent?.includes("⟦Éd")) fireEvent.click(button);
    const discard = buttons.find((b) => b.textContent?.includes("⟦Díś"));
    if (discard) fireEvent.click(discard);
    expect(unlocalised(container)).toEqual([]);
  });

  test("the case timeline, with events whose details are codes", () => {
    const base = detail({ id: "c1" });
    const container = renderPseudo(
      <Timeline
        detail={{
          ...base,
          timeline: [
            {
              id: "e1",
              type: "appeal_filed",
              at: "2026-03-02T02:00:00.000Z",
              actor: "x",
              summary: "repayment_hardship",
            },
            {
              id: "e2",
              type: "respondent_answered",
              at: "2026-03-02T02:01:00.000Z",
              actor: "x",
              summary: "negotiation_failed",
            },
            {
              id: "e3",
              type: "message_sent",
              at: "2026-03-02T02:02:00.000Z",
              actor: "x",
              summary: "complainant",
            },
            {
              id: "e4",
              type: "released",
              at: "2026-03-02T02:03:00.000Z",
              actor: "x",
              summary: "shift ended",
            },
          ],
        }}
      />,
    );
    expect(unlocalised(container)).toEqual([]);
  });

  test("the decision dialog", () => {
    renderPseudo(
      <DecisionDialog detail={detail({ id: "c1" })} open onClose={vi.fn()} onSubmit={vi.fn()} />,
    );
    expect(unlocalised(document.body)).toEqual([]);
  });

  // Every other screen: one entry each in pseudo-screens.tsx.
  test.each(SCREENS.map((entry) => [entry.name, entry] as const))("%s", async (_, entry) => {
    renderPseudo(entry.render());
    await entry.prepare?.();
    // Let effects that load (stats, audit entries, observed cases) settle before looking.
    await vi.waitFor(() => {
      if (entry.expects) expect(document.body.querySelector(entry.expects)).not.toBeNull();
    });
    expect(unlocalised(document.body)).toEqual([]);
  });
});
