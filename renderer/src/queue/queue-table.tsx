import type { CaseSummary } from "@shared/domain/appeal";
import { createColumnHelper, tableFeatures, useTable } from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import type { TFunction } from "i18next";
import { memo, useEffect, useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import { type Formatters, useFormatters } from "../i18n/format";
import type { QueueSort, SortKey } from "./queue-filter";
import type { QueueIndex } from "./queue-index";
import type { riskAt } from "./queue-sla";
import { SlaBadge } from "./sla-badge";

/**
 * The appeal queue: a real <table> (headers, row and column semantics for screen readers) whose
 * body holds only the rows in view plus a few, between two spacer rows that keep the scroll
 * height of all of them. TanStack Table supplies the column model and header/cell rendering for
 * the rows in view; sorting and filtering happen beforehand in the QueueIndex (its client row
 * models would sort all 100,000 rows on every change).
 */
export interface QueueTableProps {
  index: QueueIndex;
  rows: readonly number[];
  revision: number;
  sort: QueueSort;
  now: number;
  userId: string;
  focusedId: string | null;
  selectedIds: ReadonlySet<string>;
  presence: Readonly<Record<string, { viewers: string[] }>>;
  onSort(key: SortKey): void;
  onFocus(id: string): void;
  onOpen(id: string): void;
  onToggleSelected(id: string): void;
  onSelectAll(checked: boolean): void;
}

export const ROW_HEIGHT = 40;

interface RowContext {
  now: number;
  userId: string;
  t: TFunction;
  format: Formatters;
  risk: (row: CaseSummary) => ReturnType<typeof riskAt>;
  dueAt: (row: CaseSummary) => number | null;
}

const features = tableFeatures({});
const column = createColumnHelper<typeof features, CaseSummary>();

function buildColumns(ctx: RowContext) {
  const { t, format } = ctx;
  return column.columns([
    column.accessor("reference", {
      id: "reference",
      header: t("columns.reference"),
      cell: (c) => <span className="mono">{c.getValue()}</span>,
    }),
    column.accessor("kind", {
      id: "kind",
      header: t("columns.kind"),
      cell: (c) => t(`kind.${c.getValue()}`),
    }),
    column.accessor("reason", {
      id: "reason",
      header: t("columns.reason"),
      cell: (c) => t(`reason.${c.getValue()}`),
    }),
    column.accessor("amount", {
      id: "amount",
      header: t("columns.amount"),
      cell: (c) => (
        <span className="num">{format.amount(c.getValue(), c.row.original.currency)}</span>
      ),
    }),
    column.display({
      id: "parties",
      header: t("columns.parties"),
      cell: (c) => (
        <span className="parties">
          <span>{c.row.original.complainantName}</span>
          <span aria-hidden="true"> → </span>
          <span className="visually-hidden"> {t("queue.against")} </span>
          <span>{c.row.original.respondentName}</span>
        </span>
      ),
    }),
    column.accessor("status", {
      id: "status",
      header: t("columns.status"),
      cell: (c) => (
        <span className={`status status-${c.getValue()}`}>
          {t(`status.${c.getValue()}`)}
          {c.row.original.stage === "second" ? (
            <span className="stage-tag"> · {t("stage.secondShort")}</span>
          ) : null}
        </span>
      ),
    }),
    column.accessor("assigneeId", {
      id: "assignee",
      header: t("columns.assignee"),
      cell: (c) => {
        const assignee = c.getValue();
        if (!assignee) return <span className="muted">{t("queue.unassigned")}</span>;
        return assignee === ctx.userId ? <strong>{t("queue.you")}</strong> : assignee;
      },
    }),
    column.display({
      id: "sla",
      header: t("columns.sla"),
      cell: (c) => (
        <SlaBadge risk={ctx.risk(c.row.original)} dueAt={ctx.dueAt(c.row.original)} now={ctx.now} />
      ),
    }),
    column.accessor("escalatedAt", {
      id: "escalatedAt",
      header: t("columns.escalated"),
      cell: (c) => format.dateTime(c.getValue()),
    }),
  ]);
}

const SORTABLE = new Set<string>([
  "reference",
  "kind",
  "reason",
  "amount",
  "parties",
  "status",
  "assignee",
  "sla",
  "escalatedAt",
]);
const isSortKey = (id: string): id is SortKey => SORTABLE.has(id);

export const QueueTable = memo(function QueueTable(props: QueueTableProps) {
  const { index, rows, revision, sort, now, userId, focusedId, selectedIds } = props;
  const { t } = useTranslation();
  const format = useFormatters();
  const scrollRef = useRef<HTMLDivElement>(null);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (i) => rows[i] ?? i,
    // jsdom has no layout: render a first screenful there too.
    initialRect: { width: 1200, height: 800 },
  });
  const items = virtualizer.getVirtualItems();

  // Keep the focused row in view as j/k moves it.
  const focusedPosition = useMemo(() => {
    if (focusedId === null) return -1;
    const slot = index.slotOfId(focusedId);
    return slot === undefined ? -1 : rows.indexOf(slot);
  }, [focusedId, index, rows]);
  useEffect(() => {
    if (focusedPosition >= 0) virtualizer.scrollToIndex(focusedPosition, { align: "auto" });
  }, [focusedPosition, virtualizer]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: revision marks changed row contents.
  const visible = useMemo(
    () => items.map((item) => index.get(rows[item.index] as number)).filter((r) => r !== undefined),
    [items, rows, index, revision],
  );

  const columns = useMemo(
    () =>
      buildColumns({
        now,
        userId,
        t,
        format,
        risk: (row) => {
          const slot = index.slotOfId(row.id);
          return slot === undefined ? "none" : index.riskOf(slot, now);
        },
        dueAt: (row) => {
          const slot = index.slotOfId(row.id);
          const clock = slot === undefined ? null : index.clockOf(slot);
          return clock && !clock.isPaused ? clock.dueAt : null;
        },
      }),
    [now, userId, t, format, index],
  );

  const table = useTable({ features, columns, data: visible, getRowId: (row) => row.id });
  const first = items[0];
  const last = items[items.length - 1];
  const padTop = first ? first.start : 0;
  const padBottom = last ? virtualizer.getTotalSize() - last.end : 0;
  const allSelected = rows.length > 0 && selectedIds.size >= rows.length;
  const columnCount = columns.length + 1;

  return (
    <div ref={scrollRef} className="queue-scroll" data-testid="queue-scroll">
      <table
        className="queue-table"
        aria-label={t("queue.tableName")}
        aria-rowcount={rows.length + 1}
      >
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              <th scope="col" className="select-col">
                <input
                  type="checkbox"
                  aria-label={t("queue.selectAll")}
                  checked={allSelected}
                  onChange={(e) => props.onSelectAll(e.target.checked)}
                />
              </th>
              {group.headers.map((header) => {
                const id = header.column.id;
                const isSorted = sort.key === id;
                const ariaSort = isSorted
                  ? sort.isDescending
                    ? "descending"
                    : "ascending"
                  : "none";
                return (
                  <th key={header.id} scope="col" aria-sort={ariaSort} className={`col-${id}`}>
                    {isSortKey(id) ? (
                      <button
                        type="button"
                        className="sort-button"
                        data-sorted={isSorted ? (sort.isDescending ? "desc" : "asc") : undefined}
                        onClick={() => props.onSort(id)}
                      >
                        <table.FlexRender header={header} />
                      </button>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {padTop > 0 ? (
            // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a spacer row holds no content or focus.
            <tr aria-hidden="true" className="spacer" style={{ height: padTop }}>
              <td colSpan={columnCount} />
            </tr>
          ) : null}
          {table.getRowModel().rows.map((row, i) => {
            const item = items[i];
            const id = row.original.id;
            const isFocused = id === focusedId;
            const isSelected = selectedIds.has(id);
            const viewers = props.presence[id]?.viewers ?? [];
            return (
              <tr
                key={row.id}
                data-case-id={id}
                aria-rowindex={(item?.index ?? 0) + 2}
                aria-selected={isSelected}
                className={`${isFocused ? "focused" : ""}${row.original.assigneeId === userId ? " mine" : ""}`}
                style={{ height: ROW_HEIGHT }}
                onClick={() => props.onFocus(id)}
                onDoubleClick={() => props.onOpen(id)}
              >
                <td className="select-col">
                  <input
                    type="checkbox"
                    aria-label={t("queue.selectRow", { reference: row.original.reference })}
                    checked={isSelected}
                    onChange={() => props.onToggleSelected(id)}
                  />
                </td>
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className={`col-${cell.column.id}`}>
                    {cell.column.id === "reference" ? (
                      <a
                        href={`#/cases/${encodeURIComponent(id)}`}
                        className="row-link"
                        tabIndex={isFocused ? 0 : -1}
                        onClick={(e) => {
                          e.preventDefault();
                          props.onOpen(id);
                        }}
                      >
                        <table.FlexRender cell={cell} />
                      </a>
                    ) : (
                      <table.FlexRender cell={cell} />
                    )}
                    {cell.column.id === "reference" && viewers.length ? (
                      <span className="presence" title={viewers.join(", ")}>
                        {t("queue.viewing", { names: viewers.join(", ") })}
                      </span>
                    ) : null}
                  </td>
                ))}
              </tr>
            );
          })}
          {padBottom > 0 ? (
            // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a spacer row holds no content or focus.
            <tr aria-hidden="true" className="spacer" style={{ height: padBottom }}>
              <td colSpan={columnCount} />
            </tr>
          ) : null}
        </tbody>
      </table>
      {rows.length === 0 ? <p className="empty">{t("queue.empty")}</p> : null}
    </div>
  );
});
