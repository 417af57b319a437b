import type { Verification } from "@shared/domain/appeal";
import { type ActorContext, performAction } from "../cases/engine";
import { computeSla } from "../cases/sla";
import type { Queryable } from "../db/database";
import { agreementAction, respondentTimeoutAction } from "../integration/actions";
import { emitOutbox } from "../outbox/outbox";
import type { DeadlineJob, JobHandler, JobKind } from "./jobs";
import { needsWarningJob, rescheduleSlaWarning } from "./sla-warning";

const SYSTEM: ActorContext = { role: "system", id: "system", name: "system" };
const context = (now: Date) => ({ requestId: null, idempotencyKey: null, now });

/** Post-decision verification: day 1 records, day 2 feedback, day 3 confirmation. */
export const VERIFICATION_DAY_MS = 24 * 60 * 60 * 1000;
export const VERIFICATION_STEPS = ["records_checked", "feedback", "confirmed"] as const;

/** When the party is reminded: half-way to the deadline, and never more than 24 h before it. */
export function reminderAt(requestedAt: Date, dueAt: Date): Date {
  const half = (dueAt.getTime() - requestedAt.getTime()) / 2;
  return new Date(dueAt.getTime() - Math.min(half, 24 * 60 * 60 * 1000));
}

interface RequestRow {
  id: string;
  case_id: string;
  party: "complainant" | "respondent";
  what: string;
  due_at: Date;
  fulfilled_at: Date | null;
  lapsed_at: Date | null;
  side: string;
  status: string;
  reference_no: string;
  order_ref: string | null;
}

async function openRequest(tx: Queryable, job: DeadlineJob): Promise<RequestRow | null> {
  const [request] = await tx.query<RequestRow>(
    `select r.id, r.case_id, r.party, r.what, r.due_at, r.fulfilled_at, r.lapsed_at, p.side,
        c.status, c.reference_no, c.order_ref
       from evidence_requests r
       join cases c on c.id = r.case_id
       left join parties p on p.case_id = r.case_id and p.role = r.party
      where r.id = $1`,
    [job.payload.requestId],
  );
  // Answered, already lapsed, or the case was decided meanwhile: the deadline no longer matters.
  if (!request || request.fulfilled_at || request.lapsed_at) return null;
  if (
    !["escalated", "in_review", "awaiting_evidence", "supervisor_review"].includes(request.status)
  )
    return null;
  return request;
}

const evidenceDeadline: JobHandler = async (tx, job, now) => {
  const request = await openRequest(tx, job);
  if (!request) return;
  const dueAt = new Date(request.due_at).toISOString();
  await performAction(
    tx,
    request.case_id,
    null,
    SYSTEM,
    {
      action: "evidence_deadline",
      variant: async (row, q) => {
        if (row.status !== "awaiting_evidence") return "default";
        const others = await q.query(
          `select 1 from evidence_requests
            where case_id = $1 and id <> $2 and fulfilled_at is null and lapsed_at is null`,
          [row.id, request.id],
        );
        return others.length === 0 ? "settles_request" : "default";
      },
      apply: async (q) => {
        await q.query("update evidence_requests set lapsed_at = $2 where id = $1", [
          request.id,
          now,
        ]);
        return {
          timeline: [
            {
              type: "evidence_deadline_passed",
              // The desk renders its own sentence from the request; this one is for the record.
              summary: `no answer from the ${request.side || request.party} by ${dueAt}`,
            },
          ],
          outbox: [
            {
              type: "evidence_deadline_passed",
              data: { requestId: request.id, party: request.party, dueAt },
            },
          ],
          attention: "evidence_deadline_passed",
          audit: { request: request.id, party: request.party, dueAt },
        };
      },
    },
    context(now),
  );
};

const evidenceReminder: JobHandler = async (tx, job, now) => {
  const request = await openRequest(tx, job);
  if (!request) return;
  await emitOutbox(
    tx,
    { id: request.case_id, reference_no: request.reference_no, order_ref: request.order_ref },
    [
      {
        type: "evidence_reminder",
        data: {
          requestId: request.id,
          party: request.party,
          what: request.what,
          dueAt: new Date(request.due_at).toISOString(),
        },
      },
    ],
    now,
  );
};

const agreementConfirmation: JobHandler = async (tx, job, now) => {
  const [row] = await tx.query<{ status: string }>("select status from cases where id = $1", [
    job.case_id,
  ]);
  // Confirmed (closed) or already reported lapsed by the platform: nothing to do.
  if (row?.status !== "agreed") return;
  await performAction(
    tx,
    job.case_id,
    null,
    SYSTEM,
    agreementAction({ confirmed: false }, now),
    context(now),
  );
};

const verificationDue: JobHandler = async (tx, job, now) => {
  const step = job.payload.step as (typeof VERIFICATION_STEPS)[number];
  const [row] = await tx.query<{ status: string; verification: Verification | null; last: string }>(
    `select status, verification,
        (select id from decisions d where d.case_id = c.id order by decided_at desc, id desc limit 1)
          as last
       from cases c where id = $1`,
    [job.case_id],
  );
  // A later decision (after a reopen) has jobs of its own; this one belongs to an older one.
  if (!row || row.last !== job.payload.decisionId) return;
  if (row.status !== "decided" && row.status !== "verifying") return;
  const v = row.verification;
  const done =
    step === "records_checked"
      ? Boolean(v?.recordsCheckedAt)
      : step === "feedback"
        ? Boolean(v?.feedback)
        : Boolean(v?.confirmedAt);
  if (done) return;
  await performAction(
    tx,
    job.case_id,
    null,
    SYSTEM,
    {
      action: "verification_overdue",
      variant: "default",
      apply: async () => ({
        timeline: [{ type: "verification_overdue", summary: step }],
        attention: "verification_overdue",
        audit: { step },
      }),
    },
    context(now),
  );
};

/** The respondent's 10 minutes ran out without an answer: the appeal goes to the CS queue. */
const respondentWindow: JobHandler = async (tx, job, now) => {
  const [row] = await tx.query<{ status: string }>("select status from cases where id = $1", [
    job.case_id,
  ]);
  // Answered (agreed or escalated) or withdrawn in time: the window no longer matters.
  if (row?.status !== "awaiting_respondent") return;
  await performAction(tx, job.case_id, null, SYSTEM, respondentTimeoutAction(now), context(now));
};

interface WarningRow {
  status: string;
  kind: Parameters<typeof computeSla>[0]["kind"];
  reason: Parameters<typeof computeSla>[0]["reason"];
  priority: Parameters<typeof computeSla>[0]["priority"];
  region: Parameters<typeof computeSla>[0]["region"];
  sla_warned_due: Date | string | null;
  timeline: Parameters<typeof computeSla>[0]["timeline"];
}

/**
 * A clock reached its warning point. Re-read now, not trusted from the job: the case may have
 * changed since it was scheduled (the engine reschedules on every change, but a clock paused by
 * an evidence request and resumed by its deadline moves without the job being told).
 * Warned: the assignee gets a live `case_attention` (their desk notification), the timeline says
 * which clock, and `sla_warned_due` flags the case for supervisors until the deadline changes.
 */
const slaWarning: JobHandler = async (tx, job, now) => {
  const [row] = await tx.query<WarningRow>(
    `select status, kind, reason, priority, region, sla_warned_due,
        (select coalesce(json_agg(json_build_object('type', t.type,
            'at', to_char(t.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
            order by t.at), '[]')
           from timeline_events t where t.case_id = c.id) as timeline
       from cases c where id = $1`,
    [job.case_id],
  );
  if (!row || row.status === "closed") return;
  const sla = computeSla(row, now);
  const warned = row.sla_warned_due === null ? null : new Date(row.sla_warned_due);
  // Breached already, paused, stopped, or warned for this deadline: nothing anyone can act on.
  if (!needsWarningJob(sla, warned, now) || !sla.warnAt || !sla.dueAt) return;
  if (sla.warnAt.getTime() > now.getTime()) {
    // The deadline moved later: the warning comes at its new point.
    await rescheduleSlaWarning(tx, job.case_id, sla, warned, now);
    return;
  }
  const clockId = sla.dueClockId ?? "";
  const dueAt = sla.dueAt.toISOString();
  await performAction(
    tx,
    job.case_id,
    null,
    SYSTEM,
    {
      action: "sla_warning",
      variant: "default",
      apply: async () => ({
        timeline: [{ type: "sla_warning", summary: clockId }],
        attention: "sla_warning",
        slaWarned: true,
        audit: { clockId, dueAt },
      }),
    },
    context(now),
  );
};

export const JOB_HANDLERS: Record<JobKind, JobHandler> = {
  respondent_window: respondentWindow,
  sla_warning: slaWarning,
  evidence_deadline: evidenceDeadline,
  evidence_reminder: evidenceReminder,
  agreement_confirmation: agreementConfirmation,
  verification_due: verificationDue,
};
