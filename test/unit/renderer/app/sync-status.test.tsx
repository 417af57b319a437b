// @vitest-environment jsdom

import type { DeskAction } from "@shared/domain/desk-action";
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, expect, test, vi } from "vitest";
import { ConflictCard } from "../../../../renderer/src/app/conflict-list";
import { SyncStatus } from "../../../../renderer/src/app/sync-status";
import type { ConflictView, OutboxEntry, OutboxState } from "../../../../renderer/src/desk-data";
import { createSyncStatusStore } from "../../../../renderer/src/desk-data/sync/status-store";
import { createI18n } from "../../../../renderer/src/i18n/i18n";
import { bareDetail as detail, bareSummary as summary } from "../../../support/case-detail";

afterEach(cleanup);
// The conflict view speaks through the catalogs: the app's English instance.
createI18n("en");

test("the status region reads Synced, N pending, Offline", () => {
  const store = createSyncStatusStore();
  render(<SyncStatus store={store} />);
  const region = screen.getByRole("status", { name: "Sync status" });
  expect(region.textContent).toContain("Synced");
  expect(region.textContent).toContain("Last sync never");

  act(() => store.getState().patch({ pendingCount: 1, isOnline: false }));
  expect(region.textContent).toMatch(/^1 pending · Offline/);

  act(() => store.getState().patch({ pendingCount: 0, error: "The server cannot be reached." }));
  expect(region.textContent).toMatch(/^Offline/);
  expect(region.textContent).toContain("The server cannot be reached.");

  act(() =>
    store
      .getState()
      .patch({ isOnline: true, error: null, lastSyncAt: Date.now(), conflictCount: 2 }),
  );
  expect(region.textContent).toMatch(/^Synced · 2 conflicts · Last sync \d/);
});

function entry(seq: number, action: DeskAction, state: OutboxState = "pending"): OutboxEntry {
  return {
    seq,
    idempotencyKey: `k${seq}`,
    caseId: "c7",
    action,
    baseVersion: 3,
    baseSummary: null,
    state,
    actorId: "u-agent1",
    createdAt: 0,
    attempts: 0,
    nextAttemptAt: 0,
    lastError: null,
    lastStatus: null,
  };
}

function conflict(queuedBehind: OutboxEntry[] = []): ConflictView {
  const base = summary("c7", {
    status: "escalated",
    version: 3,
    updatedAt: "2025-03-01T09:00:00.000Z",
  });
  const theirs = detail("c7", {
    status: "in_review",
    assigneeId: "u-agent2",
    version: 4,
    timeline: [
      {
        id: "t1",
        type: "escalated",
        at: "2025-03-01T08:10:00.000Z",
        actor: "system",
        summary: "Escalated",
      },
      {
        id: "t2",
        type: "claimed",
        at: "2025-03-01T09:05:00.000Z",
        actor: "Chen Hao",
        summary: "Claimed the case",
      },
    ],
  });
  return {
    seq: 5,
    caseId: "c7",
    theirs,
    detectedAt: 0,
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
      lastStatus: 412,
    },
    queuedBehind,
  };
}

test("the conflict view shows theirs vs mine with who changed what, and discards only after confirmation", () => {
  const onResolve = vi.fn();
  render(<ConflictCard conflict={conflict()} onResolve={onResolve} />);
  const diff = screen.getByRole("table", { name: "Theirs vs mine" });
  expect(diff.textContent).toContain("u-agent2");
  const meanwhile = [...document.querySelectorAll(".conflict-events li")].map(
    (li) => li.textContent,
  );
  expect(meanwhile.some((text) => /Chen Hao: Claimed — Claimed the case$/.test(text ?? ""))).toBe(
    true,
  );
  // The escalation came before the agent's base: not "meanwhile".
  expect(meanwhile.some((text) => /Escalated/.test(text ?? ""))).toBe(false);

  fireEvent.click(screen.getByRole("button", { name: "Discard…" }));
  expect(onResolve).not.toHaveBeenCalled();
  fireEvent.click(screen.getByRole("button", { name: "Confirm discard" }));
  expect(onResolve).toHaveBeenCalledWith(5, { kind: "discard" });

  fireEvent.click(screen.getByRole("button", { name: "Edit…" }));
  fireEvent.change(screen.getByLabelText("Edit the text"), {
    target: { value: "Called the buyer again" },
  });
  fireEvent.click(screen.getByRole("button", { name: "Send edited" }));
  expect(onResolve).toHaveBeenLastCalledWith(5, {
    kind: "edit",
    action: { type: "notes", body: { text: "Called the buyer again" } },
  });
});

test("the conflict view says how many of the agent's actions on the case wait behind it", () => {
  const { unmount } = render(<ConflictCard conflict={conflict()} onResolve={vi.fn()} />);
  expect(screen.getByText("None of your other actions on this case is waiting.")).toBeTruthy();
  unmount();

  render(
    <ConflictCard
      conflict={conflict([
        entry(6, { type: "claim", body: {} }),
        entry(9, { type: "messages", body: { to: "complainant", text: "We are on it" } }),
      ])}
      onResolve={vi.fn()}
    />,
  );
  expect(
    screen.getByText(/2 more actions of yours on this case are queued behind this one/),
  ).toBeTruthy();
  const waiting = screen.getByRole("list", { name: "Queued behind this conflict" });
  expect([...waiting.querySelectorAll("li")].map((li) => li.textContent)).toEqual([
    "Claim",
    "Message",
  ]);
});
