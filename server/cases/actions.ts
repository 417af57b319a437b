import { randomUUID } from "node:crypto";
import type { MutationBody, MutationName } from "@shared/api/mutations";
import type { Verification } from "@shared/domain/appeal";
import { breaksFourEyes } from "@shared/domain/four-eyes";
import { checkDecision, type DecisionCase, type PlannedDecision } from "@shared/money";
import type { Queryable } from "../db/database";
import { reminderAt, VERIFICATION_DAY_MS, VERIFICATION_STEPS } from "../deadlines/handlers";
import { scheduleJob } from "../deadlines/jobs";
import { HttpProblem } from "../http/problem";
import type { OutboxRecord } from "../outbox/outbox";
import { readAgents } from "../routing/agents";
import type { ActionSpec, ActorContext, CaseRow, Effects, RequestContext } from "./engine";

/**
 * What each desk mutation does, as a lifecycle action plus its effects. The lifecycle (shared)
 * says whether it may happen; these functions write what it changes.
 */
type Builder<N extends MutationName> = (
  body: MutationBody<N>,
  actor: ActorContext,
  request: RequestContext,
) => ActionSpec;

interface UserRoleRow {
  id: string;
  role: "agent" | "supervisor";
}

async function requireStaff(
  tx: Queryable,
  userId: string,
  role: "agent" | "supervisor" | null,
  field: string,
): Promise<UserRoleRow> {
  const [user] = await tx.query<UserRoleRow>("select id, role from users where id = $1", [userId]);
  if (!user || (role && user.role !== role)) {
    throw new HttpProblem(400, "Invalid request", `No ${role ?? "user"} ${userId}.`, [
      { field, message: role ? `must be the id of a ${role}` : "unknown user" },
    ]);
  }
  return user;
}

/** The case's money and sides, which the decision rules measure a decision against. */
function decisionCaseOf(row: CaseRow): DecisionCase {
  if (!row.sides?.complainant || !row.sides.respondent) {
    throw new Error(`case ${row.id} lacks a party`);
  }
  return {
    kind: row.kind,
    reason: row.reason,
    region: row.region,
    amount: row.amount_text,
    currency: row.currency,
    trade: row.trade ? { asset: row.trade.asset, assetAmount: row.trade.assetAmount } : null,
    complainant: { side: row.sides.complainant },
    respondent: { side: row.sides.respondent },
  };
}

/**
 * Checks a decision against the case with the shared money rules; a broken rule is a 422 whose
 * field errors name the rule (`code`) and, where there is one, the limit it broke.
 */
function planDecision(
  row: CaseRow,
  decision: MutationBody<"decision">,
  fieldPrefix: string,
  now: Date,
): PlannedDecision {
  const check = checkDecision(decisionCaseOf(row), decision, { now });
  if (check.ok) return check.decision;
  throw new HttpProblem(
    422,
    "Decision outside the rules",
    check.errors.map((e) => `${e.field}: ${e.message}`).join("; "),
    check.errors.map((e) => ({
      field: `${fieldPrefix}/${e.field}`,
      message: e.message,
      code: e.code,
      ...(e.limit ? { limit: e.limit } : {}),
    })),
  );
}

async function insertDecision(
  tx: Queryable,
  row: CaseRow,
  decision: PlannedDecision,
  actor: ActorContext,
  stage: "first" | "second",
  now: Date,
): Promise<string> {
  const id = randomUUID();
  await tx.query(
    `insert into decisions (id, case_id, stage, outcome, favoured_party, amount, rationale, decided_by,
       decided_at, receiver_side, currency, terms)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      id,
      row.id,
      stage,
      decision.outcome,
      decision.favouredParty,
      decision.amount,
      decision.rationale,
      actor.id,
      now,
      decision.receiverSide,
      decision.currency,
      decision.terms === null ? null : JSON.stringify(decision.terms),
    ],
  );
  return id;
}

/** The decision as its audit entry records it: everything stored, so the chain holds the record. */
function decisionAudit(id: string, decision: PlannedDecision): Record<string, unknown> {
  return {
    decision: id,
    outcome: decision.outcome,
    favouredParty: decision.favouredParty,
    receiverSide: decision.receiverSide,
    amount: decision.amount,
    currency: decision.currency,
    terms: decision.terms,
    rationale: decision.rationale,
  };
}

/**
 * A supervisor's reassign of first-stage work to an agent: refused when the agent lacks the
 * case's language, region or kind (422 "Missing skill"), or holds as many open cases as their
 * capacity (409 "Over capacity") unless the supervisor confirmed it. Each problem names the
 * agent's facts so the desk can explain the refusal in the user's language.
 */
async function checkReassignTarget(
  tx: Queryable,
  row: CaseRow,
  agentId: string,
  confirmedOverCapacity: boolean,
  now: Date,
): Promise<void> {
  const [agent] = await readAgents(tx, now, agentId);
  if (!agent) return;
  const needs = { language: row.language, region: row.region, kind: row.kind };
  const missing = [
    ...((agent.languages as readonly string[]).includes(row.language) ? [] : ["language"]),
    ...(agent.regions.includes(row.region) ? [] : ["region"]),
    ...(agent.kinds.includes(row.kind) ? [] : ["kind"]),
  ];
  if (missing.length > 0) {
    throw new HttpProblem(
      422,
      "Missing skill",
      `${agent.displayName} lacks the case's ${missing.join(", ")}.`,
      missing.map((m) => ({ field: "body/assignee", message: `lacks ${m}`, code: `missing_${m}` })),
      { needs, missing },
    );
  }
  if (agent.load >= agent.capacity && !confirmedOverCapacity) {
    throw new HttpProblem(
      409,
      "Over capacity",
      `${agent.displayName} holds ${agent.load} open cases (capacity ${agent.capacity}); send confirmOverCapacity to assign anyway.`,
      undefined,
      { load: agent.load, capacity: agent.capacity },
    );
  }
}

function fourEyesProblem(detail: string): HttpProblem {
  return new HttpProblem(403, "Forbidden", detail);
}

/**
 * The platform's view of a decision: what to do, for whom, how much, on what terms. Built from the
 * checked decision (the shared money model's), which is exactly what the decisions table holds.
 */
function decisionEvent(planned: PlannedDecision, stage: "first" | "second"): OutboxRecord {
  return {
    type: "decision",
    data: {
      stage,
      outcome: planned.outcome,
      favouredParty: planned.favouredParty,
      receiver:
        planned.favouredParty && planned.receiverSide
          ? { role: planned.favouredParty, side: planned.receiverSide }
          : null,
      amount: planned.amount,
      currency: planned.currency,
      terms: planned.terms,
      rationale: planned.rationale,
    },
  };
}

/** The three verification days, each a durable deadline tied to this decision. */
async function scheduleVerification(
  tx: Queryable,
  caseId: string,
  decisionId: string,
  now: Date,
): Promise<void> {
  for (const [index, step] of VERIFICATION_STEPS.entries()) {
    await scheduleJob(
      tx,
      caseId,
      "verification_due",
      new Date(now.getTime() + (index + 1) * VERIFICATION_DAY_MS),
      { step, decisionId },
    );
  }
}

async function readVerification(tx: Queryable, caseId: string): Promise<Verification> {
  const [row] = await tx.query<{ verification: Verification | null }>(
    "select verification from cases where id = $1",
    [caseId],
  );
  return row?.verification ?? { recordsCheckedAt: null, feedback: null, confirmedAt: null };
}

const BUILDERS: { [N in MutationName]: Builder<N> } = {
  claim: (_body, actor) => ({
    action: "claim",
    variant: "default",
    apply: async () => ({ set: { assignee_id: actor.id }, timeline: [{ type: "claimed" }] }),
  }),

  release: (body) => ({
    action: "release",
    variant: "default",
    apply: async () => ({
      set: { assignee_id: null },
      timeline: [{ type: "released", summary: body.reason ?? "" }],
    }),
  }),

  reassign: (body, _actor, request) => ({
    action: "reassign",
    variant: "default",
    apply: async (tx, row, to) => {
      // Second-stage cases go to a supervisor who did not decide the first stage (four-eyes).
      const secondStage = to === "supervisor_review";
      const target = await requireStaff(
        tx,
        body.assignee,
        secondStage ? "supervisor" : null,
        "body/assignee",
      );
      if (secondStage && breaksFourEyes(body.assignee, row.first_deciders)) {
        throw new HttpProblem(
          403,
          "Four-eyes",
          "Four-eyes: someone who took a first-stage decision may not review the second stage.",
        );
      }
      // First-stage work goes to an agent who has the case's skill and room for it.
      if (!secondStage && target.role === "agent") {
        await checkReassignTarget(
          tx,
          row,
          body.assignee,
          body.confirmOverCapacity === true,
          request.now,
        );
      }
      return {
        set: { assignee_id: body.assignee },
        timeline: [{ type: "reassigned", summary: body.reason ?? "" }],
        audit: { assignee: body.assignee },
      };
    },
  }),

  notes: (body, actor, request) => ({
    action: "note",
    variant: "default",
    apply: async (tx, row) => {
      await tx.query(
        "insert into notes (id, case_id, author_id, author_name, text, at) values ($1, $2, $3, $4, $5, $6)",
        [randomUUID(), row.id, actor.id, actor.name, body.text, request.now],
      );
      return {};
    },
  }),

  messages: (body, actor, request) => ({
    action: "message",
    variant: "default",
    apply: async (tx, row) => {
      const [party] = await tx.query<{ language: string }>(
        "select language from parties where case_id = $1 and role = $2",
        [row.id, body.to],
      );
      await tx.query(
        `insert into messages (id, case_id, author, author_name, recipient, text, language, at)
         values ($1, $2, 'agent', $3, $4, $5, $6, $7)`,
        [
          randomUUID(),
          row.id,
          actor.name,
          body.to,
          body.text,
          party?.language ?? "en",
          request.now,
        ],
      );
      return {
        timeline: [{ type: "message_sent", summary: body.to }],
        audit: { to: body.to },
        outbox: [
          {
            type: "message",
            data: {
              to: body.to,
              text: body.text,
              language: partyLanguage(party?.language),
            },
          },
        ],
      };
    },
  }),

  "phone-contacts": (body, actor, request) => ({
    action: "phone_contact",
    variant: "default",
    apply: async (tx, row) => {
      const [party] = await tx.query<{ phone: string | null }>(
        "select phone from parties where case_id = $1 and role = $2",
        [row.id, body.party],
      );
      await tx.query(
        `insert into phone_contacts (id, case_id, party, phone, outcome, summary, by_id, at)
         values ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          randomUUID(),
          row.id,
          body.party,
          body.phone ?? party?.phone ?? null,
          body.outcome,
          body.summary,
          actor.id,
          request.now,
        ],
      );
      return {
        // Only a call that reached the party counts as a response to them.
        timeline: body.outcome === "reached" ? [{ type: "contacted", summary: body.party }] : [],
        audit: { party: body.party, outcome: body.outcome },
      };
    },
  }),

  "evidence-requests": (body, actor, request) => ({
    action: "request_evidence",
    variant: "default",
    apply: async (tx, row) => {
      if (Date.parse(body.dueAt) <= request.now.getTime()) {
        throw new HttpProblem(400, "Invalid request", "The deadline must lie in the future.", [
          { field: "body/dueAt", message: "must be in the future" },
        ]);
      }
      const id = randomUUID();
      const dueAt = new Date(body.dueAt);
      await tx.query(
        `insert into evidence_requests (id, case_id, party, what, due_at, requested_by, requested_at)
         values ($1, $2, $3, $4, $5, $6, $7)`,
        [id, row.id, body.party, body.what, dueAt, actor.id, request.now],
      );
      // The deadline and the reminder are durable jobs: they fire even if every process restarts.
      await scheduleJob(tx, row.id, "evidence_deadline", dueAt, { requestId: id });
      await scheduleJob(tx, row.id, "evidence_reminder", reminderAt(request.now, dueAt), {
        requestId: id,
      });
      return {
        timeline: [{ type: "evidence_requested", summary: `${body.party}: ${body.what}` }],
        audit: { party: body.party, dueAt: body.dueAt },
        outbox: [
          {
            type: "evidence_request",
            data: { requestId: id, party: body.party, what: body.what, dueAt: dueAt.toISOString() },
          },
        ],
      };
    },
  }),

  decision: (body, actor, request) => ({
    action: "decide",
    variant: "default",
    apply: async (tx, row) => {
      const planned = planDecision(row, body, "body", request.now);
      const id = await insertDecision(tx, row, planned, actor, row.stage, request.now);
      await scheduleVerification(tx, row.id, id, request.now);
      const effects: Effects = {
        set: row.stage === "first" ? { first_decider_id: actor.id } : {},
        timeline: [{ type: "decided", summary: body.outcome }],
        audit: decisionAudit(id, planned),
        outbox: [decisionEvent(planned, row.stage)],
      };
      return effects;
    },
  }),

  escalate: (body) => ({
    action: "escalate",
    variant: "default",
    apply: async () => ({
      set: { needs_supervisor: true },
      timeline: [{ type: "supervisor_requested", summary: body.reason }],
    }),
  }),

  appeal: (body, _actor, request) => ({
    action: "second_stage_appeal",
    variant: "default",
    apply: (tx, row) => fileSecondStage(tx, row, body.party, body.statement, request.now),
  }),

  review: (body, actor, request) => ({
    action: "review",
    variant: body.verdict,
    apply: async (tx, row) => {
      const effects: Effects = {
        timeline: [{ type: "reviewed", summary: body.verdict }],
        audit: { verdict: body.verdict, rationale: body.rationale },
        outbox: [
          { type: "review_verdict", data: { verdict: body.verdict, rationale: body.rationale } },
        ],
      };
      let decisionId: string | null = null;
      if (body.verdict === "overturn" && body.decision) {
        // The overturn is a decision like any other: the same money rules, the same record.
        const planned = planDecision(row, body.decision, "body/decision", request.now);
        decisionId = await insertDecision(tx, row, planned, actor, "second", request.now);
        effects.timeline?.push({ type: "decided", summary: body.decision.outcome });
        effects.audit = { ...effects.audit, overturnedTo: decisionAudit(decisionId, planned) };
        effects.outbox?.push(decisionEvent(planned, "second"));
      }
      if (body.verdict === "remand" && body.assignee) {
        await requireStaff(tx, body.assignee, null, "body/assignee");
        if (breaksFourEyes(body.assignee, row.first_deciders)) {
          throw fourEyesProblem(
            "Four-eyes: remand to someone who took no first-stage decision on this case.",
          );
        }
        effects.set = { assignee_id: body.assignee };
        effects.audit = { ...effects.audit, remandTo: body.assignee };
      }
      await tx.query(
        `insert into reviews (id, case_id, verdict, rationale, decision_id, remand_to, reviewed_by, reviewed_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          randomUUID(),
          row.id,
          body.verdict,
          body.rationale,
          decisionId,
          body.verdict === "remand" ? (body.assignee ?? null) : null,
          actor.id,
          request.now,
        ],
      );
      // Back to first-stage work: the new assignee gets a running resolution clock.
      if (body.verdict === "remand")
        effects.timeline?.push({ type: "reopened", summary: "remand" });
      if (body.verdict !== "remand") effects.timeline?.push({ type: "closed" });
      return effects;
    },
  }),

  verification: (body, actor, request) => ({
    action: "verify",
    variant:
      body.step === "feedback"
        ? body.satisfied
          ? "feedback_satisfied"
          : "feedback_unhappy"
        : body.step,
    apply: async (tx, row) =>
      recordVerification(tx, row.id, {
        step: body.step,
        satisfied: body.satisfied ?? null,
        note: body.note ?? "",
        party: null,
        byId: actor.id,
        now: request.now,
      }),
  }),

  redact: (body) => ({
    action: "redact",
    variant: "default",
    apply: async () => ({ audit: { reason: body.reason } }),
  }),
};

/** Shared by the desk's `appeal` and the integration side's `second-stage`. */
export async function fileSecondStage(
  tx: Queryable,
  row: CaseRow,
  party: "complainant" | "respondent",
  statement: string,
  now: Date,
): Promise<Effects> {
  if (row.stage === "second") {
    throw new HttpProblem(409, "Already appealed", "A case has one second-stage appeal at most.");
  }
  const [author] = await tx.query<{ display_name: string; language: string }>(
    "select display_name, language from parties where case_id = $1 and role = $2",
    [row.id, party],
  );
  await tx.query(
    `insert into messages (id, case_id, author, author_name, recipient, text, language, at)
     values ($1, $2, $3, $4, null, $5, $6, $7)`,
    [
      randomUUID(),
      row.id,
      party,
      author?.display_name ?? party,
      statement,
      author?.language ?? "en",
      now,
    ],
  );
  return {
    set: { stage: "second", assignee_id: null },
    timeline: [{ type: "appealed", summary: party }],
    audit: { party },
  };
}

/** One verification step as recorded: by a desk user (with a note) or the platform (a comment). */
export interface VerificationRecord {
  step: "records_checked" | "feedback" | "confirmed";
  satisfied: boolean | null;
  /** The agent's note, or the party's own comment. */
  note: string;
  /** The party whose feedback the platform sent; null at the desk. */
  party: "complainant" | "respondent" | null;
  byId: string;
  now: Date;
}

/** Shared by the desk's `verification` and the integration side's party feedback. */
export async function recordVerification(
  tx: Queryable,
  caseId: string,
  record: VerificationRecord,
): Promise<Effects> {
  const { step, satisfied, now } = record;
  const current = await readVerification(tx, caseId);
  const at = now.toISOString();
  const next: Verification =
    step === "records_checked"
      ? { ...current, recordsCheckedAt: at }
      : step === "feedback"
        ? { ...current, feedback: { satisfied: satisfied ?? false, at } }
        : { ...current, confirmedAt: at };
  const timeline: Effects["timeline"] =
    step === "feedback" && satisfied === false
      ? [{ type: "reopened", summary: "unhappy feedback" }]
      : step === "confirmed"
        ? [{ type: "verified" }, { type: "closed" }]
        : [];
  // The step's own row: `verification` below is the current state and resets on a reopen, while
  // this keeps every step, note and comment for the record.
  await tx.query(
    `insert into verification_steps (id, case_id, step, satisfied, note, party, by_id, at)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [randomUUID(), caseId, step, satisfied, record.note, record.party, record.byId, now],
  );
  const reopened = step === "feedback" && !satisfied;
  return {
    // Reopening starts verification afresh after the next decision.
    set: { verification: JSON.stringify(reopened ? null : next) },
    timeline,
    audit: {
      step,
      ...(satisfied === null ? {} : { satisfied }),
      ...(record.note ? { note: record.note } : {}),
    },
    outbox: [{ type: "verification_step", data: { step, satisfied, reopened } }],
  };
}

function partyLanguage(language: string | undefined): "vi" | "zh" | "en" {
  return language === "vi" || language === "zh" ? language : "en";
}

export function buildDeskAction<N extends MutationName>(
  name: N,
  body: MutationBody<N>,
  actor: ActorContext,
  request: RequestContext,
): ActionSpec {
  const builder = BUILDERS[name] as Builder<N>;
  return builder(body, actor, request);
}
