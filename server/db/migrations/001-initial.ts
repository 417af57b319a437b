import type { Migration } from "../migrate";

export const initial: Migration = {
  id: "001-initial",
  sql: `
create table users (
  id text primary key,
  username text not null unique,
  display_name text not null,
  role text not null check (role in ('agent', 'supervisor')),
  password_hash text not null,
  created_at timestamptz not null default now()
);

create table sessions (
  token_hash text primary key,
  user_id text not null references users(id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz
);
create index sessions_user_idx on sessions (user_id);

create sequence case_reference_seq;

create table cases (
  id text primary key,
  reference_no bigint not null unique default nextval('case_reference_seq'),
  kind text not null,
  reason text not null,
  status text not null,
  stage text not null default 'first',
  region text not null,
  language text not null,
  amount numeric(30, 8) not null,
  currency text not null,
  complainant_name text not null,
  respondent_name text not null,
  trade jsonb,
  payment jsonb,
  assignee_id text references users(id),
  filed_at timestamptz not null,
  escalated_at timestamptz,
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index cases_queue_idx on cases ((coalesce(escalated_at, 'infinity'::timestamptz)), id);
create index cases_status_idx on cases (status, (coalesce(escalated_at, 'infinity'::timestamptz)), id);
create index cases_assignee_idx on cases (assignee_id, (coalesce(escalated_at, 'infinity'::timestamptz)), id);

create table parties (
  case_id text not null references cases(id) on delete cascade,
  role text not null check (role in ('complainant', 'respondent')),
  side text not null,
  external_user_id text not null,
  display_name text not null,
  phone text,
  email text,
  language text not null,
  statement text not null default '',
  primary key (case_id, role)
);

create table messages (
  id text primary key,
  case_id text not null references cases(id) on delete cascade,
  author text not null,
  author_name text not null,
  recipient text,
  text text not null,
  language text not null,
  at timestamptz not null
);
create index messages_case_idx on messages (case_id, at);

create table evidence (
  id text primary key,
  case_id text not null references cases(id) on delete cascade,
  uploaded_by text not null,
  file_name text not null,
  mime_type text not null,
  size integer not null,
  sha256 text not null,
  description text not null default '',
  uploaded_at timestamptz not null
);
create index evidence_case_idx on evidence (case_id, uploaded_at);

create table decisions (
  id text primary key,
  case_id text not null references cases(id) on delete cascade,
  stage text not null,
  outcome text not null,
  favoured_party text,
  amount numeric(30, 8),
  rationale text not null,
  decided_by text not null references users(id),
  decided_at timestamptz not null
);
create index decisions_case_idx on decisions (case_id, decided_at);

create table timeline_events (
  id text primary key,
  case_id text not null references cases(id) on delete cascade,
  type text not null,
  at timestamptz not null,
  actor text not null,
  summary text not null default ''
);
create index timeline_case_idx on timeline_events (case_id, at);
`,
};
