import { randomUUID } from "node:crypto";
import type { CaseStatus, PartySide, TimelineEventType } from "@shared/domain/appeal";
import {
  type Actor,
  type CaseAction,
  checkTransition,
  mayEverTake,
  type TransitionVariant,
} from "@shared/domain/lifecycle";
import type { Currency } from "@shared/domain/money";
import type { Queryable } from "../db/database";
import { rescheduleSlaWarning } from "../deadlines/sla-warning";
import { HttpProblem } from "../http/problem";
import { type ChangeRecord, journal, journalEntry } from "../journal/journal";
import { emitOutbox, type OutboxRecord } from "../outbox/outbox";
import { routeCase } from "../routing/router";
import { type CaseSummaryRow, isoText } from "./repository";
import { computeSla } from "./sla";

/** Who acts, as the engine records it. */
export interface ActorContext {
  role: Actor;
  /** A desk user's id, `platform` or `system`. */
  id: string;
  /** Shown in the timeline. */
  name: string;
}

/** The request the action belongs to, for the audit entry. */
export interface RequestContext {
  requestId: string | null;
  idempotencyKey: string | null;
  now: Date;
}

export interface CaseRow extends CaseSummaryRow {
  language: string;
  first_decider_id: string | null;
  order_ref: string | null;
  /** Everyone who took a first-stage decision on the case, oldest first: four-eyes holds against all. */
  first_deciders: string[];
  /** The disputed amount exactly (numeric as text), the escrow and the parties' sides: what a
   * decision is checked against, read with the lock so deciding costs no extra round trip. */
  amount_text: string;
  trade: { asset: Currency; assetAmount: string } | null;
  sides: Record<"complainant" | "respondent", PartySide> | null;
}

/** The locked case with its timeline, which the SLA clocks are computed from. */
interface LockedCaseRow extends CaseRow {
  timeline: { type: TimelineEventType; at: string }[];
  /** The deadline the case was last warned for (migration 009). */
  sla_warned_due: Date | string | null;
}

/** Columns an action may set besides status, version and the SLA columns. */
export interface CaseUpdates {
  assignee_id?: string | null;
  stage?: "first" | "second";
  needs_supervisor?: boolean;
  first_decider_id?: string | null;
  escalated_at?: Date;
  cancelled_at?: Date;
  verification?: string;
}

export interface Effects {
  set?: CaseUpdates;
  timeline?: { type: TimelineEventType; summary?: string }[];
  /**
   * Facts for the audit entry, hash-chained with it: the decision record (amount, receiver, terms,
   * rationale), review rationales, verification notes and feedback comments; never statements or
   * chat messages.
   */
  audit?: Record<string, unknown>;
  /** Events for the platform, written to the outbox in this transaction. */
  outbox?: OutboxRecord[];
  /** A hint for live events (the assignee is told the case needs them); see ChangeRecord. */
  attention?: NonNullable<ChangeRecord["event"]>;
  /** The SLA-warning job's own action: the case is now warned for its current deadline. */
  slaWarned?: boolean;
}

export interface ActionSpec {
  action: CaseAction;
  /** The branch of the action; may depend on the locked case (e.g. whether evidence is still owed). */
  variant: TransitionVariant | ((row: CaseRow, tx: Queryable) => Promise<TransitionVariant>);
  /** Writes the action's own rows; runs after every check passed, inside the transaction. */
  apply?: (tx: Queryable, row: CaseRow, to: CaseStatus | "deleted") => Promise<Effects>;
}

/** Thrown when `If-Match` names a version other than the current one; the route answers 412. */
export class StaleVersion extends Error {
  constructor(
    readonly caseId: string,
    readonly current: number,
  ) {
    super(`case ${caseId} is at version ${current}`);
  }
}

const CASE_ROW_COLUMNS = `id, reference_no, kind, reason, status, stage, region, amount, currency,
  complainant_name, respondent_name, assignee_id, filed_at, escalated_at, updated_at, version,
  priority, due_at, warn_at, needs_supervisor, language, first_decider_id, order_ref, sla_warned_due`;

async function lockCase(tx: Queryable, caseId: string): Promise<LockedCaseRow> {
  const [row] = await tx.query<LockedCaseRow>(
    `select ${CASE_ROW_COLUMNS},
       (select coalesce(json_agg(json_build_object('type', t.type, 'at', ${isoText("t.at")})), '[]')
          from timeline_events t where t.case_id = c.id) as timeline,
       (select coalesce(json_agg(d.decided_by order by d.decided_at, d.id), '[]')
          from decisions d where d.case_id = c.id and d.stage = 'first') as first_deciders,
       c.amount::text as amount_text, c.trade,
       (select json_object_agg(p.role, p.side) from parties p where p.case_id = c.id) as sides
     from cases c where c.id = $1 for update of c`,
    [caseId],
  );
  if (!row) throw new HttpProblem(404, "Not found", `There is no case ${caseId}.`);
  return row;
}

const UPDATABLE: readonly (keyof CaseUpdates)[] = [
  "assignee_id",
  "stage",
  "needs_supervisor",
  "first_decider_id",
  "escalated_at",
  "cancelled_at",
  "verification",
];

/**
 * Runs one lifecycle action on a case inside `tx`: lock, version check (412), transition check
 * (409 / 403), the action's effects, timeline, SLA columns, version bump, change feed and audit.
 * Returns the new version (the old one + 1), or null when the case was deleted (redaction).
 */
export async function performAction(
  tx: Queryable,
  caseId: string,
  ifMatch: readonly number[] | null,
  actor: ActorContext,
  spec: ActionSpec,
  request: RequestContext,
): Promise<{ version: number; deleted: boolean }> {
  // Authorisation before state: a role that may never take this action learns so whatever the
  // case's version or status (403, not 412 or 409).
  const fixedVariant = typeof spec.variant === "string" ? spec.variant : undefined;
  if (!mayEverTake(actor.role, spec.action, fixedVariant)) {
    throw new HttpProblem(
      403,
      "Forbidden",
      `"${spec.action.replaceAll("_", " ")}" is never for the ${actor.role} role.`,
    );
  }
  const row = await lockCase(tx, caseId);
  if (ifMatch !== null && !ifMatch.includes(row.version))
    throw new StaleVersion(caseId, row.version);
  const variant = typeof spec.variant === "function" ? await spec.variant(row, tx) : spec.variant;
  const check = checkTransition(
    {
      status: row.status,
      stage: row.stage,
      assigneeId: row.assignee_id,
      firstStageDeciderIds: row.first_deciders,
    },
    spec.action,
    actor.role === "platform" || actor.role === "system"
      ? { role: actor.role }
      : { role: actor.role, userId: actor.id },
    variant,
  );
  if (!check.ok) {
    throw check.reason === "forbidden"
      ? new HttpProblem(403, "Forbidden", check.message)
      : new HttpProblem(409, "Not allowed in this state", check.message, undefined, {
          caseStatus: row.status,
        });
  }
  const effects = (await spec.apply?.(tx, row, check.to)) ?? {};
  const now = request.now;
  const auditBase = {
    caseId,
    actorId: actor.id,
    actorRole: actor.role,
    action: variant === "default" ? spec.action : `${spec.action}:${variant}`,
    at: now,
    beforeVersion: row.version,
    requestId: request.requestId,
    idempotencyKey: request.idempotencyKey,
  };

  if (check.to === "deleted") {
    await eraseCopies(tx, caseId);
    await tx.query("delete from cases where id = $1", [caseId]);
    await journal(
      tx,
      { caseId, kind: "tombstone", reason: "redacted" },
      { ...auditBase, afterVersion: null, details: { from: row.status, ...effects.audit } },
    );
    return { version: row.version + 1, deleted: true };
  }

  const added = effects.timeline ?? [];
  const at = now.toISOString();
  const sla = computeSla(
    {
      kind: row.kind,
      reason: row.reason,
      priority: row.priority,
      region: row.region,
      timeline: [...row.timeline, ...added.map((entry) => ({ type: entry.type, at }))],
    },
    now,
  );

  const set: CaseUpdates = { ...effects.set };
  // Any supervisor action answers an agent's request for one.
  if (actor.role === "supervisor" && set.needs_supervisor === undefined)
    set.needs_supervisor = false;
  const version = row.version + 1;
  const assigneeChanged = set.assignee_id !== undefined && set.assignee_id !== row.assignee_id;
  const enteredQueue =
    check.to === "escalated" && (row.status === "awaiting_respondent" || row.status === "agreed");
  const staged = journalEntry(
    {
      caseId,
      kind: "upsert",
      event: enteredQueue
        ? "new_escalation"
        : (effects.attention ?? (assigneeChanged ? "assigned" : null)),
    },
    {
      ...auditBase,
      afterVersion: version,
      details: {
        from: row.status,
        to: check.to,
        ...(assigneeChanged ? { assignee: set.assignee_id } : {}),
        ...effects.audit,
      },
    },
  );

  // The new timeline events, the case row and the journal entry in one round trip.
  const params: unknown[] = [
    caseId,
    check.to,
    now,
    sla.dueAt,
    sla.warnAt,
    actor.name,
    added.map(() => randomUUID()),
    added.map((entry) => entry.type),
    added.map((entry) => entry.summary ?? ""),
  ];
  const assignments = UPDATABLE.filter((column) => set[column] !== undefined).map((column) => {
    params.push(set[column]);
    return `${column} = $${params.length}`;
  });
  params.push(effects.slaWarned === true);
  const warnedParam = `$${params.length}`;
  const journalSql = staged.sql(params.length + 1);
  params.push(...staged.params);
  await tx.query(
    `with added as (
       insert into timeline_events (id, case_id, type, at, actor, summary)
       select id, $1, type, $3, $6, summary from unnest($7::text[], $8::text[], $9::text[])
         as t(id, type, summary)
     ), journaled as (${journalSql})
     update cases set status = $2, version = version + 1, updated_at = $3, due_at = $4, warn_at = $5,
       respondent_deadline = case when $2 = 'awaiting_respondent' then respondent_deadline end,
       sla_warned_due = case when ${warnedParam}::boolean then $4::timestamptz
         when $4::timestamptz is distinct from sla_warned_due then null else sla_warned_due end
       ${assignments.map((a) => `, ${a}`).join("")}
     where id = $1`,
    params,
  );
  // The case's warning job follows its nearest deadline (the job's own action leaves it be).
  if (!effects.slaWarned) {
    const warned = row.sla_warned_due === null ? null : new Date(row.sla_warned_due);
    const stillWarned =
      warned !== null && sla.dueAt !== null && warned.getTime() === sla.dueAt.getTime();
    await rescheduleSlaWarning(tx, caseId, sla, stillWarned ? warned : null, now);
  }
  if (effects.outbox?.length) await emitOutbox(tx, row, effects.outbox, now);
  // A case that has just entered the pool (a new escalation, a release) is routed to an agent
  // in this same transaction, or marked waiting for one (server/routing/router.ts).
  if (set.assignee_id) {
    // Assigned by hand (claim, reassign, remand): no longer waiting for routing.
    await tx.query(
      "update cases set routing_waiting_since = null, routing_refusal = null where id = $1 and routing_waiting_since is not null",
      [caseId],
    );
  }
  if (check.to === "escalated" && row.status !== "escalated") {
    // Whoever let the case go does not get it straight back.
    const exclude = spec.action === "release" ? actor.id : null;
    const routed = await routeCase(tx, caseId, now, true, exclude);
    if (routed && "agentId" in routed) return { version: version + 1, deleted: false };
  }
  return { version, deleted: false };
}

/**
 * Redaction removes the parties' data wherever the server copied it, not only the case's rows
 * (which cascade): evidence bytes no other case references, and stored idempotency answers that
 * carry the case. A retry of one of those actions then meets a missing case (404), which is
 * what it should meet. The audit trail keeps its entries: they hold no party content.
 */
async function eraseCopies(tx: Queryable, caseId: string): Promise<void> {
  await tx.query(
    `delete from evidence_blobs b
      where b.sha256 in (select sha256 from evidence where case_id = $1)
        and not exists (select 1 from evidence o where o.sha256 = b.sha256 and o.case_id <> $1)`,
    [caseId],
  );
  await tx.query("delete from idempotency_keys where position($1 in response) > 0", [
    `"id":${JSON.stringify(caseId)}`,
  ]);
}
