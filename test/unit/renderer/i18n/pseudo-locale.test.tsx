// @vitest-environment jsdom
import type { RoutingAgent } from "@shared/api/routing";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import type { ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import { afterEach, describe, expect, test, vi } from "vitest";
import { createStore } from "zustand/vanilla";
import { DecisionDialog } from "../../../../renderer/src/actions/decision-dialog";
import { ConflictCard } from "../../../../renderer/src/app/conflict-list";
import type { AuthStore } from "../../../../renderer/src/auth/auth-store";
import { LoginScreen } from "../../../../renderer/src/auth/login-screen";
import { Timeline } from "../../../../renderer/src/case-workspace/timeline";
import type { ConflictView, DeskData } from "../../../../renderer/src/desk-data";
import { createI18n } from "../../../../renderer/src/i18n/i18n";
import { en } from "../../../../renderer/src/i18n/locales/en";
import { AvailabilitySwitch } from "../../../../renderer/src/routing/availability-switch";
import type { RoutingApi } from "../../../../renderer/src/routing/routing-api";
import { SettingsScreen } from "../../../../renderer/src/settings/settings-screen";
import { createSettingsStore } from "../../../../renderer/src/settings/settings-store";
import { ReassignDialog } from "../../../../renderer/src/supervisor/reassign-dialog";
import {
  detail,
  bareDetail as syncDetail,
  bareSummary as syncSummary,
} from "../../../support/case-detail";
import { pseudo, pseudoCatalog, unlocalised } from "../../../support/pseudo-locale";

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

  test("the reassign dialog: picker, confirmation, over-capacity and four-eyes marks", async () => {
    const caseDetail = detail({ id: "c9", status: "in_review", assigneeId: "u-a1" });
    const member = (id: string, displayName: string, patch: Partial<RoutingAgent> = {}) => ({
      id,
      username: id,
      displayName,
      role: "agent" as const,
      languages: ["vi" as const],
      regions: ["VN" as const],
      kinds: ["p2p_trade" as const],
      capacity: 5,
      load: 1,
      presence: "online" as const,
      paused: false,
      ...patch,
    });
    const team = [
      member("u-a1", "Mai Anh"),
      member("u-a2", "Chen Hao", { load: 5, presence: "away", paused: true }),
      member("u-a3", "Lý Minh", { languages: ["zh"], presence: "offline" }),
    ];
    const data = {
      observeCase: (_id: string, listener: (view: unknown) => void) => {
        listener({ detail: caseDetail, summary: caseDetail, queued: [], isStale: false });
        return () => undefined;
      },
      syncNow: async () => undefined,
    } as unknown as DeskData;
    const api = {
      team: async () => ({ agents: team, waiting: 0 }),
      reassign: vi.fn(),
    } as unknown as RoutingApi;
    const row = {
      ...caseDetail,
      assigneeKey: "u-a1",
      escalatedKey: "",
      amountValue: 0,
      pendingCount: 0,
    };
    renderPseudo(
      <ReassignDialog api={api} data={data} row={row} nameOf={() => "Mai Anh"} onClose={vi.fn()} />,
    );
    const radio = await screen.findByRole("radio", { name: /Chen Hao/ });
    expect(unlocalised(document.body)).toEqual([]);
    fireEvent.click(radio);
    fireEvent.click(document.querySelector("button[type=submit]") as HTMLElement);
    expect(unlocalised(document.body)).toEqual([]);
  });

  test("the agent's availability switch", () => {
    const api = { heartbeat: vi.fn(async () => ({})) } as unknown as RoutingApi;
    const container = renderPseudo(<AvailabilitySwitch api={api} userId="u-agent1" />);
    expect(unlocalised(container)).toEqual([]);
    expect(api.heartbeat).toHaveBeenCalledWith("away");
  });
});
