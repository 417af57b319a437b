import { CHANGES_CHANNEL } from "../../journal/journal";
import type { Migration } from "../migrate";
import { initial } from "./001-initial";
import { arbitration } from "./002-arbitration";
import { idempotencyText } from "./003-idempotency-text";
import { journalAtCommit } from "./004-journal-at-commit";
import { deadlinesOutbox } from "./006-deadlines-outbox";

/** Every migration, in the order it is applied. Append only. */
export const MIGRATIONS: readonly Migration[] = [
  initial,
  arbitration,
  idempotencyText,
  journalAtCommit(CHANGES_CHANNEL),
  deadlinesOutbox,
];
