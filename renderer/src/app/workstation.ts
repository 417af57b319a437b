import type { User } from "@shared/domain/user";
import { type ContactRevealer, createCaseStore } from "../case-workspace/case-store";
import { createEvidenceStore } from "../evidence/evidence-store";
import { createPresenceStore, NO_PRESENCE, type PresenceApi } from "../presence/presence-store";
import { createQueueStore } from "../queue/queue-store";
import { createLocalSavedViews } from "../queue/saved-views";
import type { DeskData } from "../sync/index";

/**
 * The agent's workstation for one signed-in user: the queue, the open case and its evidence,
 * all reading from and acting through that user's DeskData (cache + outbox), and who else has
 * which case open (presence, straight from the server: it is live or nothing, never cached).
 */
export function createWorkstation(
  data: DeskData,
  user: User,
  reveal: ContactRevealer | null = null,
  presenceApi: PresenceApi | null = null,
) {
  const queue = createQueueStore({ data, views: createLocalSavedViews(), userId: user.id });
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
    start: () => {
      stopListening?.();
      stopListening = presenceApi ? presence.getState().listen() : null;
      return queue.getState().start();
    },
    stop() {
      stopListening?.();
      stopListening = null;
      queue.getState().stop();
      caseStore.getState().close();
      evidence.getState().reset();
    },
  };
}

export type Workstation = ReturnType<typeof createWorkstation>;
