import { PresenceEvent } from "@shared/api/events";
import {
  type CasePresence,
  PRESENCE_HEARTBEAT_MS,
  type PresenceState,
  type PresenceViewer,
} from "@shared/api/presence";
import { createStore } from "zustand/vanilla";
import { openEventStream } from "../desk-data";

/** What presence needs from the API client. */
export interface PresenceApi {
  announce(caseId: string, state: PresenceState): Promise<CasePresence>;
  /** Says `closed` from a page that is going away (the desk closed with the case open). */
  leaveOnExit?(caseId: string): void;
  /** URL and headers of the live event stream (`GET /events`). */
  eventStream(): { url: string; headers: () => Record<string, string> };
}

// State
export interface PresenceStoreState {
  /**
   * Other people who have each case open, by case id; the signed-in user is left out (one's own
   * presence is no news). A case nobody else has open has no entry. Each list is replaced, never
   * changed in place, so a row that shows it re-renders only when its own case's list changed.
   */
  others: Readonly<Record<string, readonly PresenceViewer[]>>;
}

// Actions
export interface PresenceActions {
  /** Takes the server's word for who has `caseId` open (a live event or a heartbeat's answer). */
  receive(caseId: string, viewers: readonly PresenceViewer[]): void;
  /** Opens the live `presence` stream; returns its stop. */
  listen(): () => void;
  /**
   * Says "I have this case open" now and every PRESENCE_HEARTBEAT_MS until the returned function
   * is called, which says "closed". Failures (offline) are ignored: the server's expiry is what
   * makes a silent desk disappear, so nothing here needs to be reliable.
   */
  watch(caseId: string): () => void;
}

export type PresenceStore = ReturnType<typeof createPresenceStore>;

export interface PresenceDeps {
  api: PresenceApi;
  userId: string;
  heartbeatMs?: number;
  openStream?: typeof openEventStream;
}

const MAX_RECONNECT_MS = 30_000;

export function createPresenceStore({
  api,
  userId,
  heartbeatMs = PRESENCE_HEARTBEAT_MS,
  openStream = openEventStream,
}: PresenceDeps) {
  return createStore<PresenceStoreState & PresenceActions>()((set, get) => {
    const receive = (caseId: string, viewers: readonly PresenceViewer[]) => {
      const others = viewers.filter((viewer) => viewer.userId !== userId);
      const current = get().others[caseId];
      if (!current && others.length === 0) return;
      if (current && sameViewers(current, others)) return;
      const next = { ...get().others };
      if (others.length) next[caseId] = others;
      else delete next[caseId];
      set({ others: next });
    };

    const announce = (caseId: string, state: PresenceState) =>
      api.announce(caseId, state).then(
        (answer) => receive(answer.caseId, answer.viewers),
        () => undefined,
      );

    return {
      others: {},
      receive,

      listen() {
        const { url, headers } = api.eventStream();
        const stream = openStream({
          url: `${url}?types=presence`,
          headers,
          // The server starts every stream with who has what open now; what was known before the
          // (re)connection may be stale (people left meanwhile), so it is dropped first.
          onOpen: () => set({ others: {} }),
          onEvent: (message) => {
            if (message.event !== "presence") return;
            let json: unknown;
            try {
              json = JSON.parse(message.data);
            } catch {
              return;
            }
            const event = PresenceEvent.safeParse(json);
            if (event.success) receive(event.data.caseId, event.data.viewers);
          },
          reconnectDelay: (attempt, serverRetryMs) =>
            Math.min(MAX_RECONNECT_MS, (serverRetryMs ?? 1_000) * 2 ** Math.max(0, attempt - 1)),
        });
        return () => stream.stop();
      },

      watch(caseId) {
        void announce(caseId, "open");
        const timer = setInterval(() => void announce(caseId, "open"), heartbeatMs);
        // Closing the desk unmounts nothing: without this the others would see us for a minute.
        const onExit = () => api.leaveOnExit?.(caseId);
        globalThis.addEventListener?.("pagehide", onExit);
        return () => {
          clearInterval(timer);
          globalThis.removeEventListener?.("pagehide", onExit);
          void announce(caseId, "closed");
        };
      },
    };
  });
}

function sameViewers(a: readonly PresenceViewer[], b: readonly PresenceViewer[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (viewer, i) => viewer.userId === b[i]?.userId && viewer.displayName === b[i]?.displayName,
    )
  );
}

/** A store with nobody in it, for screens shown without live presence (tests, benches). */
export const NO_PRESENCE: PresenceStore = createPresenceStore({
  api: {
    announce: (caseId) => Promise.resolve({ caseId, viewers: [] }),
    eventStream: () => ({ url: "", headers: () => ({}) }),
  },
  userId: "",
});
