import type { Migration } from "../migrate";

/**
 * Canned replies and decision macros (`shared/api/replies.ts`). `seq` is the change sequence of a
 * row's last write, taken from `replies_seq` under one advisory lock per writing transaction
 * (`server/replies/repository.ts`), so sequences commit in order and a desk that asks for
 * "since n" never misses a write. Archived rows stay: desks learn of the archive by the feed.
 */
export const replies: Migration = {
  id: "012-replies",
  sql: `
create sequence replies_seq;
create table replies (
  id text primary key,
  kind text not null check (kind in ('reply', 'decision_macro')),
  title text not null,
  bodies jsonb not null,
  outcome text,
  tags jsonb not null default '[]'::jsonb,
  archived boolean not null default false,
  version integer not null default 1,
  seq bigint not null,
  updated_at timestamptz not null default now(),
  updated_by text not null
);
create index replies_seq_idx on replies (seq);
`,
};
