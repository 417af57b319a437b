import { z } from "zod";
import { CaseId, CaseSummary } from "../domain/appeal";

/**
 * Where a piece of searchable text comes from: what a hit's snippet says it matched in.
 * Everything an agent reads on a case: ids, names, contacts, the parties' words, the chat,
 * CS messages, internal notes, evidence files.
 */
export const SearchField = z.enum([
  "reference",
  "order_id",
  "transaction_id",
  "party_name",
  "user_id",
  "phone",
  "statement",
  "chat",
  "cs_message",
  "note",
  "evidence",
]);
export type SearchField = z.infer<typeof SearchField>;

export const SearchPiece = z.object({ field: SearchField, text: z.string().max(10_000) });
export type SearchPiece = z.infer<typeof SearchPiece>;

/**
 * The searchable text of one case at one version, in its original form (folding happens where it
 * is indexed, with `shared/search/fold`, so snippets can show the words as written).
 */
export const SearchDocument = z.object({
  caseId: CaseId,
  version: z.number().int().positive(),
  pieces: z.array(SearchPiece),
});
export type SearchDocument = z.infer<typeof SearchDocument>;

/** `POST /search/documents`: the desk asks for the documents of cases it caches. */
export const SearchDocumentsRequest = z.object({
  ids: z.array(CaseId).min(1).max(200),
});
export type SearchDocumentsRequest = z.infer<typeof SearchDocumentsRequest>;

export const SearchDocumentsResponse = z.object({ items: z.array(SearchDocument) });
export type SearchDocumentsResponse = z.infer<typeof SearchDocumentsResponse>;

/** Why a case matched: an excerpt of one piece, with the matched spans (UTF-16 offsets). */
export const SearchSnippet = z.object({
  field: SearchField,
  text: z.string(),
  /** `[start, end)` pairs into `text`, ascending, not overlapping. */
  highlights: z.array(z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])),
});
export type SearchSnippet = z.infer<typeof SearchSnippet>;

export const SearchQuery = z.object({
  q: z.string().trim().min(1, "a search text").max(200),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

export const SearchHit = z.object({ case: CaseSummary, snippet: SearchSnippet.nullable() });
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResponse = z.object({ items: z.array(SearchHit) });
export type SearchResponse = z.infer<typeof SearchResponse>;
