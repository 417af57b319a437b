import type { PresenceViewer } from "@shared/api/presence";
import type { CaseSummary } from "@shared/domain/appeal";
import type { SearchSnippet } from "@shared/search/document";
import { createColumnHelper, tableFeatures, useTable } from "@tanstack/react-table";
import type { TFunction } from "i18next";
import { memo, type ReactNode, useEffect, useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { AttentionFlag, AttentionReason } from "../desktop/attention";
import { type Formatters, useFormatters } from "../i18n/format";
import { fill, PLACEHOLDER } from "../i18n/placeholder";
import { PresenceBadge } from "../presence/presence-badge";
import type { QueueSort, SortKey } from "./queue-filter";
import type { QueueIndex } from "./queue-index";
import type { BreachRisk } from "./queue-sla";
import { useRowWindow } from "./row-window";
import { SlaBadge, type SlaLabels } from "./sla-badge";

/**
 * The appeal queue: a real <table> (headers, row and column semantics for screen readers) whose
 * body holds only the rows in view plus a few, between two spacer rows that keep the scroll
 * height of all of them. Sorting and filtering happen beforehand in the QueueIndex (TanStack's
 * client row models would sort all 100,000 rows on every change); TanStack Table holds the column
 * model and renders the headers; the body renders each row once through a memoised component, so
 * a scroll renders only the rows that came into view.
 */
export interface QueueTableProps {
  index: QueueIndex;
  rows: readonly number[];
  revision: number;
  sort: QueueSort;
  now: number;
  userId: string;
  /** Display names by user id: an assignee reads as a person, not `u-agent2`. */
  userNames?: Readonly<Record<string, string>>;
  focusedId: string | null;
  selectedIds: ReadonlySet<string>;
  /** Other people who have a case open, by case id (see the presence store). */
  presence: Readonly<Record<string, readonly PresenceViewer[]>>;
  /** Cases flagged for their assignee by a deadline job (see `desktop/attention.ts`). */
  flags?: Readonly<Record<string, AttentionFlag>>;
  onSort(key: SortKey): void;
  onFocus(id: string): void;
  onOpen(id: string): void;
  onToggleSelected(id: string): void;
  onSelectAll(checked: boolean): void;
  /** Why each row matched the search text (the rows asked for), shown under the parties. */
  snippets?: ReadonlyMap<string, SearchSnippet | null>;
  /** The rows now on screen, while a search text is typed: their snippets are wanted. */
  onRowsInView?(ids: string[]): void;
  /** The table's accessible name; the agent queue's by default. */
  label?: string;
  /** Which of the queue's columns to show, in this order; all of them by default. */
  columns?: readonly SortKey[];
  /** A screen's own columns after the queue's (the supervisor queues' escalation reason…). */
  extraColumns?: readonly ExtraColumn[];
}

/**
 * A column a screen adds to the queue's own. Not sortable: sorting happens in the QueueIndex,
 * which knows only the summary's keys.
 */
export interface ExtraColumn {
  id: string;
  header: string;
  render(row: CaseSummary): ReactNode;
}

export const ROW_HEIGHT = 40;
/** Rows rendered beyond each edge of the view, so a scroll step shows rows already laid out. */
const OVERSCAN = 4;

interface RowText {
  amount: string;
  escalated: string;
}

interface CellLabels {
  kind: Record<string, string>;
  reason: Record<string, string>;
  status: Record<string, string>;
  second: string;
  unassigned: string;
  you: string;
  against: string;
  selectRow(reference: string): string;
  sla: SlaLabels;
  /** The flag a deadline job put on a row, by its reason. */
  attention: Record<AttentionReason, string>;
  /** "Chat", "Note", …: where a search hit was found. */
  field: Record<string, string>;
}

/**
 * What a cell needs besides its row; labels are looked up once per language, not per cell.
 * It changes only with the language, the user and the minute tick, never with a keystroke, so a
 * row still on screen after the filter changed is not rendered again (a changed case arrives as a
 * new row object, which is what re-renders it).
 */
interface CellContext {
  now: number;
  userId: string;
  userNames: Readonly<Record<string, string>>;
  format: Formatters;
  labels: CellLabels;
  /** The row's formatted amount and escalation time, made once per row object and language. */
  text(row: CaseSummary): RowText;
  risk(row: CaseSummary): BreachRisk;
  dueAt(row: CaseSummary): number | null;
}

interface ColumnSpec {
  id: string;
  header: string;
  /** False for a screen's extra columns, whose header is not a sort button. */
  isSortable: boolean;
  render(row: CaseSummary, ctx: CellContext): ReactNode;
}

interface QueueColumnSpec extends ColumnSpec {
  id: SortKey;
}

/** The columns a table shows: the chosen queue columns (all by default), then the extras. */
function chooseColumns(
  all: readonly QueueColumnSpec[],
  chosen: readonly SortKey[] | undefined,
  extras: readonly ExtraColumn[] | undefined,
): ColumnSpec[] {
  const queue = chosen
    ? chosen.map((id) => all.find((spec) => spec.id === id)).filter((s) => s !== undefined)
    : [...all];
  const added = (extras ?? []).map(
    (extra): ColumnSpec => ({
      id: extra.id,
      header: extra.header,
      isSortable: false,
      render: (row) => extra.render(row),
    }),
  );
  return [...queue, ...added];
}

function columnSpecs(t: TFunction): QueueColumnSpec[] {
  const specs: Omit<QueueColumnSpec, "isSortable">[] = [
    {
      id: "reference",
      header: t("columns.reference"),
      render: (r) => (
        <span className="mono" data-user-text="">
          {r.reference}
        </span>
      ),
    },
    { id: "kind", header: t("columns.kind"), render: (r, c) => c.labels.kind[r.kind] },
    { id: "reason", header: t("columns.reason"), render: (r, c) => c.labels.reason[r.reason] },
    {
      id: "amount",
      header: t("columns.amount"),
      render: (r, c) => (
        <span className="num" data-user-text="">
          {c.text(r).amount}
        </span>
      ),
    },
    {
      id: "parties",
      header: t("columns.parties"),
      render: (r, c) => (
        <span className="parties">
          <span data-user-text="">{r.complainantName}</span>
          <span aria-hidden="true"> → </span>
          <span className="visually-hidden"> {c.labels.against} </span>
          <span data-user-text="">{r.respondentName}</span>
        </span>
      ),
    },
    {
      id: "status",
      header: t("columns.status"),
      render: (r, c) => (
        <span className={`status status-${r.status}`}>
          {c.labels.status[r.status]}
          {r.stage === "second" ? <span className="stage-tag"> · {c.labels.second}</span> : null}
        </span>
      ),
    },
    {
      id: "assignee",
      header: t("columns.assignee"),
      render: (r, c) =>
        !r.assigneeId ? (
          <span className="muted">{c.labels.unassigned}</span>
        ) : r.assigneeId === c.userId ? (
          <strong>{c.labels.you}</strong>
        ) : (
          <span data-user-text="">{c.userNames[r.assigneeId] ?? r.assigneeId}</span>
        ),
    },
    {
      id: "sla",
      header: t("columns.sla"),
      render: (r, c) => (
        <SlaBadge
          risk={c.risk(r)}
          dueAt={c.dueAt(r)}
          now={c.now}
          labels={c.labels.sla}
          format={c.format}
        />
      ),
    },
    {
      id: "escalatedAt",
      header: t("columns.escalated"),
      render: (r, c) =>
        r.escalatedAt ? <time dateTime={r.escalatedAt}>{c.text(r).escalated}</time> : "—",
    },
  ];
  return specs.map((spec) => ({ ...spec, isSortable: true }));
}

const features = tableFeatures({});
const helper = createColumnHelper<typeof features, CaseSummary>();

interface CellsProps {
  row: CaseSummary;
  specs: readonly ColumnSpec[];
  ctx: CellContext;
  isFocused: boolean;
  isSelected: boolean;
  viewers: readonly PresenceViewer[] | undefined;
  flag: AttentionFlag | undefined;
  snippet: SearchSnippet | null | undefined;
  onOpen(id: string): void;
  onToggleSelected(id: string): void;
}

/** A search snippet: where it was found, then the excerpt with the matched words marked. */
export function MatchSnippet({ snippet, label }: { snippet: SearchSnippet; label: string }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [from, to] of snippet.highlights) {
    if (from > at) parts.push(snippet.text.slice(at, from));
    parts.push(<mark key={from}>{snippet.text.slice(from, to)}</mark>);
    at = to;
  }
  if (at < snippet.text.length) parts.push(snippet.text.slice(at));
  return (
    <span className="match-snippet" data-field={snippet.field} title={snippet.text}>
      <span className="match-field">{label}: </span>
      {parts}
    </span>
  );
}

interface RowProps extends CellsProps {
  position: number;
  onFocus(id: string): void;
}

/**
 * Cells cut their text with an ellipsis to keep rows one line high; a plain-text cell (kind,
 * reason…) carries its whole text in `title`, so a long label, as Vietnamese ones often are, can
 * still be read in full. The reference cell is a link and shows its text whole.
 */
function isNameCell(id: string, row: CellsProps["row"]): boolean {
  return id === "parties" || (id === "assignee" && row.assigneeId !== null);
}

function cellTitle(
  spec: CellsProps["specs"][number],
  row: CellsProps["row"],
  ctx: CellsProps["ctx"],
) {
  if (spec.id === "reference") return undefined;
  if (spec.id === "parties") return `${row.complainantName} → ${row.respondentName}`;
  const value = spec.render(row, ctx);
  return typeof value === "string" ? value : undefined;
}

/**
 * A row's cells, apart from its <tr>: when filtering moves a row that stays on screen, only its
 * position (aria-rowindex) changes, and that re-renders the <tr> alone, not the cells.
 */
const QueueRowCells = memo(function QueueRowCells({
  row,
  specs,
  ctx,
  isFocused,
  isSelected,
  viewers,
  flag,
  snippet,
  onOpen,
  onToggleSelected,
}: CellsProps) {
  const id = row.id;
  return (
    <>
      <td className="select-col">
        <input
          type="checkbox"
          aria-label={ctx.labels.selectRow(row.reference)}
          checked={isSelected}
          onChange={() => onToggleSelected(id)}
        />
      </td>
      {specs.map((spec) => (
        <td
          key={spec.id}
          className={`col-${spec.id}`}
          title={cellTitle(spec, row, ctx)}
          // Names are data, shown as written (the pseudo-locale check reads text and titles).
          data-user-title={isNameCell(spec.id, row) ? "" : undefined}
          data-user-text={spec.id === "assignee" && row.assigneeId ? "" : undefined}
        >
          {spec.id === "reference" ? (
            <>
              <a
                href={`#/cases/${encodeURIComponent(id)}`}
                className="row-link"
                tabIndex={isFocused ? 0 : -1}
                onClick={(e) => {
                  e.preventDefault();
                  onOpen(id);
                }}
              >
                {spec.render(row, ctx)}
              </a>
              {/* Mounted only when someone is there: its i18n hook per row cost most of a
                  filtered row's mount (subscribe, then unsubscribe when filtered out). */}
              {viewers?.length ? <PresenceBadge viewers={viewers} /> : null}
            </>
          ) : spec.id === "status" && flag ? (
            // Two short lines in the 40 px row: the status, then what needs the agent.
            <span className="status-with-flag">
              {spec.render(row, ctx)}
              <span className="attention-flag" data-reason={flag.reason}>
                {ctx.labels.attention[flag.reason]}
              </span>
            </span>
          ) : spec.id === "parties" && snippet ? (
            <span className="parties-with-match">
              {spec.render(row, ctx)}
              <MatchSnippet snippet={snippet} label={ctx.labels.field[snippet.field] ?? ""} />
            </span>
          ) : (
            spec.render(row, ctx)
          )}
        </td>
      ))}
    </>
  );
});

const QueueRow = memo(function QueueRow({ position, onFocus, ...cells }: RowProps) {
  const { row, ctx, isFocused, isSelected, onOpen } = cells;
  const id = row.id;
  return (
    <tr
      data-case-id={id}
      aria-rowindex={position + 2}
      aria-selected={isSelected}
      className={`${isFocused ? "focused" : ""}${row.assigneeId === ctx.userId ? " mine" : ""}`}
      onClick={() => onFocus(id)}
      onDoubleClick={() => onOpen(id)}
    >
      <QueueRowCells {...cells} />
    </tr>
  );
});

const NO_NAMES: Readonly<Record<string, string>> = {};

export const QueueTable = memo(function QueueTable(props: QueueTableProps) {
  const { index, rows, sort, now, userId, focusedId, selectedIds } = props;
  const userNames = props.userNames ?? NO_NAMES;
  const { t } = useTranslation();
  const format = useFormatters();
  const scrollRef = useRef<HTMLDivElement>(null);

  const rowWindow = useRowWindow(scrollRef, rows.length, ROW_HEIGHT, OVERSCAN);
  const { scrollIntoView } = rowWindow;

  // Keep the focused row in view as j/k moves it.
  const focusedPosition = useMemo(() => {
    if (focusedId === null) return -1;
    const slot = index.slotOfId(focusedId);
    return slot === undefined ? -1 : rows.indexOf(slot);
  }, [focusedId, index, rows]);
  useEffect(() => {
    if (focusedPosition >= 0) scrollIntoView(focusedPosition);
  }, [focusedPosition, scrollIntoView]);

  const { columns: chosen, extraColumns } = props;
  const specs = useMemo(
    () => chooseColumns(columnSpecs(t), chosen, extraColumns),
    [t, chosen, extraColumns],
  );
  const labels = useMemo<CellLabels>(() => {
    const lookup = (prefix: "kind" | "reason" | "status", keys: readonly string[]) =>
      Object.fromEntries(keys.map((k) => [k, t(`${prefix}.${k}` as "kind.payment")]));
    return {
      kind: lookup("kind", ["p2p_trade", "payment"]),
      reason: lookup("reason", Object.keys(t("reason", { returnObjects: true }))),
      status: lookup("status", Object.keys(t("status", { returnObjects: true }))),
      second: t("stage.secondShort"),
      unassigned: t("queue.unassigned"),
      you: t("queue.you"),
      against: t("queue.against"),
      selectRow: fill(t("queue.selectRow", { reference: PLACEHOLDER })),
      sla: {
        paused: t("sla.paused"),
        warning: t("risk.warning"),
        overdue: fill(t("sla.overdue", { duration: PLACEHOLDER })),
        dueIn: fill(t("sla.dueIn", { duration: PLACEHOLDER })),
      },
      field: t("search.field", { returnObjects: true }) as Record<string, string>,
      attention: {
        evidence_deadline_passed: t("lifecycle.flagLapsed"),
        verification_overdue: t("lifecycle.flagVerification"),
      },
    };
  }, [t]);
  // Intl formatting is the dearest part of a cell; a row that scrolls or filters back into view
  // reuses its text. Keyed by the row object, which a change of the case replaces.
  const rowText = useMemo(() => {
    const texts = new WeakMap<CaseSummary, RowText>();
    return (row: CaseSummary): RowText => {
      let text = texts.get(row);
      if (!text) {
        text = {
          amount: format.amount(row.amount, row.currency),
          escalated: format.dateTime(row.escalatedAt),
        };
        texts.set(row, text);
      }
      return text;
    };
  }, [format]);
  const ctx = useMemo<CellContext>(
    () => ({
      now,
      userId,
      userNames,
      format,
      labels,
      text: rowText,
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
    [now, userId, userNames, format, index, labels, rowText],
  );

  // The table model holds the columns (headers); the rows are rendered below, memoised.
  const columns = useMemo(
    () =>
      helper.columns(
        specs.map((spec) =>
          helper.display({
            id: spec.id,
            header: spec.header,
            cell: (c) => spec.render(c.row.original, ctx),
          }),
        ),
      ),
    [specs, ctx],
  );
  const table = useTable({ features, columns, data: EMPTY, getRowId: (row) => row.id });

  const padTop = rowWindow.start * ROW_HEIGHT;
  const padBottom = (rows.length - rowWindow.end) * ROW_HEIGHT;
  const positions: number[] = [];
  for (let position = rowWindow.start; position < rowWindow.end; position++)
    positions.push(position);
  const allSelected = rows.length > 0 && selectedIds.size >= rows.length;
  const { onRowsInView } = props;
  const inView = positions.map((p) => index.get(rows[p] as number)?.id ?? "").join(" ");
  useEffect(() => {
    if (onRowsInView && inView) onRowsInView(inView.split(" "));
  }, [onRowsInView, inView]);
  const columnCount = specs.length + 1;

  return (
    <div ref={scrollRef} className="queue-scroll" data-testid="queue-scroll">
      <table
        className="queue-table"
        aria-label={props.label ?? t("queue.tableName")}
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
                const spec = specs.find((c) => c.id === id);
                if (!spec?.isSortable) {
                  return (
                    <th key={header.id} scope="col" className={`col-${id}`}>
                      <table.FlexRender header={header} />
                    </th>
                  );
                }
                const isSorted = sort.key === id;
                const ariaSort = isSorted
                  ? sort.isDescending
                    ? "descending"
                    : "ascending"
                  : "none";
                return (
                  <th key={header.id} scope="col" aria-sort={ariaSort} className={`col-${id}`}>
                    <button
                      type="button"
                      className="sort-button"
                      data-sorted={isSorted ? (sort.isDescending ? "desc" : "asc") : undefined}
                      onClick={() => props.onSort(id as SortKey)}
                    >
                      <table.FlexRender header={header} />
                    </button>
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
          {positions.map((position) => {
            const row = index.get(rows[position] as number);
            if (!row) return null;
            return (
              <QueueRow
                key={row.id}
                row={row}
                position={position}
                specs={specs}
                ctx={ctx}
                isFocused={row.id === focusedId}
                isSelected={selectedIds.has(row.id)}
                viewers={props.presence[row.id]}
                flag={props.flags?.[row.id]}
                snippet={props.snippets?.get(row.id)}
                onFocus={props.onFocus}
                onOpen={props.onOpen}
                onToggleSelected={props.onToggleSelected}
              />
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

const EMPTY: CaseSummary[] = [];
