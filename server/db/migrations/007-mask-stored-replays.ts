import { maskStoredReplay } from "../../idempotency/store";
import type { Migration } from "../migrate";

/**
 * Stored idempotency answers were written before the server masked contacts, so a replay would
 * hand a retrying desk the parties' clear phone and e-mail. Each stored answer is masked in place
 * (by the same shared function as every live response); replays stay recognised.
 */
export const maskStoredReplays: Migration = {
  id: "007-mask-stored-replays",
  sql: "",
  async run(tx) {
    const rows = await tx.query<{ principal: string; key: string; response: string }>(
      "select principal, key, response from idempotency_keys where response is not null",
    );
    for (const row of rows) {
      const masked = maskStoredReplay(row.response);
      if (masked === row.response) continue;
      await tx.query(
        "update idempotency_keys set response = $3 where principal = $1 and key = $2",
        [row.principal, row.key, masked],
      );
    }
  },
};
