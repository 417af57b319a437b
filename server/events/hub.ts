import type { LiveEvent } from "@shared/api/events";
import { PRESENCE_TTL_MS } from "@shared/api/presence";
import { type ChangeRow, encodeFeedCursor, readChangeRows } from "../cases/changes";
import { CASE_SUMMARY_COLUMNS, type CaseSummaryRow, toCaseSummary } from "../cases/repository";
import { computeSla } from "../cases/sla";
import { timelinesOf } from "../cases/timelines";
import type { Database } from "../db/database";
import { CHANGES_CHANNEL } from "../journal/journal";
import { PRESENCE_CHANNEL, PresenceBoard, PresenceNotice } from "../presence/board";

/** A live event and, for those that come from the changes feed, its SSE id (a feed cursor). */
export interface HubEvent {
  event: LiveEvent;
  id: string | null;
  seq: number | null;
}

type Subscriber = (event: HubEvent) => void;

const BATCH = 500;

/**
 * Turns committed changes into live events for this process's SSE clients.
 *
 * Source of truth is the `case_changes` table, not the notification: a NOTIFY (from any process on
 * the database, or this one) only says "read again". So events are delivered in commit order, none
 * is lost if a notification is (a slow poll covers that), and every process fans out every change.
 */
export class EventHub {
  private readonly subscribers = new Set<Subscriber>();
  private lastSeq = 0;
  private reading: Promise<void> | null = null;
  private again = false;
  private lastSlaScan = new Date();
  private stops: (() => void | Promise<void>)[] = [];
  /** Who has which case open; fed by every process's notices (see `announcePresence`). */
  presence: PresenceBoard = new PresenceBoard(PRESENCE_TTL_MS);

  constructor(private readonly db: Database) {}

  async start(
    options: {
      pollMs?: number;
      slaScanMs?: number;
      /** How long a presence entry lives without a heartbeat (tests shorten it). */
      presenceTtlMs?: number;
    } = {},
  ): Promise<void> {
    const ttlMs = options.presenceTtlMs ?? PRESENCE_TTL_MS;
    this.presence = new PresenceBoard(ttlMs);
    const [counter] = await this.db.query<{ last_seq: string | number }>(
      "select last_seq from change_counter where id = 1",
    );
    this.lastSeq = Number(counter?.last_seq ?? 0);
    const unlisten = await this.db.listen(CHANGES_CHANNEL, () => this.poke());
    const poll = setInterval(() => this.poke(), options.pollMs ?? 2_000);
    const sla = setInterval(() => {
      this.scanSla().catch(() => undefined);
    }, options.slaScanMs ?? 30_000);
    poll.unref();
    sla.unref();
    const unlistenPresence = await this.db.listen(PRESENCE_CHANNEL, (payload) =>
      this.receivePresence(payload),
    );
    // Expiry is judged by each process on its own board, which all hold the same entries.
    const sweep = setInterval(() => this.sweepPresence(), Math.max(50, Math.min(5_000, ttlMs / 4)));
    sweep.unref();
    this.stops.push(
      unlisten,
      unlistenPresence,
      () => clearInterval(poll),
      () => clearInterval(sla),
      () => clearInterval(sweep),
    );
  }

  /**
   * A presence change made on this process: applied here at once (so the caller's answer is
   * current), and sent to every process through NOTIFY, this one included, where it is a no-op.
   * The database stamps it, so notices from different processes order by one clock.
   */
  async announcePresence(notice: Omit<PresenceNotice, "at">): Promise<void> {
    const [row] = await this.db.query<{ at: string | number }>(
      `with stamp as (select floor(extract(epoch from clock_timestamp()) * 1000)::float8 as at)
       select at, pg_notify($1, json_build_object(
         'caseId', $2::text, 'userId', $3::text, 'displayName', $4::text, 'role', $5::text,
         'state', $6::text, 'at', at)::text) as notified
       from stamp`,
      [
        PRESENCE_CHANNEL,
        notice.caseId,
        notice.userId,
        notice.displayName,
        notice.role,
        notice.state,
      ],
    );
    this.applyPresence({ ...notice, at: Number(row?.at ?? Date.now()) });
  }

  private receivePresence(payload: string): void {
    let json: unknown;
    try {
      json = JSON.parse(payload);
    } catch {
      return;
    }
    const notice = PresenceNotice.safeParse(json);
    if (notice.success) this.applyPresence(notice.data);
  }

  private applyPresence(notice: PresenceNotice): void {
    if (this.presence.apply(notice)) this.publishPresence(notice.caseId);
  }

  private sweepPresence(now = Date.now()): void {
    for (const caseId of this.presence.sweep(now)) this.publishPresence(caseId);
  }

  /** The `presence` event of a case as it stands now. */
  presenceEvent(caseId: string): HubEvent {
    return {
      id: null,
      seq: null,
      event: {
        type: "presence",
        cursor: null,
        at: new Date().toISOString(),
        caseId,
        viewers: this.presence.viewers(caseId),
      },
    };
  }

  private publishPresence(caseId: string): void {
    this.publish(this.presenceEvent(caseId));
  }

  async stop(): Promise<void> {
    for (const stop of this.stops.splice(0)) await stop();
    await this.reading;
  }

  subscribe(subscriber: Subscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  /** Read what committed since the last read; coalesces bursts of notifications into one read. */
  poke(): void {
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = this.drain()
      .catch(() => undefined)
      .finally(() => {
        this.reading = null;
        if (this.again) {
          this.again = false;
          this.poke();
        }
      });
  }

  private async drain(): Promise<void> {
    for (;;) {
      const rows = await readChangeRows(this.db, this.lastSeq, BATCH);
      for (const row of rows) {
        this.lastSeq = Number(row.seq);
        for (const event of eventsOf(row)) this.publish(event);
      }
      if (rows.length < BATCH) return;
    }
  }

  private publish(event: HubEvent): void {
    for (const subscriber of this.subscribers) subscriber(event);
  }

  /**
   * SLA warnings: cases whose warning point or deadline passed since the last scan. Each process
   * scans for its own clients, so no coordination is needed (and none is lost if one process dies).
   */
  async scanSla(now = new Date()): Promise<void> {
    const since = this.lastSlaScan;
    this.lastSlaScan = now;
    if (this.subscribers.size === 0) return;
    const rows = await this.db.query<CaseSummaryRow>(
      `select ${CASE_SUMMARY_COLUMNS} from cases
        where status <> 'closed' and ((warn_at > $1 and warn_at <= $2) or (due_at > $1 and due_at <= $2))
        limit 1000`,
      [since, now],
    );
    const timelines = await timelinesOf(
      this.db,
      rows.map((row) => row.id),
    );
    for (const row of rows) {
      const summary = toCaseSummary(row);
      // Named by the clock that is due, re-evaluated now (the columns only hold the instants).
      const sla = computeSla({ ...summary, timeline: timelines.get(summary.id) ?? [] }, now);
      if (!sla.dueAt || !sla.dueClockId) continue;
      const dueAt = sla.dueAt.toISOString();
      const breached = sla.dueAt.getTime() <= now.getTime();
      this.publish({
        id: null,
        seq: null,
        event: {
          type: "sla_warning",
          cursor: null,
          at: now.toISOString(),
          caseId: summary.id,
          clockId: sla.dueClockId,
          level: breached ? "breached" : "warning",
          dueAt,
        },
      });
    }
  }
}

/**
 * The events of one change: hint events (new escalation, assignment) first, then the change itself,
 * which alone carries the SSE id, so a client resuming after it has seen all of them.
 */
export function eventsOf(row: ChangeRow): HubEvent[] {
  const seq = Number(row.seq);
  const cursor = encodeFeedCursor(seq);
  const at = new Date().toISOString();
  if (row.change_kind === "tombstone" || row.id == null) {
    return [{ id: cursor, seq, event: { type: "case_deleted", cursor, at, caseId: row.case_id } }];
  }
  const summary = toCaseSummary(row as ChangeRow & CaseSummaryRow);
  const events: HubEvent[] = [];
  if (row.event === "new_escalation") {
    events.push({
      id: null,
      seq,
      event: { type: "new_escalation", cursor, at, caseId: summary.id, summary },
    });
  }
  if (
    row.event === "evidence_deadline_passed" ||
    row.event === "verification_overdue" ||
    row.event === "sla_warning"
  ) {
    events.push({
      id: null,
      seq,
      event: {
        type: "case_attention",
        cursor,
        at,
        caseId: summary.id,
        assigneeId: summary.assigneeId,
        reason: row.event,
      },
    });
  }
  if (row.event === "assigned") {
    events.push({
      id: null,
      seq,
      event: {
        type: "case_assigned",
        cursor,
        at,
        caseId: summary.id,
        assigneeId: summary.assigneeId,
      },
    });
  }
  events.push({
    id: cursor,
    seq,
    event: {
      type: "case_changed",
      cursor,
      at,
      caseId: summary.id,
      version: summary.version,
      summary,
    },
  });
  return events;
}
