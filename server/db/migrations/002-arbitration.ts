import type { Migration } from "../migrate";

/**
 * The full arbitration API: lifecycle columns, case work (notes, calls, evidence requests),
 * content-addressed evidence bytes, database-enforced idempotency, the commit-ordered changes feed
 * and the hash-chained audit log.
 *
 * Function bodies are written on one line: the migrator splits statements on a semicolon at a
 * line end.
 */
export const arbitration: Migration = {
  id: "002-arbitration",
  sql: `
alter table cases add column priority text not null default 'normal';
alter table cases add column due_at timestamptz;
alter table cases add column warn_at timestamptz;
alter table cases add column needs_supervisor boolean not null default false;
alter table cases add column respondent_deadline timestamptz;
alter table cases add column order_ref text;
alter table cases add column cancelled_at timestamptz;
alter table cases add column first_decider_id text references users(id);
alter table cases add column verification jsonb;
create index cases_order_ref_idx on cases (order_ref);
create index cases_due_idx on cases (due_at) where due_at is not null;
create index cases_respondent_deadline_idx on cases (respondent_deadline) where status = 'awaiting_respondent';

create table notes (
  id text primary key,
  case_id text not null references cases(id) on delete cascade,
  author_id text not null references users(id),
  author_name text not null,
  text text not null,
  at timestamptz not null
);
create index notes_case_idx on notes (case_id, at);

create table phone_contacts (
  id text primary key,
  case_id text not null references cases(id) on delete cascade,
  party text not null,
  phone text,
  outcome text not null,
  summary text not null,
  by_id text not null references users(id),
  at timestamptz not null
);
create index phone_contacts_case_idx on phone_contacts (case_id, at);

create table evidence_requests (
  id text primary key,
  case_id text not null references cases(id) on delete cascade,
  party text not null,
  what text not null,
  due_at timestamptz not null,
  requested_by text not null references users(id),
  requested_at timestamptz not null,
  fulfilled_at timestamptz
);
create index evidence_requests_case_idx on evidence_requests (case_id, requested_at);

create table evidence_blobs (
  sha256 text primary key,
  bytes bytea not null,
  size integer not null,
  created_at timestamptz not null default now()
);

create table idempotency_keys (
  principal text not null,
  key text not null,
  route text not null,
  request_hash text not null,
  status integer,
  response jsonb,
  created_at timestamptz not null default now(),
  primary key (principal, key)
);
create index idempotency_created_idx on idempotency_keys (created_at);

create table change_counter (
  id integer primary key check (id = 1),
  last_seq bigint not null,
  last_audit_seq bigint not null,
  last_audit_hash text not null
);
insert into change_counter values (1, 0, 0, '0000000000000000000000000000000000000000000000000000000000000000');

create table case_changes (
  seq bigint primary key,
  case_id text not null,
  kind text not null check (kind in ('upsert', 'tombstone')),
  event text,
  reason text,
  at timestamptz not null default now()
);
create index case_changes_case_idx on case_changes (case_id);

create table audit_log (
  seq bigint primary key,
  case_id text,
  actor_id text not null,
  actor_role text not null,
  action text not null,
  at timestamptz not null,
  before_version integer,
  after_version integer,
  request_id text,
  idempotency_key text,
  details jsonb not null,
  prev_hash text not null,
  hash text not null
);
create index audit_case_idx on audit_log (case_id, seq);

create function audit_log_append_only() returns trigger language plpgsql as $$ begin raise exception 'audit_log is append-only'; end $$;
create trigger audit_log_no_update before update or delete or truncate on audit_log for each statement execute function audit_log_append_only();
`,
};
