import type { CaseSummary } from "@shared/domain/appeal";
import { type ReactNode, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useStore } from "zustand";
import type { DeskData } from "../desk-data";
import { useFormatters } from "../i18n/format";
import type { SortKey } from "../queue/queue-filter";
import { QueueFilters } from "../queue/queue-filters";
import { createQueueStore } from "../queue/queue-store";
import { type ExtraColumn, QueueTable } from "../queue/queue-table";
import type { SavedViewsRepository } from "../queue/saved-views";
import {
  type AskedToLook,
  askedToLookOf,
  constrainFilter,
  initialQueueFilter,
  queueCounts,
  type SupervisorQueueKind,
} from "./supervisor-queue-logic";

export type { SupervisorQueueKind } from "./supervisor-queue-logic";

/** Supervisor queues keep no saved views of their own (the agent queue's belong to it). */
const NO_VIEWS: SavedViewsRepository = { load: () => [], save: () => undefined };

/** The agent queue's columns each supervisor queue shows (its own follow). */
const QUEUE_COLUMNS: Record<SupervisorQueueKind, readonly SortKey[]> = {
  asked: ["reference", "status", "amount", "parties", "sla"],
  "second-stage": ["reference", "kind", "amount", "parties", "status", "sla"],
};

/** What the toolbar of a queue works on: the rows shown, in their order, and the selection. */
export interface QueueToolbarInput {
  rows: readonly CaseSummary[];
  selectedIds: readonly string[];
}

/**
 * A supervisor work queue, on the agent queue's own store, index and table (sort by any of its
 * columns, the same filters, SLA badges): "Asked to look" lists the cases agents escalated, with
 * their reason, who asked and when; the second-stage list the objections with their 10–20-day
 * review clock (the SLA column: the server's reading of `shared/sla/case-clocks.ts`). Closed
 * cases never show, whatever the filters say.
 */
export function SupervisorQueue({
  kind,
  data,
  userId,
  userNames,
  onOpen,
  toolbar,
}: {
  kind: SupervisorQueueKind;
  data: DeskData;
  userId: string;
  userNames: Record<string, string>;
  onOpen(caseId: string): void;
  toolbar?(input: QueueToolbarInput): ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const store = useMemo(() => {
    const queue = createQueueStore({ data, views: NO_VIEWS, userId });
    queue.getState().setFilter(initialQueueFilter(kind));
    return queue;
  }, [data, userId, kind]);
  useEffect(() => {
    void store.getState().start();
    const tick = setInterval(() => store.getState().tick(Date.now()), 60_000);
    return () => {
      clearInterval(tick);
      store.getState().stop();
    };
  }, [store]);
  const state = useStore(store);
  const cases = state.rows.map((slot) => store.index.get(slot)).filter((c) => c !== undefined);
  const asked = useAskedToLook(kind === "asked" ? cases.map((c) => c.id) : [], data);
  const counts = queueCounts(state.rows.map((slot) => store.index.riskOf(slot, state.now)));

  const extraColumns = useMemo((): ExtraColumn[] => {
    const assignee: ExtraColumn = {
      id: "assignedTo",
      header: t(
        kind === "asked"
          ? "supervisorQueues.columns.assignee"
          : "supervisorQueues.columns.reviewer",
      ),
      render: (row) =>
        row.assigneeId ? (
          <span data-user-text="" title={userNames[row.assigneeId] ?? row.assigneeId}>
            {userNames[row.assigneeId] ?? row.assigneeId}
          </span>
        ) : (
          <span className="muted">{t("queue.unassigned")}</span>
        ),
    };
    if (kind !== "asked") return [assignee];
    const pending = <span className="muted">{t("common.loading")}</span>;
    return [
      assignee,
      {
        id: "askedReason",
        header: t("supervisorQueues.columns.reason"),
        render: (row) => {
          const entry = asked[row.id];
          return entry ? (
            <span className="asked-reason" title={entry.reason} data-user-text="">
              {entry.reason}
            </span>
          ) : (
            pending
          );
        },
      },
      {
        id: "askedBy",
        header: t("supervisorQueues.columns.askedBy"),
        render: (row) => {
          const askedBy = asked[row.id]?.askedBy;
          return askedBy ? <span data-user-text="">{askedBy}</span> : pending;
        },
      },
      {
        id: "askedAt",
        header: t("supervisorQueues.columns.askedAt"),
        render: (row) => {
          const entry = asked[row.id];
          return entry ? (
            <time dateTime={entry.askedAt}>{format.dateTime(entry.askedAt)}</time>
          ) : (
            pending
          );
        },
      },
    ];
  }, [kind, asked, userNames, t, format]);

  const title = t(kind === "asked" ? "supervisor.askedToLook" : "supervisor.secondStageAppeals");
  return (
    <section aria-label={title} className="supervisor-queue">
      <header className="supervisor-queue-header">
        <h2>{title}</h2>
        <p className="queue-counts" role="status">
          {t("supervisor.queueCounts", { ...counts })}
        </p>
      </header>
      {toolbar ? toolbar({ rows: cases, selectedIds: [...state.selectedIds] }) : null}
      <QueueFilters
        filter={state.filter}
        onChange={(patch) => state.setFilter(constrainFilter(kind, patch))}
      />
      <QueueTable
        label={t(kind === "asked" ? "supervisorQueues.askedTable" : "supervisor.secondStageQueue")}
        columns={QUEUE_COLUMNS[kind]}
        extraColumns={extraColumns}
        index={store.index}
        rows={state.rows}
        revision={state.revision}
        sort={state.sort}
        now={state.now}
        userId={userId}
        focusedId={state.focusedId}
        selectedIds={state.selectedIds}
        presence={{}}
        onSort={state.sortBy}
        onFocus={state.focus}
        onOpen={onOpen}
        onToggleSelected={state.toggleSelected}
        onSelectAll={(checked) => state.setSelected(checked ? cases.map((c) => c.id) : [])}
      />
    </section>
  );
}

/**
 * Why each agent asked: the latest "supervisor requested" entry of the case's timeline. Each case
 * is observed (which fetches its detail when the desk has not cached it), so reasons arrive as
 * the details do and follow later changes.
 */
function useAskedToLook(ids: readonly string[], data: DeskData): Record<string, AskedToLook> {
  const [asked, setAsked] = useState<Record<string, AskedToLook>>({});
  const key = ids.join(",");
  useEffect(() => {
    const wanted = key ? key.split(",") : [];
    const stops = wanted.map((id) =>
      data.observeCase(id, (view) => {
        const entry = view?.detail ? askedToLookOf(view.detail) : null;
        if (!entry) return;
        setAsked((current) => {
          const known = current[id];
          return known?.askedAt === entry.askedAt && known.reason === entry.reason
            ? current
            : { ...current, [id]: entry };
        });
      }),
    );
    return () => {
      for (const stop of stops) stop();
    };
  }, [key, data]);
  return asked;
}
