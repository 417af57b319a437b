/**
 * The screens the pseudo-locale test renders, one entry each: a name, the element, and optionally
 * what to do before looking (open a dialog, run a check) and what must be on screen then (so an
 * entry cannot pass by rendering nothing). Adding a screen is adding one entry here.
 */
import type { AuditEntry, AuditVerification } from "@shared/api/audit";
import type { CaseDetail, CaseSummary } from "@shared/domain/appeal";
import type { User } from "@shared/domain/user";
import type { OversightStats } from "@shared/oversight/contract";
import { fireEvent, screen } from "@testing-library/react";
import type { ReactNode } from "react";
import { ACTION_FORMS, ACTION_KINDS } from "../../../../renderer/src/actions/action-forms";
import { DecisionRecord } from "../../../../renderer/src/case-workspace/decision-record";
import { PartyPanel } from "../../../../renderer/src/case-workspace/party-panel";
import { VerificationPanel } from "../../../../renderer/src/case-workspace/verification-panel";
import type { CachedCase, CaseView, DeskData } from "../../../../renderer/src/desk-data";
import { ExportProgress } from "../../../../renderer/src/exports/export-progress";
import { createExportStore } from "../../../../renderer/src/exports/export-store";
import { QueueScreen } from "../../../../renderer/src/queue/queue-screen";
import { createQueueStore, type QueueData } from "../../../../renderer/src/queue/queue-store";
import { AuditVerificationPanel } from "../../../../renderer/src/supervisor/audit-verification";
import { CaseAuditTrail } from "../../../../renderer/src/supervisor/case-audit-trail";
import { OversightDashboard } from "../../../../renderer/src/supervisor/oversight-dashboard";
import { ReviewScreen } from "../../../../renderer/src/supervisor/review-screen";
import { createStaffStore } from "../../../../renderer/src/supervisor/staff-store";
import type { SupervisorApi } from "../../../../renderer/src/supervisor/supervisor-api";
import { SupervisorArea } from "../../../../renderer/src/supervisor/supervisor-area";
import type { SupervisorServices } from "../../../../renderer/src/supervisor/supervisor-services";
import { detail, summary } from "../../../support/case-detail";
import { pseudo } from "../../../support/pseudo-locale";
import { chineseCase } from "../../../support/report-cases";

export interface PseudoScreen {
  name: string;
  render(): ReactNode;
  /** Brings the screen into the state to check (dialogs open, results shown). */
  prepare?(): Promise<void>;
  /** What must be there once prepared: a selector in the document. */
  expects?: string;
}

const AGENTS = [
  { id: "u-agent1", username: "agent1", displayName: "Mai Anh", role: "agent" },
  { id: "u-agent2", username: "agent2", displayName: "Chen Hao", role: "agent" },
  { id: "u-supervisor1", username: "supervisor1", displayName: "Lý Minh", role: "supervisor" },
] as User[];
const NAMES = Object.fromEntries(AGENTS.map((a) => [a.id, a.displayName]));
const SUPERVISOR = AGENTS[2] as User;

const click = async (name: RegExp) => {
  fireEvent.click(await screen.findByRole("button", { name }));
};

function queueScreen(): ReactNode {
  const rows: CaseSummary[] = Array.from({ length: 4 }, (_, i) =>
    summary({ id: `c${i + 1}`, assigneeId: i === 0 ? "u-agent2" : null }),
  );
  const data = {
    allCases: async () => rows as never,
    casesByIds: async (ids: readonly string[]) =>
      ids.map((id) => rows.find((r) => r.id === id)) as never,
    onCasesChanged: () => () => undefined,
    enqueue: async () => ({ seq: 1, idempotencyKey: "k" }),
    firstScreen: undefined,
  } satisfies Record<keyof QueueData, unknown>;
  const store = createQueueStore({
    data: data as unknown as QueueData,
    views: { load: () => [], save: () => undefined },
    userId: "u-agent1",
  });
  void store.getState().start();
  return (
    <QueueScreen
      store={store}
      userId="u-agent1"
      canReassign
      onOpen={() => undefined}
      userNames={NAMES}
    />
  );
}

/** A desk whose one case is `view`, for screens that observe a case. */
function deskWith(cases: readonly CaseDetail[]): DeskData {
  const viewOf = (c: CaseDetail): CaseView => ({
    detail: c,
    summary: c,
    queued: [],
    isStale: false,
  });
  return {
    observeCase: (id: string, listener: (view: CaseView | undefined) => void) => {
      const found = cases.find((c) => c.id === id);
      listener(found ? viewOf(found) : undefined);
      return () => undefined;
    },
    getCase: async (id: string) => {
      const found = cases.find((c) => c.id === id);
      return found ? viewOf(found) : undefined;
    },
    allCases: async () => cases as unknown as CachedCase[],
    observeQueue: (_query: unknown, listener: (page: { rows: CachedCase[] }) => void) => {
      listener({ rows: cases as unknown as CachedCase[] });
      return () => undefined;
    },
    enqueue: async () => ({ seq: 1, idempotencyKey: "k" }),
    // What the shared queue table's store reads (the supervisor queues).
    onCasesChanged: () => () => undefined,
    casesByIds: async (ids: readonly string[]) =>
      cases.filter((c) => ids.includes(c.id)) as unknown as CachedCase[],
  } as unknown as DeskData;
}

const STATS: OversightStats = {
  generatedAt: "2026-03-09T06:00:00.000Z",
  region: null,
  timeZone: "UTC",
  bucket: "day",
  openCases: 3,
  workload: [
    {
      agentId: "u-agent1",
      agentName: "Mai Anh",
      role: "agent",
      open: 3,
      inReview: 2,
      awaitingEvidence: 1,
      secondStage: 0,
      atRisk: 1,
      breached: 0,
      warned: 1,
    },
  ],
  clocks: [
    {
      clockId: "resolution",
      label: "Resolution",
      running: 3,
      paused: 0,
      atRisk: 1,
      breached: 0,
    },
  ],
  ageDistribution: [{ bucket: "<1d", count: 3 }],
  outcomes: [{ stage: "first", outcome: "release", count: 2 }],
  series: [
    {
      period: "2026-03-08",
      escalated: 3,
      decided: 2,
      medianFirstResponseMinutes: 30,
      medianResolutionMinutes: 300,
    },
  ],
};

const VERIFIED: AuditVerification = {
  ok: false,
  checked: 12,
  firstBroken: { seq: 7, reason: "hash_mismatch" },
  checkpoint: null,
  verifiedAt: "2026-03-09T06:00:00.000Z",
};

const AUDIT: AuditEntry[] = [
  "file",
  "claim",
  "note",
  "decide",
  "contact_reveal",
  "sla_warning",
].map((action, i) => ({
  seq: i + 1,
  caseId: "c1",
  actorId: i === 0 ? "platform" : "u-agent1",
  actorRole: i === 0 ? "platform" : "agent",
  action,
  at: "2026-03-02T02:00:00.000Z",
  beforeVersion: null,
  afterVersion: null,
  requestId: null,
  idempotencyKey: null,
  details: action === "contact_reveal" ? { reason: "Regulator request" } : {},
  prevHash: "0",
  hash: "1",
}));

const SUPERVISOR_API = {
  oversight: async () => STATS,
  caseAudit: async () => ({ entries: AUDIT }),
  verifyAudit: async () => VERIFIED,
} as unknown as SupervisorApi;

const noop = async () => undefined;

/** An export store with one job running (in its gathering phase) or one that failed. */
function exportStore(state: "running" | "failed") {
  const store = createExportStore();
  void store.getState().start(pseudo("Case reports"), async (_signal, progress) => {
    progress("gathering", 1, 3);
    if (state === "failed") throw new Error(pseudo("The font could not be loaded"));
    return new Promise<string>(() => undefined);
  });
  return store;
}

export const SCREENS: PseudoScreen[] = [
  // Export progress (queue list, report batches), running and failed.
  {
    name: "export progress, running",
    render: () => <ExportProgress store={exportStore("running")} />,
    expects: "progress",
  },
  {
    name: "export progress, failed",
    render: () => <ExportProgress store={exportStore("failed")} />,
    expects: ".export-failed",
  },
  // The queue, with its filters, saved views, export bar, a selection (bulk bar) and `?` open.
  {
    name: "queue screen with bulk bar and shortcuts",
    render: queueScreen,
    prepare: async () => {
      // The assignee reads as a person, not as `u-agent2`.
      await screen.findByText("Chen Hao");
      const boxes = await screen.findAllByRole("checkbox");
      const row = boxes.find((b) => b.closest("tbody"));
      if (row) fireEvent.click(row);
      fireEvent.keyDown(window, { key: "?" });
    },
    expects: ".bulk-bar, dialog[open] kbd",
  },
  // The case workspace: each action dialog at its first step.
  ...ACTION_KINDS.map((kind) => ({
    name: `action dialog: ${kind}`,
    render: () => {
      const Form = ACTION_FORMS[kind];
      return <Form detail={detail({ id: "c1" })} onSubmit={noop} onDone={() => undefined} />;
    },
    expects: "form, [role=dialog], button",
  })),
  {
    name: "verification panel",
    render: () => (
      <VerificationPanel
        detail={detail({ id: "c1", status: "decided" })}
        canAct
        onSubmit={noop}
        onDone={() => undefined}
      />
    ),
  },
  {
    name: "party panels",
    render: () => (
      <>
        {(["complainant", "respondent"] as const).map((role) => (
          <PartyPanel
            key={role}
            detail={chineseCase()}
            role={role}
            onOpenEvidence={() => undefined}
            onCompareEvidence={() => undefined}
            onReveal={() => undefined}
            canReveal
            contacts={null}
            revealError={null}
          />
        ))}
      </>
    ),
  },
  { name: "decision record", render: () => <DecisionRecord detail={chineseCase()} /> },
  // The supervisor screens.
  {
    name: "oversight dashboard",
    render: () => (
      <OversightDashboard api={SUPERVISOR_API} data={deskWith([chineseCase()])} agents={AGENTS} />
    ),
    prepare: async () => {
      await screen.findAllByRole("table", { name: /⟦/ });
    },
  },
  {
    name: "second-stage queue",
    render: () => (
      <SupervisorArea
        route={{ name: "second-stage" }}
        data={deskWith([chineseCase()])}
        user={SUPERVISOR}
        services={supervisorServices()}
      />
    ),
    expects: "table tbody tr",
  },
  {
    name: "review screen",
    render: () => (
      <ReviewScreen
        data={deskWith([chineseCase()])}
        user={SUPERVISOR}
        caseId="case-zh-1"
        userNames={NAMES}
        agents={AGENTS}
        api={{ revealContacts: () => Promise.reject(new Error("not used")) }}
        onReport={() => undefined}
      />
    ),
    expects: "form, button",
  },
  {
    name: "audit verification, broken chain",
    render: () => <AuditVerificationPanel api={SUPERVISOR_API} />,
    prepare: () => click(/⟦/),
    expects: "[role=status] p",
  },
  {
    name: "case audit trail",
    render: () => <CaseAuditTrail api={SUPERVISOR_API} userNames={NAMES} />,
    prepare: async () => {
      fireEvent.change(screen.getByRole("textbox"), { target: { value: "c1" } });
      await click(/⟦/);
      await screen.findByRole("table");
    },
    expects: "tbody tr",
  },
];

function supervisorServices(): SupervisorServices {
  const staff = createStaffStore({ users: async () => AGENTS });
  return {
    api: SUPERVISOR_API,
    staff,
    exports: createExportStore(),
  } as unknown as SupervisorServices;
}
