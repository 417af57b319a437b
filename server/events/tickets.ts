import { createHash, randomBytes } from "node:crypto";
import type { Queryable } from "../db/database";

/**
 * Single-use tickets for the live event stream. `EventSource` cannot send an Authorization
 * header, and a bearer token in a URL ends up in proxy logs and browser history; a ticket in the
 * URL is worth nothing once used or 30 s after it was issued. Kept in the database (only its
 * hash), so a ticket issued by one server process opens a stream on any other.
 */
export const TICKET_TTL_MS = 30_000;

const hash = (ticket: string) => createHash("sha256").update(ticket).digest("hex");

export async function issueTicket(
  db: Queryable,
  sessionTokenHash: string,
  now = new Date(),
): Promise<{ ticket: string; expiresAt: Date }> {
  const ticket = randomBytes(24).toString("base64url");
  const expiresAt = new Date(now.getTime() + TICKET_TTL_MS);
  // Expired tickets go as new ones come: the table holds at most a minute's worth.
  await db.query(
    `with purged as (delete from event_tickets where expires_at <= $4)
     insert into event_tickets (ticket_hash, token_hash, expires_at) values ($1, $2, $3)`,
    [hash(ticket), sessionTokenHash, expiresAt, now],
  );
  return { ticket, expiresAt };
}

/** The session token hash the ticket was issued to, or null; the ticket is spent either way. */
export async function redeemTicket(
  db: Queryable,
  ticket: string,
  now = new Date(),
): Promise<string | null> {
  const [row] = await db.query<{ token_hash: string; expires_at: Date | string }>(
    "delete from event_tickets where ticket_hash = $1 returning token_hash, expires_at",
    [hash(ticket)],
  );
  if (!row || new Date(row.expires_at).getTime() <= now.getTime()) return null;
  return row.token_hash;
}
