import { randomUUID } from "node:crypto";
import {
  type PlatformEvent,
  type PlatformEventData,
  PlatformEventType,
} from "@shared/api/platform-events";
import { formatCaseReference } from "@shared/domain/appeal";
import { isoText } from "../cases/repository";
import type { Queryable } from "../db/database";

/** One event for the platform, before it has an id and a sequence. */
export type OutboxRecord = {
  [T in PlatformEventType]: { type: T; data: PlatformEventData<T> };
}[PlatformEventType];

/** The case columns the envelope names. */
export interface OutboxCase {
  id: string;
  reference_no: string | number;
  order_ref: string | null;
}

/**
 * Writes events to the outbox inside the caller's transaction: they exist if and only if the
 * change they report commits. The `outbox_seal` trigger (migration 006) numbers them at COMMIT
 * and queues their webhook deliveries.
 */
export async function emitOutbox(
  tx: Queryable,
  row: OutboxCase,
  records: readonly OutboxRecord[],
  at: Date,
): Promise<void> {
  if (records.length === 0) return;
  await tx.query(
    `insert into outbox_events (id, case_id, reference_no, order_ref, type, data, at)
     select id, $1, $2, $3, type, data::jsonb, $4
       from unnest($5::text[], $6::text[], $7::text[]) with ordinality as t(id, type, data, ord)
      order by ord`,
    [
      row.id,
      Number(row.reference_no),
      row.order_ref,
      at,
      records.map(() => randomUUID()),
      records.map((r) => r.type),
      records.map((r) => JSON.stringify(r.data)),
    ],
  );
}

interface OutboxRow {
  id: string;
  seq: string | number;
  case_id: string;
  reference_no: string | number;
  order_ref: string | null;
  type: string;
  data: unknown;
  at: string;
}

const SELECT = `select id, seq, case_id, reference_no, order_ref, type, data, ${isoText("at")} as at
  from outbox_events`;

/** The envelope every consumer receives, parsed back through the shared schema's shape. */
export function toPlatformEvent(row: OutboxRow): PlatformEvent {
  return {
    id: row.id,
    seq: Number(row.seq),
    caseId: row.case_id,
    reference: formatCaseReference(Number(row.reference_no)),
    orderRef: row.order_ref,
    at: row.at,
    type: PlatformEventType.parse(row.type),
    data: row.data,
  } as PlatformEvent;
}

/** Committed events after `since`, oldest first (the pull feed). */
export async function readOutbox(
  db: Queryable,
  since: number,
  limit: number,
  caseId?: string,
): Promise<PlatformEvent[]> {
  const rows = caseId
    ? await db.query<OutboxRow>(`${SELECT} where seq > $1 and case_id = $3 order by seq limit $2`, [
        since,
        limit,
        caseId,
      ])
    : await db.query<OutboxRow>(`${SELECT} where seq > $1 order by seq limit $2`, [since, limit]);
  return rows.map(toPlatformEvent);
}

export async function readOutboxEvent(db: Queryable, id: string): Promise<PlatformEvent | null> {
  const [row] = await db.query<OutboxRow>(`${SELECT} where id = $1`, [id]);
  return row ? toPlatformEvent(row) : null;
}
