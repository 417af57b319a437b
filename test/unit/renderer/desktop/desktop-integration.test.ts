// @vitest-environment jsdom

import type { LiveEvent } from "@shared/api/events";
import { afterEach, describe, expect, test, vi } from "vitest";
import type { QueuePage } from "../../../../renderer/src/desk-data";
import { createAttentionStore } from "../../../../renderer/src/desktop/attention";
import type { AlertCase } from "../../../../renderer/src/desktop/desk-alerts";
import { startDesktopIntegration } from "../../../../renderer/src/desktop/desktop-integration";
import { createMemoryPlatform } from "../../../../renderer/src/platform/memory-platform";

const ME = "u-agent1";
const NOW = Date.parse("2026-11-23T10:00:00Z");

function row(id: string, reference: string, overrides: Partial<AlertCase> = {}) {
  return {
    id,
    reference,
    assigneeId: ME,
    status: "in_review" as const,
    warnAt: new Date(NOW - 60_000).toISOString(),
    dueAt: new Date(NOW + 3_600_000).toISOString(),
    ...overrides,
  };
}

function fakeData(initial: ReturnType<typeof row>[]) {
  let listener: ((page: QueuePage) => void) | null = null;
  const live = new Set<(event: LiveEvent) => void>();
  let rows = initial;
  return {
    onLiveEvent: (l: (event: LiveEvent) => void) => {
      live.add(l);
      return () => live.delete(l);
    },
    casesByIds: vi.fn(
      async (ids: readonly string[]) => ids.map((id) => rows.find((r) => r.id === id)) as never,
    ),
    emit(event: LiveEvent) {
      for (const l of live) l(event);
    },
    observeQueue: vi.fn((_query: unknown, l: (page: QueuePage) => void) => {
      listener = l;
      l({ rows, total: rows.length } as unknown as QueuePage);
      return () => {
        listener = null;
      };
    }),
    allCases: vi.fn(async () => rows as never),
    push(next: ReturnType<typeof row>[]) {
      rows = next;
      listener?.({ rows, total: rows.length } as unknown as QueuePage);
    },
  };
}

let stop: (() => void) | undefined;
afterEach(() => stop?.());

function start(data: ReturnType<typeof fakeData>, currentCaseId: string | null = null) {
  const memory = createMemoryPlatform();
  const calls = { opened: [] as string[], settings: 0, reports: [] as string[] };
  const attention = createAttentionStore();
  stop = startDesktopIntegration({
    platform: memory.platform,
    data,
    user: { id: ME },
    attention,
    openCase: (id) => calls.opened.push(id),
    openSettings: () => {
      calls.settings += 1;
    },
    openReport: (id) => calls.reports.push(id),
    currentCaseId: () => currentCaseId,
    describe: (alert) => ({ title: alert.kind, body: alert.reference }),
    now: () => NOW,
  });
  return { memory, calls, attention };
}

const attentionEvent = (caseId: string, assigneeId: string | null): LiveEvent => ({
  type: "case_attention",
  cursor: "9",
  at: new Date(NOW).toISOString(),
  caseId,
  assigneeId,
  reason: "evidence_deadline_passed",
});

describe("desktop integration", () => {
  test("a case newly assigned to me shows a notification that opens it; the badge counts breaches", async () => {
    const data = fakeData([row("c1", "AP-000001", { dueAt: new Date(NOW - 1).toISOString() })]);
    const { memory } = start(data);
    expect(memory.recorded.badgeCounts).toEqual([1]);
    expect(memory.recorded.notifications).toEqual([]);
    data.push([
      ...[row("c1", "AP-000001", { dueAt: new Date(NOW - 1).toISOString() })],
      row("c2", "AP-000002"),
    ]);
    // c2 arrives already past its warning threshold: both the assignment and the risk are news.
    expect(memory.recorded.notifications).toEqual([
      { kind: "assignment", title: "assignment", body: "AP-000002", caseReference: "AP-000002" },
      { kind: "sla-warning", title: "sla-warning", body: "AP-000002", caseReference: "AP-000002" },
    ]);
  });

  test("deep links and notification clicks open the case by its reference", async () => {
    const data = fakeData([row("c7", "AP-000007")]);
    const { memory, calls } = start(data);
    memory.requestOpenCase("AP-000007");
    memory.requestOpenCase("AP-999999");
    await vi.waitFor(() => expect(calls.opened).toEqual(["c7"]));
  });

  test("menu commands press the screen's key, open settings, the report, or a case window", async () => {
    const data = fakeData([row("c7", "AP-000007")]);
    const { memory, calls } = start(data, "c7");
    const keys: string[] = [];
    window.addEventListener("keydown", (event) => keys.push(event.key));
    memory.runMenuCommand("queue.next");
    memory.runMenuCommand("queue.open");
    memory.runMenuCommand("help.shortcuts");
    expect(keys).toEqual(["j", "Enter", "?"]);
    memory.runMenuCommand("settings.open");
    memory.runMenuCommand("report.export-pdf");
    memory.runMenuCommand("case.open-in-window");
    expect(calls.settings).toBe(1);
    expect(calls.reports).toEqual(["c7"]);
    await vi.waitFor(() => expect(memory.recorded.openedCaseWindows).toEqual(["AP-000007"]));
  });

  test("a lapsed evidence deadline on my case flags it and shows a desk notification", async () => {
    const data = fakeData([row("c3", "AP-000003"), row("c4", "AP-000004", { assigneeId: "u-x" })]);
    const { memory, attention } = start(data);
    data.emit(attentionEvent("c3", ME));
    // Someone else's case, and an SLA warning (desk-alerts warns from the rows): not this path.
    data.emit(attentionEvent("c4", "u-x"));
    data.emit({ ...attentionEvent("c3", ME), reason: "sla_warning" } as LiveEvent);
    await vi.waitFor(() =>
      expect(memory.recorded.notifications).toEqual([
        {
          kind: "deadline-lapsed",
          title: "deadline-lapsed",
          body: "AP-000003",
          caseReference: "AP-000003",
        },
      ]),
    );
    expect(Object.keys(attention.getState().flags)).toEqual(["c3"]);
    expect(attention.getState().flags.c3?.reason).toBe("evidence_deadline_passed");
    // Shown by the OS: no second, in-desk copy.
    expect(attention.getState().notices).toEqual([]);
    attention.getState().seen("c3");
    expect(attention.getState().flags).toEqual({});
  });

  test("when the host does not show it, the alert stays in the desk until the case is opened", async () => {
    const data = fakeData([row("c5", "AP-000005")]);
    const { memory, attention } = start(data);
    await memory.platform.settings?.set({ notificationsEnabled: false });
    data.emit(attentionEvent("c5", ME));
    await vi.waitFor(() => expect(attention.getState().notices).toHaveLength(1));
    expect(attention.getState().notices[0]).toMatchObject({
      caseId: "c5",
      reference: "AP-000005",
      reason: "evidence_deadline_passed",
    });
    attention.getState().seen("c5");
    expect(attention.getState().notices).toEqual([]);
  });

  test("the case on screen is not flagged: the workspace shows the lapse itself", async () => {
    const data = fakeData([row("c6", "AP-000006")]);
    const { memory, attention } = start(data, "c6");
    data.emit(attentionEvent("c6", ME));
    await vi.waitFor(() => expect(memory.recorded.notifications).toHaveLength(1));
    expect(attention.getState().flags).toEqual({});
  });
});
