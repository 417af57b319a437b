import type { Migration } from "../migrate";

/**
 * Party context: the account facts a platform sends with a filing (`PartyAccount`, JSON, null
 * when it sent none), and an index for a party's other appeals by platform user id.
 */
export const partyAccount: Migration = {
  id: "011-party-account",
  sql: `
alter table parties add column account jsonb;
create index parties_external_user_idx on parties (external_user_id);
`,
};
