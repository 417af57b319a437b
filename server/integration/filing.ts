import { randomUUID } from "node:crypto";
import type { FileAppealRequest } from "@shared/api/integration";
import type { TimelineEventType } from "@shared/domain/appeal";
import { REFILE_COOLDOWN_MS, RESPONDENT_WINDOW_MS } from "@shared/domain/lifecycle";
import type { RequestContext } from "../cases/engine";
import { computeSla } from "../cases/sla";
import type { Queryable } from "../db/database";
import { scheduleJob } from "../deadlines/jobs";
import { rescheduleSlaWarning } from "../deadlines/sla-warning";
import { HttpProblem } from "../http/problem";
import { journal } from "../journal/journal";

/** Serialises filings for one order across processes (arbitrary, fixed namespace). */
const FILING_LOCK_NAMESPACE = 7_231_005;

/**
 * Files an appeal: the case starts awaiting the respondent, whose 10-minute window starts now.
 * Refused (409) while another appeal on the same order is open, and for 5 minutes after the
 * complainant cancelled one, with `retryAfterSeconds` in the problem.
 */
export async function fileAppeal(
  tx: Queryable,
  body: FileAppealRequest,
  request: RequestContext,
): Promise<string> {
  const now = request.now;
  const orderRef = body.trade?.orderId ?? body.payment?.transactionId ?? null;
  if (orderRef) {
    await tx.query("select pg_advisory_xact_lock($1, hashtext($2))", [
      FILING_LOCK_NAMESPACE,
      orderRef,
    ]);
    const [open] = await tx.query<{ id: string }>(
      "select id from cases where order_ref = $1 and status <> 'closed' limit 1",
      [orderRef],
    );
    if (open) {
      throw new HttpProblem(
        409,
        "Appeal already open",
        `Order ${orderRef} already has an open appeal.`,
        undefined,
        {
          caseId: open.id,
        },
      );
    }
    const [cancelled] = await tx.query<{ cancelled_at: Date }>(
      "select max(cancelled_at) as cancelled_at from cases where order_ref = $1",
      [orderRef],
    );
    const until = cancelled?.cancelled_at
      ? cancelled.cancelled_at.getTime() + REFILE_COOLDOWN_MS
      : 0;
    if (until > now.getTime()) {
      const retryAfterSeconds = Math.ceil((until - now.getTime()) / 1000);
      throw new HttpProblem(
        409,
        "Re-filing cool-down",
        `An appeal on order ${orderRef} was cancelled less than 5 minutes ago; file again in ${retryAfterSeconds} s.`,
        undefined,
        { retryAfterSeconds },
      );
    }
  }

  const id = randomUUID();
  const deadline = new Date(now.getTime() + RESPONDENT_WINDOW_MS);
  await tx.query(
    `insert into cases (id, kind, reason, status, stage, region, language, amount, currency,
       complainant_name, respondent_name, trade, payment, filed_at, updated_at, priority,
       respondent_deadline, order_ref)
     values ($1, $2, $3, 'awaiting_respondent', 'first', $4, $5, $6, $7, $8, $9, $10, $11, $12, $12,
       $13, $14, $15)`,
    [
      id,
      body.kind,
      body.reason,
      body.region,
      body.complainant.language,
      body.amount,
      body.currency,
      body.complainant.displayName,
      body.respondent.displayName,
      body.trade ? JSON.stringify(body.trade) : null,
      body.payment ? JSON.stringify(body.payment) : null,
      now,
      body.priority,
      deadline,
      orderRef,
    ],
  );
  for (const [role, party] of [
    ["complainant", body.complainant],
    ["respondent", body.respondent],
  ] as const) {
    await tx.query(
      `insert into parties (case_id, role, side, external_user_id, display_name, phone, email, language, statement, account)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        id,
        role,
        party.side,
        party.externalUserId,
        party.displayName,
        party.phone,
        party.email,
        party.language,
        role === "complainant" ? body.statement : "",
        party.account ? JSON.stringify(party.account) : null,
      ],
    );
  }
  const timeline: { type: TimelineEventType; at: Date; actor: string; summary: string }[] = [];
  if (body.trade) {
    timeline.push({
      type: "order_created",
      at: new Date(body.trade.createdAt),
      actor: "system",
      summary: body.trade.orderId,
    });
    if (body.trade.markedPaidAt) {
      const buyer = body.complainant.side === "buyer" ? body.complainant : body.respondent;
      timeline.push({
        type: "marked_paid",
        at: new Date(body.trade.markedPaidAt),
        actor: buyer.displayName,
        summary: "",
      });
    }
  } else if (body.payment) {
    timeline.push({
      type: "order_created",
      at: new Date(body.payment.occurredAt),
      actor: "system",
      summary: body.payment.transactionId,
    });
  }
  timeline.push({
    type: "appeal_filed",
    at: now,
    actor: body.complainant.displayName,
    summary: body.reason,
  });
  for (const entry of timeline) {
    await tx.query(
      "insert into timeline_events (id, case_id, type, at, actor, summary) values ($1, $2, $3, $4, $5, $6)",
      [randomUUID(), id, entry.type, entry.at, entry.actor, entry.summary],
    );
  }
  const sla = computeSla(
    {
      kind: body.kind,
      reason: body.reason,
      priority: body.priority,
      region: body.region,
      timeline: timeline.map((t) => ({ type: t.type, at: t.at.toISOString() })),
    },
    now,
  );
  await tx.query("update cases set due_at = $2, warn_at = $3 where id = $1", [
    id,
    sla.dueAt,
    sla.warnAt,
  ]);
  // The window's end and the first warning are durable jobs: any process runs them, once.
  await scheduleJob(tx, id, "respondent_window", deadline);
  await rescheduleSlaWarning(tx, id, sla, null, now);
  await journal(
    tx,
    { caseId: id, kind: "upsert" },
    {
      caseId: id,
      actorId: "platform",
      actorRole: "platform",
      action: "file",
      at: now,
      beforeVersion: null,
      afterVersion: 1,
      requestId: request.requestId,
      idempotencyKey: request.idempotencyKey,
      details: { kind: body.kind, reason: body.reason, orderRef },
    },
  );
  return id;
}
