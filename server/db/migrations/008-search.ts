import type { Migration } from "../migrate";

/**
 * Server-side search: one folded document per case (`shared/search/fold`, applied by the server,
 * so the database needs no accent or Chinese rules of its own), kept at the case's version and
 * refreshed before a search reads it. With `pg_trgm` (PostgreSQL contrib, PGlite's bundled
 * extension) a trigram GIN index serves the `like '%term%'` tests; where the extension cannot be
 * created the same queries scan the table.
 */
export const search: Migration = {
  id: "008-search",
  sql: `
create table case_search (
  case_id text primary key references cases(id) on delete cascade,
  version integer not null,
  document text not null
);
do $$ begin create extension if not exists pg_trgm; exception when others then raise notice 'pg_trgm unavailable: %', sqlerrm; end $$;
do $$ begin if exists (select 1 from pg_extension where extname = 'pg_trgm') then create index case_search_trgm_idx on case_search using gin (document gin_trgm_ops); end if; end $$;
`,
};
