import type { Migration } from "../migrate";

/**
 * Durable deadlines and the platform outbox.
 *
 * `deadline_jobs`: one row per deadline (an evidence request's due instant, its reminder, the 24 h
 * agreement confirmation, the verification days). Any server process may run a due job; it takes
 * the row with `FOR UPDATE SKIP LOCKED` and marks it done in the same transaction as the job's
 * effect, so a job runs once however many processes poll, and survives a restart (no timer is the
 * source of truth).
 *
 * `outbox_events`: what the platform is told, written in the transaction of the change it reports.
 * Its `seq` is assigned at COMMIT under the `change_counter` lock (like the journal of 004), so the
 * pull feed's `since` never skips an event that commits late. The same trigger queues one webhook
 * delivery per event.
 */
export const deadlinesOutbox: Migration = {
  id: "006-deadlines-outbox",
  sql: `
create table deadline_jobs (
  id text primary key,
  case_id text not null references cases(id) on delete cascade,
  kind text not null,
  due_at timestamptz not null,
  payload jsonb not null default '{}',
  state text not null default 'pending' check (state in ('pending', 'done', 'failed')),
  attempts integer not null default 0,
  last_error text,
  done_at timestamptz,
  created_at timestamptz not null default now()
);
create index deadline_jobs_due_idx on deadline_jobs (due_at) where state = 'pending';
create index deadline_jobs_case_idx on deadline_jobs (case_id);

alter table evidence_requests add column lapsed_at timestamptz;
alter table change_counter add column last_outbox_seq bigint not null default 0;

create table outbox_events (
  id text primary key,
  seq bigint unique,
  case_id text not null,
  reference_no bigint not null,
  order_ref text,
  type text not null,
  data jsonb not null,
  at timestamptz not null
);
create index outbox_events_case_idx on outbox_events (case_id, seq);

create table webhook_deliveries (
  event_id text primary key references outbox_events(id) on delete cascade,
  case_id text not null,
  seq bigint not null,
  state text not null default 'pending' check (state in ('pending', 'delivered', 'dead')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null,
  leased_until timestamptz,
  last_error text,
  delivered_at timestamptz,
  dead_at timestamptz
);
create index webhook_deliveries_pending_idx on webhook_deliveries (next_attempt_at) where state = 'pending';
create index webhook_deliveries_case_idx on webhook_deliveries (case_id, seq) where state = 'pending';

create function outbox_seal() returns trigger language plpgsql as $$
declare
  next_seq bigint;
begin
  update change_counter set last_outbox_seq = last_outbox_seq + 1 where id = 1
    returning last_outbox_seq into next_seq;
  update outbox_events set seq = next_seq where id = new.id;
  insert into webhook_deliveries (event_id, case_id, seq, next_attempt_at)
    values (new.id, new.case_id, next_seq, clock_timestamp());
  return null;
end
$$;

create constraint trigger outbox_seal after insert on outbox_events
  deferrable initially deferred for each row execute function outbox_seal();
`,
};
