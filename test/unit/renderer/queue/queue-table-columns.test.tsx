// @vitest-environment jsdom
import { cleanup, fireEvent, render, within } from "@testing-library/react";
import { I18nextProvider } from "react-i18next";
import { afterEach, describe, expect, test, vi } from "vitest";
import { createI18n } from "../../../../renderer/src/i18n/i18n";
import { DEFAULT_SORT, EMPTY_FILTER } from "../../../../renderer/src/queue/queue-filter";
import { QueueIndex } from "../../../../renderer/src/queue/queue-index";
import { QueueTable, type QueueTableProps } from "../../../../renderer/src/queue/queue-table";
import { summary } from "../../../support/case-detail";

afterEach(cleanup);

const NOW = Date.parse("2026-03-04T03:00:00.000Z");

function renderTable(extra: Partial<QueueTableProps> = {}) {
  const index = new QueueIndex();
  index.reset([summary({ id: "c1" }), summary({ id: "c2" })]);
  const rows = index.query(EMPTY_FILTER, DEFAULT_SORT, { now: NOW, userId: "u1" });
  const onSort = vi.fn();
  const view = render(
    <I18nextProvider i18n={createI18n("en")}>
      <QueueTable
        index={index}
        rows={rows}
        revision={1}
        sort={DEFAULT_SORT}
        now={NOW}
        userId="u1"
        focusedId={null}
        selectedIds={new Set()}
        presence={{}}
        onSort={onSort}
        onFocus={vi.fn()}
        onOpen={vi.fn()}
        onToggleSelected={vi.fn()}
        onSelectAll={vi.fn()}
        {...extra}
      />
    </I18nextProvider>,
  );
  const headers = () =>
    [...view.container.querySelectorAll("thead th")].map((th) => th.textContent ?? "");
  return { view, onSort, headers };
}

describe("the queue table for other screens", () => {
  test("the agent queue: every column, sortable, under its own name", () => {
    const { view, headers } = renderTable();
    expect(view.getByRole("table", { name: "Appeal queue" })).toBeTruthy();
    expect(headers()).toEqual([
      "",
      "Reference",
      "Kind",
      "Reason",
      "Amount",
      "Parties",
      "Status",
      "Assignee",
      "SLA",
      "Escalated",
    ]);
  });

  test("a chosen set of its columns, then a screen's own, which are not sort buttons", () => {
    const { view, onSort, headers } = renderTable({
      label: "Asked to look",
      columns: ["sla", "reference"],
      extraColumns: [{ id: "why", header: "Why", render: (row) => `reason of ${row.id}` }],
    });
    const table = view.getByRole("table", { name: "Asked to look" });
    expect(headers()).toEqual(["", "SLA", "Reference", "Why"]);
    expect(within(table).getByText("reason of c1").closest("td")?.className).toBe("col-why");
    const why = [...table.querySelectorAll("thead th")].at(-1);
    expect(why?.querySelector("button")).toBeNull();
    fireEvent.click(within(table).getByRole("button", { name: "Reference" }));
    expect(onSort).toHaveBeenCalledWith("reference");
  });
});
