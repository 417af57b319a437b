import type { Migration } from "../migrate";

/**
 * Automatic routing (issue #19). Each agent's skills and capacity (a user without a row has every
 * skill and the default capacity, so a new install routes before anyone configures it), the
 * desk's presence heartbeat (online or away, with when it was last heard from), one round-robin
 * cursor per skill (the agent the skill last went to, so the turn order survives restarts and is
 * shared by every server process), and on the case whether it waits for an agent and why.
 *
 * The seeded demo has no waiting cases: only new escalations and cases returned to the pool are
 * marked, so routing never reshuffles existing queues.
 */
export const routing: Migration = {
  id: "013-routing",
  sql: `
create table agent_routing (
  user_id text primary key references users(id) on delete cascade,
  languages text[] not null,
  regions text[] not null,
  kinds text[] not null,
  capacity integer not null check (capacity between 0 and 1000),
  paused boolean not null default false,
  updated_at timestamptz not null default now(),
  updated_by text
);

create table agent_presence (
  user_id text primary key references users(id) on delete cascade,
  state text not null check (state in ('online', 'away')),
  last_seen_at timestamptz not null
);

create table routing_cursors (
  skill text primary key,
  agent_id text not null references users(id) on delete cascade,
  updated_at timestamptz not null
);

alter table cases add column routing_waiting_since timestamptz;
alter table cases add column routing_refusal text;
create index cases_routing_waiting_idx on cases (routing_waiting_since, id)
  where routing_waiting_since is not null;
`,
};
