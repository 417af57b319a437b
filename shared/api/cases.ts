import { z } from "zod";
import { CaseKind, CaseStage, CaseStatus, CaseSummary } from "../domain/appeal";

export const MAX_PAGE_SIZE = 500;

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
