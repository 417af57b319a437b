import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useStore } from "zustand";
import type { DeskData } from "../desk-data";
import { OPEN_STATUSES, type QueueFilter } from "../queue/queue-filter";
import { QueueFilters } from "../queue/queue-filters";
import { createQueueStore } from "../queue/queue-store";
import { QueueTable } from "../queue/queue-table";
import type { SavedViewsRepository } from "../queue/saved-views";

export type SupervisorQueueKind = "asked" | "second-stage";

/** What defines each supervisor queue: kept whatever else the supervisor filters on. */
const DEFINING: Record<SupervisorQueueKind, Partial<QueueFilter>> = {
  asked: { needsSupervisor: true },
  "second-stage": { stages: ["second"] },
};
/** What each queue opens on: its defining filter and the cases still open. */
export const SUPERVISOR_QUEUE_FILTERS: Record<SupervisorQueueKind, Partial<QueueFilter>> = {
  asked: { ...DEFINING.asked, statuses: OPEN_STATUSES },
  "second-stage": { ...DEFINING["second-stage"], statuses: ["second_stage", "supervisor_review"] },
};

/** Supervisor queues keep no saved views of their own (the agent queue's belong to it). */
const NO_VIEWS: SavedViewsRepository = { load: () => [], save: () => undefined };

/**
 * A supervisor work queue, on the agent queue's own store, index and table (sort by any column,
 * the same filters, SLA badges): "Asked to look" lists the cases agents escalated, with their
 * reason; the second-stage list the objections with their 10–20-day review clock.
 */
export function SupervisorQueue({
  kind,
  data,
  userId,
  onOpen,
}: {
  kind: SupervisorQueueKind;
  data: DeskData;
  userId: string;
  onOpen(caseId: string): void;
}) {
  const { t } = useTranslation();
  const store = useMemo(() => {
    const queue = createQueueStore({ data, views: NO_VIEWS, userId });
    queue.getState().setFilter(SUPERVISOR_QUEUE_FILTERS[kind]);
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
  const reasons = useEscalationReasons(kind === "asked" ? cases.map((c) => c.id) : [], data);
  const counts = { total: cases.length, breached: 0, warning: 0 };
  for (const slot of state.rows) {
    const risk = store.index.riskOf(slot, state.now);
    if (risk === "breached") counts.breached++;
    else if (risk === "warning") counts.warning++;
  }
  const title = t(kind === "asked" ? "supervisor.askedToLook" : "supervisor.secondStageAppeals");
  return (
    <section aria-label={title} className="supervisor-queue">
      <p className="queue-counts" role="status">
        {t("supervisor.queueCounts", counts)}
      </p>
      <QueueFilters
        filter={state.filter}
        onChange={(patch) => state.setFilter({ ...patch, ...DEFINING[kind] })}
      />
      <QueueTable
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
      {kind === "asked" && cases.length ? (
        <ul className="escalation-reasons" aria-label={t("supervisor.reasonsTitle")}>
          {cases.map((c) => (
            <li key={c.id}>
              <button type="button" className="link-button" onClick={() => onOpen(c.id)}>
                {c.reference}
              </button>{" "}
              {reasons[c.id] ?? t("common.loading")}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/**
 * Why each agent asked: the latest "supervisor requested" entry of the case's timeline. Each case
 * is observed (which fetches its detail when the desk has not cached it), so reasons arrive as
 * the details do and follow later changes.
 */
function useEscalationReasons(ids: readonly string[], data: DeskData): Record<string, string> {
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const key = ids.join(",");
  useEffect(() => {
    const wanted = key ? key.split(",") : [];
    const stops = wanted.map((id) =>
      data.observeCase(id, (view) => {
        const entry = view?.detail?.timeline
          .filter((e) => e.type === "supervisor_requested")
          .at(-1);
        if (!entry) return;
        const text = `${entry.summary} — ${entry.actor}`;
        setReasons((current) => (current[id] === text ? current : { ...current, [id]: text }));
      }),
    );
    return () => {
      for (const stop of stops) stop();
    };
  }, [key, data]);
  return reasons;
}
