import { z } from "zod";
import { CaseId, CaseKind, CaseStage, CaseStatus, CaseSummary } from "../domain/appeal";

export const MAX_PAGE_SIZE = 500;
/**
 * The changes feed pages further than lists: a desk's initial fill reads the whole feed (100,000
 * summaries is 200 round trips at 500, and the reference server joins each page against the whole
 * cases table), and a page is only summaries, ~0.6 KB each.
 */
export const MAX_CHANGES_PAGE_SIZE = 10_000;

/**
 * SLA breach risk, relative to the time of the request: `breached` once the earliest running
 * deadline (`dueAt`) has passed, `at_risk` from its warning instant (`warnAt`) until then, `on_track`
 * otherwise (including cases with no running clock).
 */
export const BreachRisk = z.enum(["on_track", "at_risk", "breached"]);
export type BreachRisk = z.infer<typeof BreachRisk>;

/**
 * Query of `GET /api/v1/cases`. Repeated filters are comma-separated (`status=escalated,in_review`).
 * `assignee` takes a user id, `me` or `none`.
 */
export const ListCasesQuery = z.object({
  status: z
    .string()
    .transform((s) => s.split(",").filter(Boolean))
    .pipe(z.array(CaseStatus))
    .optional(),
  stage: CaseStage.optional(),
  kind: CaseKind.optional(),
  assignee: z.string().min(1).max(64).optional(),
  risk: z
    .string()
    .transform((s) => s.split(",").filter(Boolean))
    .pipe(z.array(BreachRisk))
    .optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(100),
  cursor: z.string().max(512).optional(),
});
export type ListCasesQuery = z.infer<typeof ListCasesQuery>;

export const CasePage = z.object({
  items: z.array(CaseSummary),
  /** Opaque; absent on the last page. */
  nextCursor: z.string().nullable(),
});
export type CasePage = z.infer<typeof CasePage>;

/** Query of `GET /api/v1/cases/changes`. Without `since`, the feed starts from the beginning. */
export const ChangesQuery = z.object({
  since: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_CHANGES_PAGE_SIZE).default(200),
});
export type ChangesQuery = z.infer<typeof ChangesQuery>;

/** A case created or changed: its summary as of this change (later changes carry later ones). */
export const CaseUpsert = z.object({ type: z.literal("upsert"), case: CaseSummary });
/** A case removed (redacted): the desk drops it and everything cached about it. */
export const CaseTombstone = z.object({
  type: z.literal("tombstone"),
  id: CaseId,
  reason: z.string().max(2_000),
});
export const CaseChange = z.discriminatedUnion("type", [CaseUpsert, CaseTombstone]);
export type CaseChange = z.infer<typeof CaseChange>;

/**
 * One page of the delta feed, in commit order: a change is listed after every change that committed
 * before it, and a reader that stores `cursor` and asks again never misses one. Each case appears
 * at most once per page, at the position of its latest change in the page.
 */
export const ChangesPage = z.object({
  changes: z.array(CaseChange),
  /** Opaque; pass as `since` next time. Unchanged when there was nothing new. */
  cursor: z.string(),
  /** More changes are waiting: ask again at once with the new cursor. */
  hasMore: z.boolean(),
});
export type ChangesPage = z.infer<typeof ChangesPage>;

export const CaseIdParams = z.object({ id: CaseId });
