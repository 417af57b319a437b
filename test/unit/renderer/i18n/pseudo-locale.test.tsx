// @vitest-environment jsdom

import type { Reply } from "@shared/api/replies";
import type { RoutingAgent } from "@shared/api/routing";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import type { ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import { afterEach, describe, expect, test, vi } from "vitest";
import { createStore } from "zustand/vanilla";
import { MessageForm } from "../../../../renderer/src/actions/action-forms";
import { DecisionDialog } from "../../../../renderer/src/actions/decision-dialog";
import type { ApiCall } from "../../../../renderer/src/api/call";
import { ConflictCard } from "../../../../renderer/src/app/conflict-list";
import { AttachmentsPanel } from "../../../../renderer/src/attachments/attachments-panel";
import type { AuthStore } from "../../../../renderer/src/auth/auth-store";
import { LoginScreen } from "../../../../renderer/src/auth/login-screen";
import { AgreementPanel } from "../../../../renderer/src/case-workspace/agreement-panel";
import { DeadlineNotices } from "../../../../renderer/src/case-workspace/deadline-notices";
import { Timeline } from "../../../../renderer/src/case-workspace/timeline";
import type { ConflictView, DeskData, UploadView } from "../../../../renderer/src/desk-data";
import { createAttentionStore } from "../../../../renderer/src/desktop/attention";
import { AttentionNotices } from "../../../../renderer/src/desktop/attention-notices";
import { createI18n } from "../../../../renderer/src/i18n/i18n";
import { en } from "../../../../renderer/src/i18n/locales/en";
import { AvailabilitySwitch } from "../../../../renderer/src/routing/availability-switch";
import type { RoutingApi } from "../../../../renderer/src/routing/routing-api";
import { SettingsScreen } from "../../../../renderer/src/settings/settings-screen";
import { createSettingsStore } from "../../../../renderer/src/settings/settings-store";
import { DeadLetters } from "../../../../renderer/src/supervisor/dead-letters";
import { ReassignDialog } from "../../../../renderer/src/supervisor/reassign-dialog";
import { RepliesAdmin } from "../../../../renderer/src/supervisor/replies-admin";
import { ReviewScreen } from "../../../../renderer/src/supervisor/review-screen";
import {
  detail,
  bareDetail as syncDetail,
  bareSummary as syncSummary,
} from "../../../support/case-detail";
import { pseudo, pseudoCatalog, unlocalised } from "../../../support/pseudo-locale";
import { SCREENS } from "./pseudo-screens";

afterEach(cleanup);

/** A supervisor-written reply: its title and bodies are user text, not catalog strings. */
const REPLIES: Reply[] = (["reply", "decision_macro"] as const).map((kind, i) => ({
  id: `rp-${i}`,
  kind,
  title: `Written by a supervisor ${i}`,
  bodies: {
    vi: "Chào {partyName}, {amount}",
    "zh-Hans": "{partyName}您好",
    "zh-Hant": "{partyName}您好",
    en: "Hello {partyName}",
  },
  outcome: kind === "decision_macro" ? "release" : null,
  tags: ["refund"],
  archived: i === 1,
  version: 1,
  seq: i + 1,
  updatedAt: "2026-03-02T02:00:00.000Z",
  updatedBy: "u-supervisor1",
}));

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

  test("the agreement awaiting confirmation, and after it ended", () => {
    const reachedAt = new Date(Date.now() - 3_600_000).toISOString();
    const agreed = detail({
      id: "c1",
      status: "agreed",
      timeline: [{ id: "e1", type: "agreement_reached", at: reachedAt, actor: "x", summary: "" }],
    });
    expect(unlocalised(renderPseudo(<AgreementPanel detail={agreed} userRole="agent" />))).toEqual(
      [],
    );
    cleanup();
    const lapsed = {
      ...agreed,
      status: "escalated" as const,
      timeline: [
        ...agreed.timeline,
        { id: "e2", type: "agreement_lapsed" as const, at: reachedAt, actor: "x", summary: "" },
      ],
    };
    const container = renderPseudo(<AgreementPanel detail={lapsed} userRole="agent" />);
    expect(container.textContent).not.toBe("");
    expect(unlocalised(container)).toEqual([]);
  });

  test("a lapsed evidence deadline in the workspace, and the desk's own notice of it", () => {
    const base = detail({ id: "c1", status: "in_review" });
    const lapsed = {
      ...base,
      evidenceRequests: [
        {
          id: "r1",
          party: "respondent" as const,
          what: "Sao kê ngân hàng",
          dueAt: "2026-03-02T02:00:00.000Z",
          requestedAt: "2026-03-01T02:00:00.000Z",
          requestedById: "u-agent1",
          fulfilledAt: null,
          lapsedAt: "2026-03-02T02:00:05.000Z",
        },
      ],
    } satisfies typeof base;
    expect(
      unlocalised(renderPseudo(<DeadlineNotices detail={lapsed} canDecide onDecide={vi.fn()} />)),
    ).toEqual([]);
    cleanup();
    const store = createAttentionStore();
    store.getState().notice({
      caseId: "c1",
      reference: "AP-000001",
      reason: "evidence_deadline_passed",
      title: pseudo("A party missed an evidence deadline"),
      body: pseudo("AP-000001: no answer by the deadline."),
    });
    const container = renderPseudo(<AttentionNotices store={store} onOpen={vi.fn()} />);
    expect(container.querySelectorAll("[role=alert]")).toHaveLength(1);
    expect(unlocalised(container)).toEqual([]);
  });
  test("the supervisor's whole-case review: a case an agent asked about, and a second-stage appeal", async () => {
    const asked = detail({
      id: "c1",
      needsSupervisor: true,
      timeline: [
        ...detail({ id: "c1" }).timeline,
        {
          id: "t9",
          type: "supervisor_requested",
          at: "2026-03-02T02:20:00.000Z",
          actor: "Mai Anh",
          summary: "Chargeback threatened; approve a partial refund?",
        },
      ],
    });
    const appeal = detail({ id: "c2", stage: "second", status: "supervisor_review" });
    const supervisor = {
      id: "u-sup",
      username: "supervisor1",
      displayName: "Linh Tran",
      role: "supervisor" as const,
    };
    for (const shown of [asked, appeal]) {
      const data: Pick<DeskData, "observeCase" | "enqueue" | "evidenceContent"> = {
        observeCase: (_id, listener) => {
          listener({ detail: shown, summary: shown, queued: [], isStale: false });
          return () => undefined;
        },
        enqueue: vi.fn(async () => ({ seq: 1, idempotencyKey: "k1" })),
        evidenceContent: vi.fn(async () => new Uint8Array()),
      };
      const container = renderPseudo(
        <ReviewScreen
          data={data as DeskData}
          user={supervisor}
          caseId={shown.id}
          userNames={{}}
          agents={[]}
          api={{ revealContacts: vi.fn() }}
          onReport={vi.fn()}
        />,
      );
      await vi.waitFor(() => expect(container.querySelector(".review-screen")).not.toBeNull());
      expect(unlocalised(container)).toEqual([]);
      cleanup();
    }
  });

  test("the dead-letter list with its replay confirmation", async () => {
    const api = {
      deadLetters: vi.fn(async () => [
        {
          eventId: "ev-1",
          seq: 7,
          caseId: "c1",
          reference: "AP-000007",
          type: "decision" as const,
          attempts: 10,
          lastError: "HTTP 503",
          deadAt: "2026-03-02T03:00:00.000Z",
        },
      ]),
      replayDeadLetter: vi.fn(async () => undefined),
    };
    const container = renderPseudo(<DeadLetters api={api} />);
    await vi.waitFor(() => expect(container.querySelector("tbody tr")).not.toBeNull());
    const replay = container.querySelector<HTMLButtonElement>("tbody button");
    if (replay) fireEvent.click(replay);
    expect(container.querySelector("[role=alertdialog]")).not.toBeNull();
    expect(unlocalised(container)).toEqual([]);
  });
  test("the composer's canned-reply picker", () => {
    const container = renderPseudo(
      <MessageForm
        detail={detail({ id: "c1" })}
        replies={REPLIES}
        onSubmit={vi.fn()}
        onDone={vi.fn()}
      />,
    );
    const composer = container.querySelector("textarea") as HTMLTextAreaElement;
    fireEvent.keyDown(composer, { key: "k", ctrlKey: true });
    expect(container.querySelector(".reply-preview")).not.toBeNull();
    expect(unlocalised(container)).toEqual([]);
    const search = container.querySelector('input[type="search"]') as HTMLInputElement;
    fireEvent.change(search, { target: { value: "nothing matches this" } });
    expect(unlocalised(container)).toEqual([]);
  });

  test("the decision dialog with decision macros", () => {
    const macros = REPLIES.map((r) => ({
      ...r,
      kind: "decision_macro" as const,
      outcome: "release" as const,
      archived: false,
    }));
    renderPseudo(
      <DecisionDialog
        detail={detail({ id: "c1" })}
        macros={macros}
        open
        onClose={vi.fn()}
        onSubmit={vi.fn()}
      />,
    );
    expect(unlocalised(document.body)).toEqual([]);
  });

  test("Supervision → Replies, with the editor and its errors", async () => {
    const call = (async () => ({ replies: REPLIES, cursor: 2 })) as unknown as ApiCall;
    const data = { replies: { sync: async () => undefined } } as unknown as DeskData;
    const container = renderPseudo(<RepliesAdmin call={call} data={data} />);
    await vi.waitFor(() => expect(container.querySelector("tbody tr")).not.toBeNull());
    const showArchived = container.querySelector('input[type="checkbox"]') as HTMLInputElement;
    fireEvent.click(showArchived);
    const newButton = container.querySelector("button.primary") as HTMLButtonElement;
    fireEvent.click(newButton);
    const kind = container.querySelector(".reply-editor select") as HTMLSelectElement;
    fireEvent.change(kind, { target: { value: "decision_macro" } });
    const textareas = container.querySelectorAll(".reply-editor textarea");
    fireEvent.change(textareas[0] as HTMLTextAreaElement, { target: { value: "{partyNam}" } });
    fireEvent.submit(container.querySelector(".reply-editor") as HTMLFormElement);
    await vi.waitFor(() => expect(container.querySelector(".field-error")).not.toBeNull());
    expect(unlocalised(container)).toEqual([]);
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
  test("the attachments panel, with an upload under way, one waiting, one refused and a filed file", () => {
    const upload = (id: string, patch: Partial<UploadView>): UploadView => ({
      id,
      caseId: "c1",
      fileName: `${id}.png`,
      mimeType: "image/png",
      size: 2048,
      sha256: "a".repeat(64),
      description: "",
      baseVersion: 1,
      state: "pending",
      actorId: "u-agent1",
      createdAt: 0,
      attempts: 0,
      nextAttemptAt: 0,
      lastError: null,
      lastErrorCode: null,
      lastStatus: null,
      progress: null,
      ...patch,
    });
    const uploads = [
      upload("sending", { progress: { sent: 1024, total: 2048 } }),
      upload("waiting", { lastStatus: 0, lastErrorCode: "unreachable" }),
      upload("refused", {
        state: "failed",
        lastStatus: 415,
        lastErrorCode: "unsupported-media-type",
      }),
    ];
    const base = detail({ id: "c1" });
    const withAgentFile = {
      ...base,
      evidence: [
        ...base.evidence,
        {
          id: "ev-agent",
          uploadedBy: "agent" as const,
          fileName: "bank-reply.pdf",
          mimeType: "application/pdf" as const,
          size: 4096,
          sha256: "b".repeat(64),
          description: "",
          uploadedAt: "2026-03-02T03:00:00.000Z",
        },
      ],
    };
    const container = renderPseudo(
      <AttachmentsPanel
        detail={withAgentFile}
        canAttach
        onOpenEvidence={vi.fn()}
        data={{
          attach: vi.fn(),
          dismissUpload: vi.fn(),
          observeUploads: (listener) => {
            listener(uploads);
            return () => undefined;
          },
        }}
      />,
    );
    expect(container.querySelectorAll("progress")).toHaveLength(1);
    expect(unlocalised(container)).toEqual([]);
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
