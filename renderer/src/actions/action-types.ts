import type { DeskAction, OutboxEntry } from "../sync/index";

/** One of the desk's mutations with its typed body, as the forms build it for the outbox. */
export type WorkstationAction = DeskAction;

/** An action as the outbox holds it while unacknowledged. */
export type QueuedAction = OutboxEntry;
