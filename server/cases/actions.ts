import { randomUUID } from "node:crypto";
import type { MutationBody, MutationName } from "@shared/api/mutations";
import type { Verification } from "@shared/domain/appeal";
import type { Queryable } from "../db/database";
import { toDecimal } from "../db/values";
import { reminderAt, VERIFICATION_DAY_MS, VERIFICATION_STEPS } from "../deadlines/handlers";
import { scheduleJob } from "../deadlines/jobs";
import { HttpProblem } from "../http/problem";
import type { OutboxRecord } from "../outbox/outbox";
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

async function insertDecision(
  tx: Queryable,
  row: CaseRow,
  decision: MutationBody<"decision">,
  actor: ActorContext,
  stage: "first" | "second",
  now: Date,
): Promise<string> {
  const id = randomUUID();
  await tx.query(
    `insert into decisions (id, case_id, stage, outcome, favoured_party, amount, rationale, decided_by, decided_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      id,
      row.id,
      stage,
      decision.outcome,
      decision.favouredParty ?? null,
      decision.amount ?? null,
      decision.rationale,
      actor.id,
      now,
    ],
  );
  return id;
}

/** Outcomes that move the disputed amount (or the coins) as a whole to the favoured party. */
const MOVES_WHOLE_AMOUNT = new Set(["release", "cancel_order", "full_refund"]);

/** The platform's view of a decision: what to do, for whom, how much. */
async function decisionEvent(
  tx: Queryable,
  row: CaseRow,
  decision: MutationBody<"decision">,
  stage: "first" | "second",
): Promise<OutboxRecord> {
  const favoured = decision.favouredParty ?? null;
  const [party] = favoured
    ? await tx.query<{ side: "buyer" | "seller" | "payer" | "merchant" }>(
        "select side from parties where case_id = $1 and role = $2",
        [row.id, favoured],
      )
    : [];
  const amount = decision.amount ?? (MOVES_WHOLE_AMOUNT.has(decision.outcome) ? row.amount : null);
  return {
    type: "decision",
    data: {
      stage,
      outcome: decision.outcome,
      favouredParty: favoured,
      receiver: favoured && party ? { role: favoured, side: party.side } : null,
      amount: amount === null ? null : toDecimal(String(amount)),
      currency: row.currency,
      rationale: decision.rationale,
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

  reassign: (body) => ({
    action: "reassign",
    variant: "default",
    apply: async (tx, row, to) => {
      // Second-stage cases go to a supervisor who did not decide the first stage (four-eyes).
      const secondStage = to === "supervisor_review";
      await requireStaff(tx, body.assignee, secondStage ? "supervisor" : null, "body/assignee");
      if (secondStage && body.assignee === row.first_decider_id) {
        throw new HttpProblem(
          403,
          "Forbidden",
          "Four-eyes: the first decider may not review the second stage.",
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
      const id = await insertDecision(tx, row, body, actor, row.stage, request.now);
      await scheduleVerification(tx, row.id, id, request.now);
      const effects: Effects = {
        set: row.stage === "first" ? { first_decider_id: actor.id } : {},
        timeline: [{ type: "decided", summary: body.outcome }],
        audit: { decision: id, outcome: body.outcome, favouredParty: body.favouredParty ?? null },
        outbox: [await decisionEvent(tx, row, body, row.stage)],
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
        audit: { verdict: body.verdict },
        outbox: [{ type: "review_verdict", data: { verdict: body.verdict } }],
      };
      if (body.verdict === "overturn" && body.decision) {
        const id = await insertDecision(tx, row, body.decision, actor, "second", request.now);
        effects.timeline?.push({ type: "decided", summary: body.decision.outcome });
        effects.audit = { ...effects.audit, decision: id, outcome: body.decision.outcome };
        effects.outbox?.push(await decisionEvent(tx, row, body.decision, "second"));
      }
      if (body.verdict === "remand" && body.assignee) {
        await requireStaff(tx, body.assignee, null, "body/assignee");
        if (body.assignee === row.first_decider_id) {
          throw new HttpProblem(
            403,
            "Forbidden",
            "Four-eyes: remand to someone other than the first decider.",
          );
        }
        effects.set = { assignee_id: body.assignee };
      }
      // Back to first-stage work: the new assignee gets a running resolution clock.
      if (body.verdict === "remand")
        effects.timeline?.push({ type: "reopened", summary: "remand" });
      if (body.verdict !== "remand") effects.timeline?.push({ type: "closed" });
      return effects;
    },
  }),

  verification: (body, _actor, request) => ({
    action: "verify",
    variant:
      body.step === "feedback"
        ? body.satisfied
          ? "feedback_satisfied"
          : "feedback_unhappy"
        : body.step,
    apply: async (tx, row) =>
      recordVerification(tx, row.id, body.step, body.satisfied ?? null, request.now),
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

/** Shared by the desk's `verification` and the integration side's party feedback. */
export async function recordVerification(
  tx: Queryable,
  caseId: string,
  step: "records_checked" | "feedback" | "confirmed",
  satisfied: boolean | null,
  now: Date,
): Promise<Effects> {
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
  const reopened = step === "feedback" && !satisfied;
  return {
    // Reopening starts verification afresh after the next decision.
    set: { verification: JSON.stringify(reopened ? null : next) },
    timeline,
    audit: { step, ...(satisfied === null ? {} : { satisfied }) },
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
