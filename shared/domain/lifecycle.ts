/**
 * The appeal lifecycle as one explicit state machine, used by the server (authoritative) and by the
 * desk (to grey out actions and to project queued offline actions). Pure: no I/O, no clock.
 *
 * A transition is (from status, action, variant) → to status, allowed for some actors. A few
 * actions have variants because the body decides where the case goes (the respondent's answer, the
 * review verdict, the verification step). Rules that need more than the status — who is assigned,
 * who took the first decision (four-eyes) — are checked by {@link checkTransition} too, so the desk
 * and the server refuse the same things for the same reasons.
 */
import type { CaseStage, CaseStatus } from "./appeal";
import { breaksFourEyes } from "./four-eyes";
import type { Role } from "./user";

/**
 * Who acts: desk users by role, the platform's backend through the integration API, or the server
 * itself (the respondent's 10-minute window running out).
 */
export type Actor = Role | "platform" | "system";

export const CASE_ACTIONS = [
  // Integration side: what the parties do through the exchange / payment app.
  "file",
  "respondent_answer",
  "respondent_timeout",
  "agreement_lapsed",
  "cancel_appeal",
  "party_message",
  "party_evidence",
  "second_stage_appeal",
  // Server side: a deadline job ran out (an evidence request unanswered, a verification day over).
  "evidence_deadline",
  "verification_overdue",
  // A clock that someone can still meet reached its warning point.
  "sla_warning",
  // Automatic routing gave a waiting case to an available agent with its skill (issue #19).
  "route",
  // Desk side: agents and supervisors.
  "claim",
  "release",
  "reassign",
  "note",
  "message",
  "phone_contact",
  "agent_evidence",
  "request_evidence",
  "decide",
  "escalate",
  "verify",
  "review",
  "redact",
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** The body-dependent branch of an action; `default` when the action has only one. */
export type TransitionVariant =
  | "default"
  // respondent_answer
  | "agreement_reached"
  | "negotiation_failed"
  // party_evidence while evidence is awaited: the last outstanding request is answered
  | "settles_request"
  // verify
  | "records_checked"
  | "feedback_satisfied"
  | "feedback_unhappy"
  | "confirmed"
  // review
  | "uphold"
  | "overturn"
  | "remand";

/** `same`: the action is recorded but the status does not change. `deleted`: a tombstone. */
export type TransitionTarget = CaseStatus | "same" | "deleted";

export interface Transition {
  action: CaseAction;
  variant: TransitionVariant;
  from: readonly CaseStatus[];
  to: TransitionTarget;
  actors: readonly Actor[];
  /**
   * `assignee`: an agent may act only on a case assigned to them (a supervisor may always).
   * `none`: any actor listed may act.
   */
  guard: "assignee" | "none";
}

const DESK: readonly Actor[] = ["agent", "supervisor"];
const OPEN: readonly CaseStatus[] = [
  "awaiting_respondent",
  "agreed",
  "escalated",
  "in_review",
  "awaiting_evidence",
  "decided",
  "verifying",
  "second_stage",
  "supervisor_review",
];
/** Where CS talks to the parties: from escalation until the case is closed. */
const WITH_CS: readonly CaseStatus[] = [
  "escalated",
  "in_review",
  "awaiting_evidence",
  "decided",
  "verifying",
  "second_stage",
  "supervisor_review",
];
const WORKING: readonly CaseStatus[] = ["in_review", "awaiting_evidence"];

const t = (
  action: CaseAction,
  from: readonly CaseStatus[],
  to: TransitionTarget,
  actors: readonly Actor[],
  options: { variant?: TransitionVariant; guard?: Transition["guard"] } = {},
): Transition => ({
  action,
  variant: options.variant ?? "default",
  from,
  to,
  actors,
  guard: options.guard ?? "none",
});

/**
 * Every allowed transition. Read top to bottom it is the lifecycle of the domain brief:
 * filed → respondent window → agreed (cancelled) or escalated → in review → awaiting evidence →
 * decided → verifying → closed; or second-stage appeal → supervisor review → closed / remanded.
 */
export const TRANSITIONS: readonly Transition[] = [
  // The respondent's 10 minutes (wall clock).
  t("respondent_answer", ["awaiting_respondent"], "agreed", ["platform"], {
    variant: "agreement_reached",
  }),
  t("respondent_answer", ["awaiting_respondent"], "escalated", ["platform"], {
    variant: "negotiation_failed",
  }),
  t("respondent_timeout", ["awaiting_respondent"], "escalated", ["system"]),
  // The complainant did not confirm the agreement: back to "negotiation failed".
  // The platform reports it, or the server's 24-hour confirmation deadline runs out.
  t("agreement_lapsed", ["agreed"], "escalated", ["platform", "system"]),
  // Confirming an agreement cancels the appeal; so does a complainant withdrawing it early.
  t("cancel_appeal", ["awaiting_respondent", "agreed", "escalated"], "closed", ["platform"]),
  t("party_message", OPEN, "same", ["platform"]),
  t("party_evidence", OPEN, "same", ["platform"]),
  t("party_evidence", ["awaiting_evidence"], "in_review", ["platform"], {
    variant: "settles_request",
  }),
  t("second_stage_appeal", ["decided", "verifying"], "second_stage", ["platform", ...DESK]),
  // An evidence deadline passed unanswered: the last outstanding one sends the case back to review.
  t("evidence_deadline", ["awaiting_evidence"], "in_review", ["system"], {
    variant: "settles_request",
  }),
  t("evidence_deadline", [...WORKING, "escalated", "supervisor_review"], "same", ["system"]),
  t("verification_overdue", ["decided", "verifying"], "same", ["system"]),
  t("sla_warning", OPEN, "same", ["system"]),

  // First stage, at the desk.
  t("claim", ["escalated"], "in_review", DESK),
  t("claim", ["second_stage"], "supervisor_review", ["supervisor"]),
  t("release", WORKING, "escalated", DESK, { guard: "assignee" }),
  t("release", ["supervisor_review"], "second_stage", ["supervisor"]),
  t("reassign", ["escalated"], "in_review", ["supervisor"]),
  // Routing assigns like a supervisor's reassign: the agent has the case in review.
  t("route", ["escalated"], "in_review", ["system"]),
  t("reassign", WORKING, "same", ["supervisor"]),
  t("reassign", ["second_stage", "supervisor_review"], "supervisor_review", ["supervisor"]),
  t("note", [...OPEN, "closed"], "same", DESK),
  t("message", WITH_CS, "same", DESK, { guard: "assignee" }),
  t("phone_contact", WITH_CS, "same", DESK, { guard: "assignee" }),
  t("agent_evidence", WITH_CS, "same", DESK, { guard: "assignee" }),
  t("request_evidence", WORKING, "awaiting_evidence", DESK, { guard: "assignee" }),
  t("request_evidence", ["supervisor_review"], "same", ["supervisor"]),
  // A party that misses an evidence deadline may lose: deciding while awaiting evidence is allowed.
  t("decide", WORKING, "decided", DESK, { guard: "assignee" }),
  // Asking a supervisor to look: the case stays where it is, flagged until a supervisor acts.
  t("escalate", WORKING, "same", ["agent"], { guard: "assignee" }),

  // Post-decision verification (3 days): records, the parties' feedback, confirmation.
  t("verify", ["decided"], "verifying", DESK, { variant: "records_checked", guard: "assignee" }),
  // Feedback is recorded by the agent who called the parties, or sent by the platform.
  t("verify", ["verifying"], "same", [...DESK, "platform"], {
    variant: "feedback_satisfied",
    guard: "assignee",
  }),
  t("verify", ["verifying"], "in_review", [...DESK, "platform"], {
    variant: "feedback_unhappy",
    guard: "assignee",
  }),
  t("verify", ["verifying"], "closed", DESK, { variant: "confirmed", guard: "assignee" }),

  // Second stage: a supervisor who did not take the first decision reviews it.
  t("review", ["supervisor_review"], "closed", ["supervisor"], { variant: "uphold" }),
  t("review", ["supervisor_review"], "closed", ["supervisor"], { variant: "overturn" }),
  t("review", ["supervisor_review"], "in_review", ["supervisor"], { variant: "remand" }),

  // Redaction (e.g. a data-protection request): the case leaves every desk as a tombstone.
  t("redact", [...OPEN, "closed"], "deleted", ["supervisor"]),
];

/** What the rules need to know about the case beyond its status. */
export interface LifecycleCase {
  status: CaseStatus;
  stage: CaseStage;
  assigneeId: string | null;
  /** Everyone who took a first-stage decision on the case, for four-eyes; empty before any. */
  firstStageDeciderIds: readonly string[];
}

export interface LifecycleActor {
  role: Actor;
  /** The desk user's id; absent for the platform and the system. */
  userId?: string;
}

export type TransitionCheck =
  | { ok: true; to: CaseStatus | "deleted"; transition: Transition }
  /** `invalid_state`: not from this status (409). `forbidden`: not by this actor (403). */
  | { ok: false; reason: "invalid_state" | "forbidden"; message: string };

/** The transitions an action has, whatever the status: for the desk's menus and docs. */
export function transitionsOf(action: CaseAction): Transition[] {
  return TRANSITIONS.filter((tr) => tr.action === action);
}

/**
 * Whether `role` may take `action` in any status at all (with `variant`, or with any variant when
 * it is not given). A role that never may is refused before the case is even looked at.
 */
export function mayEverTake(role: Actor, action: CaseAction, variant?: TransitionVariant): boolean {
  return TRANSITIONS.some(
    (tr) =>
      tr.action === action &&
      (variant === undefined || tr.variant === variant) &&
      tr.actors.includes(role),
  );
}

/**
 * Decides whether `actor` may take `action` (with `variant`) on the case now, and where it leads.
 * A role that may never take the action is refused first (403 whatever the status). Otherwise
 * status is checked before role, so a desk showing a stale case learns "it moved on" (409) rather
 * than "you may not" (403).
 */
export function checkTransition(
  current: LifecycleCase,
  action: CaseAction,
  actor: LifecycleActor,
  variant: TransitionVariant = "default",
): TransitionCheck {
  if (!mayEverTake(actor.role, action, variant)) {
    return {
      ok: false,
      reason: "forbidden",
      message: `${describe(action, variant)} is never for the ${actor.role} role.`,
    };
  }
  const candidates = TRANSITIONS.filter(
    (tr) => tr.action === action && tr.variant === variant && tr.from.includes(current.status),
  );
  if (candidates.length === 0) {
    return {
      ok: false,
      reason: "invalid_state",
      message: `A case that is ${current.status.replaceAll("_", " ")} does not allow ${describe(action, variant)}.`,
    };
  }
  const transition = candidates.find((tr) => tr.actors.includes(actor.role));
  if (!transition) {
    return {
      ok: false,
      reason: "forbidden",
      message: `${describe(action, variant)} is not for the ${actor.role} role at this point.`,
    };
  }
  if (
    transition.guard === "assignee" &&
    actor.role === "agent" &&
    current.assigneeId !== actor.userId
  ) {
    return {
      ok: false,
      reason: "forbidden",
      message: "Only the assigned agent (or a supervisor) may do this; claim the case first.",
    };
  }
  if (
    isSecondStageReview(action, current) &&
    actor.userId !== undefined &&
    breaksFourEyes(actor.userId, current.firstStageDeciderIds)
  ) {
    return {
      ok: false,
      reason: "forbidden",
      message:
        "Four-eyes: the second-stage review must be done by someone other than the first decider.",
    };
  }
  const to = transition.to === "same" ? current.status : transition.to;
  return { ok: true, to, transition };
}

/** Claiming, reviewing or deciding a second-stage case are the acts four-eyes forbids the first decider. */
function isSecondStageReview(action: CaseAction, current: LifecycleCase): boolean {
  if (current.stage !== "second") return false;
  return (
    action === "review" ||
    action === "decide" ||
    (action === "claim" && current.status === "second_stage")
  );
}

function describe(action: CaseAction, variant: TransitionVariant): string {
  const name = action.replaceAll("_", " ");
  return variant === "default" ? `"${name}"` : `"${name}" (${variant.replaceAll("_", " ")})`;
}

/** Statuses in which the desk still has work to do; `closed` and the pre-escalation ones excluded. */
export const DESK_STATUSES: readonly CaseStatus[] = WITH_CS;

/** The respondent's window and the re-filing cool-down, wall clock, from the domain brief. */
export const RESPONDENT_WINDOW_MS = 10 * 60 * 1000;
export const REFILE_COOLDOWN_MS = 5 * 60 * 1000;

/**
 * The complainant's 24 hours (wall clock) to confirm an agreement the respondent reported; the
 * server's deadline job and the desk's countdown both count from the `agreement_reached` event.
 */
export const AGREEMENT_CONFIRMATION_MS = 24 * 60 * 60 * 1000;
