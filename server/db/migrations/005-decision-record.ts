import type { Migration } from "../migrate";

/**
 * The complete decision record: who receives (by side) and in which currency, the structured
 * terms of compensation / mediation / repayment plans, every supervisor review with its
 * rationale, and every verification step with its note or the party's comment. Before this, the
 * review rationale and the verification notes were validated and then dropped.
 */
export const decisionRecord: Migration = {
  id: "005-decision-record",
  sql: `
alter table decisions add column receiver_side text;
alter table decisions add column currency text;
alter table decisions add column terms jsonb;

create table reviews (
  id text primary key,
  case_id text not null references cases(id) on delete cascade,
  verdict text not null check (verdict in ('uphold', 'overturn', 'remand')),
  rationale text not null,
  decision_id text references decisions(id),
  remand_to text references users(id),
  reviewed_by text not null references users(id),
  reviewed_at timestamptz not null
);
create index reviews_case_idx on reviews (case_id, reviewed_at);

create table verification_steps (
  id text primary key,
  case_id text not null references cases(id) on delete cascade,
  step text not null check (step in ('records_checked', 'feedback', 'confirmed')),
  satisfied boolean,
  note text not null default '',
  party text,
  by_id text not null,
  at timestamptz not null
);
create index verification_steps_case_idx on verification_steps (case_id, at);
create index decisions_first_decider_idx on decisions (case_id) where stage = 'first';
`,
};
