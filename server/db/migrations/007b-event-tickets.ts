import type { Migration } from "../migrate";

/** Single-use tickets of the live event stream (see `server/events/tickets.ts`): hashes only. */
export const eventTickets: Migration = {
  id: "007b-event-tickets",
  sql: `
create table event_tickets (
  ticket_hash text primary key,
  token_hash text not null,
  expires_at timestamptz not null
);
create index event_tickets_expiry_idx on event_tickets (expires_at);
`,
};
