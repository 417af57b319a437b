import type { User } from "@shared/domain/user";
import { type ContactRevealer, createCaseStore } from "../case-workspace/case-store";
import { createEvidenceStore } from "../evidence/evidence-store";
import { createQueueStore } from "../queue/queue-store";
import { createLocalSavedViews } from "../queue/saved-views";
import type { DeskData } from "../sync/index";

/**
 * The agent's workstation for one signed-in user: the queue, the open case and its evidence,
 * all reading from and acting through that user's DeskData (cache + outbox).
 */
export function createWorkstation(
  data: DeskData,
  user: User,
  reveal: ContactRevealer | null = null,
) {
  const queue = createQueueStore({ data, views: createLocalSavedViews(), userId: user.id });
  const caseStore = createCaseStore(data, reveal);
  const evidence = createEvidenceStore(data);
  return {
    user,
    queue,
    caseStore,
    evidence,
    start: () => queue.getState().start(),
    stop() {
      queue.getState().stop();
      caseStore.getState().close();
      evidence.getState().reset();
    },
  };
}

export type Workstation = ReturnType<typeof createWorkstation>;
