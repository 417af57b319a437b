import type { User } from "@shared/domain/user";
import { type ContactRevealer, createCaseStore } from "../case-workspace/case-store";
import type { DeskData } from "../desk-data";
import { createEvidenceStore } from "../evidence/evidence-store";
import { createPresenceStore, NO_PRESENCE, type PresenceApi } from "../presence/presence-store";
import { createQueueStore } from "../queue/queue-store";
import { createLocalSavedViews } from "../queue/saved-views";
import { SearchClient, startSearchWorker, type WorkerPort } from "../search/search-client";
import { SearchDatabase, searchDatabaseName } from "../search/search-db";
import { startSearchSync } from "../search/search-sync";
import { createServerSearchStore, type ServerSearchDeps } from "../search/server-search-store";

/**
 * The agent's workstation for one signed-in user: the queue, the open case and its evidence,
 * all reading from and acting through that user's DeskData (cache + outbox), and who else has
 * which case open (presence, straight from the server: it is live or nothing, never cached),
 * and full-text search over every cached case's text, indexed in a worker.
 */
export interface WorkstationSearch {
  fetchDocuments: SearchSyncFetch;
  /** Server search (`GET /search`), for the cases this desk has not cached or indexed. */
  searchServer?: ServerSearchDeps["search"];
  /** Starts the worker to index in, once per `start()` (tests pass the worker core in-process). */
  worker?: () => WorkerPort;
}
type SearchSyncFetch = Parameters<typeof startSearchSync>[0]["fetchDocuments"];

export function createWorkstation(
  data: DeskData,
  user: User,
  reveal: ContactRevealer | null = null,
  presenceApi: PresenceApi | null = null,
  searchApi: WorkstationSearch | null = null,
) {
  // The client starts its worker in `start()` (its `open`) and ends it in `stop()`: a stopped
  // workstation holds no worker, and a started one always has a live one.
  const search = searchApi ? new SearchClient(searchApi.worker ?? startSearchWorker) : null;
  const queue = createQueueStore({
    data,
    views: createLocalSavedViews(),
    userId: user.id,
    ...(search ? { search } : {}),
  });
  let searchSync: ReturnType<typeof startSearchSync> | null = null;
  const serverSearch = searchApi?.searchServer
    ? createServerSearchStore({
        search: searchApi.searchServer,
        isOnline: () => typeof navigator === "undefined" || navigator.onLine,
      })
    : null;
  const caseStore = createCaseStore(data, reveal);
  const evidence = createEvidenceStore(data);
  // Presence is online-only and best effort: without an API (tests) nobody is shown.
  const presence = presenceApi
    ? createPresenceStore({ api: presenceApi, userId: user.id })
    : NO_PRESENCE;
  let stopListening: (() => void) | null = null;
  return {
    user,
    queue,
    caseStore,
    evidence,
    presence,
    search,
    serverSearch,
    start: () => {
      stopListening?.();
      stopListening = presenceApi ? presence.getState().listen() : null;
      if (search && searchApi && !searchSync) {
        const name = searchDatabaseName(user.id);
        // Not awaited: the queue is usable while the worker indexes what the database holds.
        void search.open(name);
        searchSync = startSearchSync({
          data,
          fetchDocuments: searchApi.fetchDocuments,
          db: new SearchDatabase(name),
          client: search,
        });
      }
      return queue.getState().start();
    },
    stop() {
      stopListening?.();
      stopListening = null;
      searchSync?.stop();
      searchSync = null;
      serverSearch?.getState().stop();
      search?.close();
      queue.getState().stop();
      caseStore.getState().close();
      evidence.getState().reset();
    },
  };
}

export type Workstation = ReturnType<typeof createWorkstation>;
