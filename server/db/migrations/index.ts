import { CHANGES_CHANNEL } from "../../journal/journal";
import type { Migration } from "../migrate";
import { initial } from "./001-initial";
import { arbitration } from "./002-arbitration";
import { idempotencyText } from "./003-idempotency-text";
import { journalAtCommit } from "./004-journal-at-commit";
import { decisionRecord } from "./005-decision-record";
import { deadlinesOutbox } from "./006-deadlines-outbox";
import { maskStoredReplays } from "./007-mask-stored-replays";
import { eventTickets } from "./007b-event-tickets";
import { search } from "./008-search";
import { deadlineWarnings } from "./009-deadline-warnings";
import { appRole } from "./010-app-role";
import { signInFailures } from "./010b-sign-in-failures";
import { partyAccount } from "./011-party-account";
import { replies } from "./012-replies";
import { routing } from "./013-routing";

/** Every migration, in the order it is applied. Append only. */
export const MIGRATIONS: readonly Migration[] = [
  initial,
  arbitration,
  idempotencyText,
  journalAtCommit(CHANGES_CHANNEL),
  decisionRecord,
  deadlinesOutbox,
  maskStoredReplays,
  eventTickets,
  search,
  deadlineWarnings,
  appRole,
  signInFailures,
  partyAccount,
  replies,
  routing,
];
