import { z } from "zod";
import {
  CaseId,
  CaseKind,
  CaseReference,
  CaseStatus,
  DecisionOutcome,
  PartyRole,
} from "../domain/appeal";

/**
 * What the platform knows of a party's account, sent with a filing when it has it (each fact
 * may be missing): how old the account is, how many trades it completed, its KYC level
 * (0 none … 3 the platform's highest). Stored with the party; shown beside its other appeals.
 */
export const PartyAccount = z.strictObject({
  openedAt: z.iso.datetime({ offset: true }).nullable().default(null),
  completedTrades: z.number().int().min(0).max(100_000_000).nullable().default(null),
  kycLevel: z.number().int().min(0).max(3).nullable().default(null),
});
export type PartyAccount = z.infer<typeof PartyAccount>;

/** Another appeal the party (or the same order) was in, with how it ended. */
export const RelatedAppeal = z.object({
  id: CaseId,
  reference: CaseReference,
  kind: CaseKind,
  status: CaseStatus,
  /** The last decision's outcome; null while undecided. */
  outcome: DecisionOutcome.nullable(),
  filedAt: z.iso.datetime(),
  /** The side this party had in that appeal (for linked cases: the case's own complainant). */
  role: PartyRole,
});
export type RelatedAppeal = z.infer<typeof RelatedAppeal>;

export const PartyContext = z.object({
  role: PartyRole,
  externalUserId: z.string(),
  displayName: z.string(),
  account: PartyAccount.nullable(),
  /** The party's other appeals (same platform user id), newest first, at most `RELATED_LIMIT`. */
  otherAppeals: z.array(RelatedAppeal),
});
export type PartyContext = z.infer<typeof PartyContext>;

/** `GET /cases/:id/context`: the parties' history and the cases on the same order/transaction. */
export const CaseContext = z.object({
  caseId: CaseId,
  parties: z.array(PartyContext),
  /** Other appeals on the same order id or payment transaction id, newest first. */
  linked: z.array(RelatedAppeal.extend({ link: z.enum(["order", "transaction"]) })),
});
export type CaseContext = z.infer<typeof CaseContext>;

export const RELATED_LIMIT = 20;
