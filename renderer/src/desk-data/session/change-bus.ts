/**
 * How the desk data layer tells its readers that the cache changed: listeners of this window, and
 * the other windows of the profile through a BroadcastChannel (the leader window writes; the others
 * read the same IndexedDB and need to know when to read again).
 */
import type { Unsubscribe } from "../contract";

/** What the windows of a profile tell each other about cache writes. */
export interface ChangeMessage {
  ids: readonly string[];
  /**
   * The outbox grew in the sending window. The leader may be another window, asleep until its next
   * poll: the message wakes its loop so the action is pushed at once.
   */
  hasNewAction: boolean;
}

export interface ChangeBus {
  /** Tells this window and the others that these cases changed (`"all"`: everything). */
  announce(ids: readonly string[], hasNewAction?: boolean): void;
  /** Tells only this window (a wipe: the other windows have their own session to end). */
  emitLocal(ids: readonly string[]): void;
  onCasesChanged(listener: (ids: readonly string[]) => void): Unsubscribe;
  /**
   * A live query: run now, and again after every change announced here or by another window.
   * Our own bus rather than Dexie's `liveQuery`: every writer is ours, and it behaves the same in
   * Node tests as in the browser. Re-runs are coalesced per macrotask, so a burst of writes costs
   * one query.
   */
  observe<T>(
    query: () => Promise<T>,
    listener: (value: T) => void,
    onError: (error: unknown) => void,
  ): Unsubscribe;
  close(): void;
}

/** `onRemote` runs for each message of another window, after this window's readers were told. */
export function createChangeBus(
  userId: string,
  onRemote: (message: ChangeMessage) => void,
): ChangeBus {
  const listeners = new Set<(ids: readonly string[]) => void>();
  const watchers = new Set<() => void>();
  const channel =
    typeof BroadcastChannel === "function"
      ? new BroadcastChannel(`arbiter-desk-changes:${userId}`)
      : null;
  const emitLocal = (ids: readonly string[]) => {
    for (const listener of listeners) listener(ids);
    for (const watcher of watchers) watcher();
  };
  if (channel) {
    channel.onmessage = (event: MessageEvent<ChangeMessage>) => {
      emitLocal(event.data.ids);
      onRemote(event.data);
    };
  }
  return {
    emitLocal,
    announce(ids, hasNewAction = false) {
      emitLocal(ids);
      channel?.postMessage({ ids, hasNewAction } satisfies ChangeMessage);
    },
    onCasesChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    observe(query, listener, onError) {
      let isClosed = false;
      let isScheduled = false;
      const rerun = () => {
        if (isScheduled || isClosed) return;
        isScheduled = true;
        setTimeout(() => {
          isScheduled = false;
          if (isClosed) return;
          query().then((value) => !isClosed && listener(value), onError);
        }, 0);
      };
      watchers.add(rerun);
      rerun();
      return () => {
        isClosed = true;
        watchers.delete(rerun);
      };
    },
    close: () => channel?.close(),
  };
}
