import type { Migration } from "../migrate";

/**
 * The journal (change feed + audit chain) is sealed by a deferred trigger, at COMMIT.
 *
 * Both need commit order, which a lock on the one `change_counter` row provides. Taken by the
 * application, that lock was held across three client round trips (read the counter, write, commit),
 * and under load each round trip waited for a busy event loop: decisions queued behind the lock.
 * A mutation now stages its entry in `journal_pending`; the trigger takes the lock, chains the
 * audit entry, writes the feed row and notifies, all inside COMMIT, so the lock is held for server
 * work and the WAL flush only. An entry's hash links `prev_hash`, `seq` and `content_hash`, the
 * digest of its canonical content (computed by the server, which owns canonical JSON); legacy
 * entries (null `content_hash`) keep the old link.
 */
export function journalAtCommit(changesChannel: string): Migration {
  return {
    id: "004-journal-at-commit",
    sql: `
alter table audit_log add column content_hash text;

create table journal_pending (
  id bigserial primary key,
  change_case_id text,
  change_kind text check (change_kind in ('upsert', 'tombstone')),
  change_event text,
  change_reason text,
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
  content_hash text not null
);

create function journal_seal() returns trigger language plpgsql as $$
declare
  counter change_counter%rowtype;
  audit_seq bigint;
  audit_hash text;
  change_seq bigint;
begin
  select * into counter from change_counter where id = 1 for update;
  audit_seq := counter.last_audit_seq + 1;
  audit_hash := encode(sha256(convert_to(
    counter.last_audit_hash || E'\\n' || audit_seq::text || E'\\n' || new.content_hash, 'UTF8')), 'hex');
  insert into audit_log (seq, case_id, actor_id, actor_role, action, at, before_version,
      after_version, request_id, idempotency_key, details, prev_hash, hash, content_hash)
    values (audit_seq, new.case_id, new.actor_id, new.actor_role, new.action, new.at,
      new.before_version, new.after_version, new.request_id, new.idempotency_key, new.details,
      counter.last_audit_hash, audit_hash, new.content_hash);
  change_seq := counter.last_seq;
  if new.change_kind is not null then
    change_seq := change_seq + 1;
    delete from case_changes where case_id = new.change_case_id;
    insert into case_changes (seq, case_id, kind, event, reason)
      values (change_seq, new.change_case_id, new.change_kind, new.change_event, new.change_reason);
    perform pg_notify(TG_ARGV[0], change_seq::text);
  end if;
  update change_counter
    set last_seq = change_seq, last_audit_seq = audit_seq, last_audit_hash = audit_hash
    where id = 1;
  delete from journal_pending where id = new.id;
  return null;
end
$$;

create constraint trigger journal_seal after insert on journal_pending
  deferrable initially deferred for each row execute function journal_seal('${changesChannel}');
`,
  };
}
