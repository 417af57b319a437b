// @vitest-environment jsdom
import type { CaseSummary } from "@shared/domain/appeal";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { I18nextProvider } from "react-i18next";
import { afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { createI18n } from "../../../../renderer/src/i18n/i18n";
import { QueueScreen } from "../../../../renderer/src/queue/queue-screen";
import { createQueueStore, type QueueData } from "../../../../renderer/src/queue/queue-store";
import { summary } from "../../../support/case-detail";

afterEach(cleanup);

// jsdom lays nothing out: give elements the size of a desk screen so the virtualiser has a window.
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, "clientHeight", {
    configurable: true,
    get: () => 800,
  });
  Object.defineProperty(HTMLElement.prototype, "clientWidth", {
    configurable: true,
    get: () => 1200,
  });
});

const TEAM = [
  { id: "u-agent2", username: "agent2", displayName: "Chen Hao", role: "agent" as const },
  {
    id: "u-supervisor2",
    username: "supervisor2",
    displayName: "Linh Tran",
    role: "supervisor" as const,
  },
];

function setup(count: number, { canReassign = false } = {}) {
  const rows: CaseSummary[] = Array.from({ length: count }, (_, i) =>
    summary({
      id: `c${i + 1}`,
      dueAt: new Date(Date.parse("2026-03-20T00:00:00Z") + i * 60_000).toISOString(),
      complainantName: i === 3 ? "Lê Thỏa Thuận" : "Nguyễn Văn An",
    }),
  );
  const enqueue = vi.fn(async () => ({ seq: 1, idempotencyKey: "k" }));
  const data = {
    allCases: async () => rows as never,
    casesByIds: async (ids: readonly string[]) =>
      ids.map((id) => rows.find((r) => r.id === id)) as never,
    onCasesChanged: () => () => undefined,
    enqueue,
    // Every row at once; the first-screen path has its own test (queue-first-screen).
    firstScreen: undefined,
  } satisfies Record<keyof QueueData, unknown>;
  const store = createQueueStore({
    data: data as unknown as QueueData,
    views: { load: () => [], save: () => undefined },
    userId: "agent-1",
  });
  const onOpen = vi.fn();
  render(
    <I18nextProvider i18n={createI18n("en")}>
      <QueueScreen
        store={store}
        userId="agent-1"
        canReassign={canReassign}
        onOpen={onOpen}
        team={TEAM}
      />
    </I18nextProvider>,
  );
  return { store, onOpen, enqueue };
}

describe("QueueScreen", () => {
  test("a supervisor reassigns the selection to a person picked by name, never by typing an id", async () => {
    const { store, enqueue } = setup(5, { canReassign: true });
    await act(() => store.getState().start());
    act(() => store.getState().setSelected(["c1", "c2"]));
    const picker = screen.getByLabelText("Reassign to") as HTMLSelectElement;
    const names = [...picker.options].map((option) => option.text);
    expect(names).toEqual(["Choose a person…", "Chen Hao", "Linh Tran"]);
    expect(names.some((name) => name.startsWith("u-"))).toBe(false);
    const submit = screen.getByRole("button", { name: "Reassign" }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    fireEvent.change(picker, { target: { value: "u-agent2" } });
    await act(async () => {
      fireEvent.click(submit);
    });
    expect(enqueue).toHaveBeenCalledWith("c1", {
      type: "reassign",
      body: { assignee: "u-agent2" },
    });
    expect(enqueue).toHaveBeenCalledWith("c2", {
      type: "reassign",
      body: { assignee: "u-agent2" },
    });
  });

  test("renders a window of rows while announcing all of them", async () => {
    const { store } = setup(5_000);
    await act(() => store.getState().start());
    const table = screen.getByRole("table", { name: "Appeal queue" });
    expect(table.getAttribute("aria-rowcount")).toBe("5001");
    const rendered = table.querySelectorAll("tbody tr[data-case-id]").length;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);
    expect(screen.getByText("5,000 appeals")).toBeTruthy();
  });

  test("scrolling renders the rows in view, and j/k past the edge scrolls to the focused row", async () => {
    const { store } = setup(5_000);
    await act(() => store.getState().start());
    const scroller = screen.getByTestId("queue-scroll");
    const rendered = () =>
      [...scroller.querySelectorAll("tbody tr[data-case-id]")].map((tr) =>
        Number(tr.getAttribute("aria-rowindex")),
      );
    act(() => {
      scroller.scrollTop = 40 * 1_000;
      fireEvent.scroll(scroller);
    });
    const positions = rendered();
    expect(positions[0]).toBeLessThanOrEqual(1_002);
    expect(positions.at(-1)).toBeGreaterThanOrEqual(1_002 + 19);
    expect(positions.length).toBeLessThan(40);
    // Spacers keep the full height: 5,000 rows of 40 px.
    const spacers = [...scroller.querySelectorAll<HTMLElement>("tr.spacer")];
    const height =
      spacers.reduce((sum, tr) => sum + Number.parseFloat(tr.style.height), 0) +
      positions.length * 40;
    expect(height).toBe(5_000 * 40);

    act(() => {
      store.getState().focus(store.index.get(store.getState().rows[4_000] as number)?.id ?? null);
    });
    expect(scroller.scrollTop).toBeGreaterThan(40 * 3_900);
    // A browser fires "scroll" for the change; jsdom does not.
    act(() => {
      fireEvent.scroll(scroller);
    });
    expect(rendered()).toContain(4_002);
  });

  test("j/k move, Enter opens, c claims through the outbox, ? lists the shortcuts", async () => {
    const { store, onOpen, enqueue } = setup(20);
    await act(() => store.getState().start());
    act(() => {
      fireEvent.keyDown(window, { key: "j" });
      fireEvent.keyDown(window, { key: "j" });
      fireEvent.keyDown(window, { key: "k" });
    });
    expect(store.getState().focusedId).toBe("c1");
    act(() => {
      fireEvent.keyDown(window, { key: "ArrowDown" });
    });
    expect(store.getState().focusedId).toBe("c2");
    fireEvent.keyDown(window, { key: "Enter" });
    expect(onOpen).toHaveBeenCalledWith("c2");
    await act(async () => {
      fireEvent.keyDown(window, { key: "c" });
    });
    expect(enqueue).toHaveBeenCalledWith("c2", { type: "claim", body: {} });
    act(() => {
      fireEvent.keyDown(window, { key: "?" });
    });
    const dialog = screen.getByRole("dialog", { name: "Keyboard shortcuts" });
    expect(within(dialog).getByText("Claim the appeal (or the selection)")).toBeTruthy();
  });

  test("/ focuses the search, which is accent-insensitive", async () => {
    const { store } = setup(20);
    await act(() => store.getState().start());
    act(() => {
      fireEvent.keyDown(window, { key: "/" });
    });
    const search = screen.getByRole("searchbox", { name: "Search appeals" });
    expect(document.activeElement).toBe(search);
    act(() => {
      fireEvent.change(search, { target: { value: "thoa thuan" } });
    });
    const table = screen.getByRole("table", { name: "Appeal queue" });
    const rows = table.querySelectorAll("tbody tr[data-case-id]");
    expect([...rows].map((r) => r.getAttribute("data-case-id"))).toEqual(["c4"]);
  });

  test("sorting by a header flips direction and says so with aria-sort", async () => {
    const { store } = setup(20);
    await act(() => store.getState().start());
    const header = screen.getByRole("columnheader", { name: /SLA/ });
    expect(header.getAttribute("aria-sort")).toBe("ascending");
    act(() => {
      fireEvent.click(within(header).getByRole("button"));
    });
    expect(header.getAttribute("aria-sort")).toBe("descending");
    const first = screen.getByRole("table").querySelector("tbody tr[data-case-id]");
    expect(first?.getAttribute("data-case-id")).toBe("c20");
  });
});
