/**
 * One case as the workspace reads it: from the cache at once (with the agent's pending actions on
 * top), then refreshed from the server in the background.
 */
import type { CaseDetail } from "@shared/domain/appeal";
import type { CaseView } from "../contract";
import { projectDetail } from "../outbox/outbox-logic";
import type { ChangeBus } from "../session/change-bus";
import type { SyncApi } from "../sync/sync-api";
import { applyServerDetail, serverSummaryOf } from "./case-cache";
import { getCase } from "./case-store";
import { type DeskDatabase, toSummary } from "./desk-db";

export interface CaseReader {
  caseView(id: string): Promise<CaseView | undefined>;
  /** Fetches the detail and stores it when newer; offline or cancelled, the cached view stands. */
  refreshCase(id: string, signal?: AbortSignal): Promise<void>;
  /** Live view of one case; fetches the detail when missing, and again once per newer version. */
  observeCase(
    id: string,
    listener: (view: CaseView | undefined) => void,
    onError: (error: unknown) => void,
  ): () => void;
}

export function createCaseReader(db: DeskDatabase, api: SyncApi, bus: ChangeBus): CaseReader {
  const caseView = async (id: string): Promise<CaseView | undefined> => {
    const [row, cached, queued] = await Promise.all([
      getCase(db, id),
      db.details.get(id),
      db.outbox.where("caseId").equals(id).sortBy("seq"),
    ]);
    if (!row) return undefined;
    const server = serverSummaryOf(row);
    return {
      detail: cached ? projectDetail(cached.detail, queued) : null,
      summary: toSummary(row),
      queued,
      isStale: !cached || cached.detail.version < server.version,
    };
  };

  const refreshCase = async (id: string, signal?: AbortSignal): Promise<void> => {
    try {
      const detail: CaseDetail = await api.getCase(id, signal);
      if (await applyServerDetail(db, detail)) bus.announce([id]);
    } catch {
      // Offline or cancelled: the cached view stands; the status bar shows the network state.
    }
  };

  return {
    caseView,
    refreshCase,
    observeCase(id, listener, onError) {
      const refresh = new AbortController();
      void refreshCase(id, refresh.signal);
      // A change that arrives while the case is open (a deadline job, another desk, the platform)
      // updates its summary; the detail is fetched again once per newer version, so the clocks,
      // timeline and requests on screen follow without a reload.
      let fetchedFor = 0;
      const unsubscribe = bus.observe(
        () => caseView(id),
        (view) => {
          if (view?.detail && view.isStale && view.summary.version > fetchedFor) {
            fetchedFor = view.summary.version;
            void refreshCase(id, refresh.signal);
          }
          listener(view);
        },
        onError,
      );
      return () => {
        refresh.abort();
        unsubscribe();
      };
    },
  };
}
