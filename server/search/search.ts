import type { SearchHit } from "@shared/search/document";
import { foldForSearch, queryTerms } from "@shared/search/fold";
import { snippetFor } from "@shared/search/snippet";
import { CASE_SUMMARY_COLUMNS, type CaseSummaryRow, toCaseSummary } from "../cases/repository";
import type { Queryable } from "../db/database";
import { loadSearchDocuments } from "./documents";

/** Cases refreshed per round trip while bringing the folded documents up to date. */
const REFRESH_BATCH = 500;

/**
 * Brings `case_search` up to every case's current version: the documents of cases that changed
 * (or are new) since they were last folded are rebuilt. Run before each search, so a search never
 * misses a message that arrived a moment ago; a write path needs no hook. Concurrent refreshes
 * are safe: the newer version wins.
 */
export async function refreshSearchDocuments(db: Queryable): Promise<number> {
  let refreshed = 0;
  for (;;) {
    const stale = await db.query<{ id: string }>(
      `select c.id from cases c left join case_search s on s.case_id = c.id
       where s.case_id is null or s.version <> c.version
       limit ${REFRESH_BATCH}`,
    );
    if (stale.length === 0) return refreshed;
    const documents = await loadSearchDocuments(
      db,
      stale.map((row) => row.id),
    );
    if (documents.length === 0) return refreshed;
    await db.query(
      `insert into case_search (case_id, version, document)
         select * from unnest($1::text[], $2::int[], $3::text[])
       on conflict (case_id) do update set version = excluded.version, document = excluded.document
         where case_search.version <= excluded.version`,
      [
        documents.map((d) => d.caseId),
        documents.map((d) => d.version),
        documents.map((d) => foldForSearch(d.pieces.map((p) => p.text).join("\n"))),
      ],
    );
    refreshed += documents.length;
    if (stale.length < REFRESH_BATCH) return refreshed;
  }
}

/** `%term%` for LIKE: folded terms hold letters and digits only, escaped all the same. */
const pattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Cases whose folded text holds every term of `query`, most urgent first (the queue's order),
 * each with the snippet that shows why it matched.
 */
export async function searchCases(
  db: Queryable,
  query: string,
  limit: number,
): Promise<SearchHit[]> {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  await refreshSearchDocuments(db);
  const rows = await db.query<CaseSummaryRow>(
    `select ${CASE_SUMMARY_COLUMNS} from cases
     where id in (select case_id from case_search where document like all($1::text[]))
     order by coalesce(escalated_at, 'infinity'::timestamptz), id
     limit $2`,
    [terms.map(pattern), limit],
  );
  const documents = await loadSearchDocuments(
    db,
    rows.map((row) => row.id),
  );
  const piecesOf = new Map(documents.map((d) => [d.caseId, d.pieces]));
  return rows.map((row) => ({
    case: toCaseSummary(row),
    snippet: snippetFor(piecesOf.get(row.id) ?? [], terms),
  }));
}
