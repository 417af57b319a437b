import type { Migration } from "../migrate";

/**
 * A replayed response must be byte-identical to the first: jsonb reorders keys, so the stored
 * response becomes the exact JSON text that was sent.
 */
export const idempotencyText: Migration = {
  id: "003-idempotency-text",
  sql: "alter table idempotency_keys alter column response type text using response::text;",
};
