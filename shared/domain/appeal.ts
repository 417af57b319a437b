import { z } from "zod";
import { DecisionTerms } from "../money/terms";
import { Currency, DecimalString } from "./money";
import { UserId } from "./user";

/** Timestamps cross every boundary as ISO 8601 strings with an offset (UTC `Z` from the server). */
export const Instant = z.iso.datetime({ offset: true });
export type Instant = z.infer<typeof Instant>;

/** `AP-000123`: the human reference agents read out on the phone. Six digits at least, more when needed. */
export const CaseReference = z.string().regex(/^AP-\d{6,}$/, "a reference such as AP-000123");
export type CaseReference = z.infer<typeof CaseReference>;

export const CaseId = z.string().min(1).max(64);
export type CaseId = z.infer<typeof CaseId>;

/** A P2P trade (crypto against fiat paid off-platform) or a payment made through a payment platform. */
export const CaseKind = z.enum(["p2p_trade", "payment"]);
export type CaseKind = z.infer<typeof CaseKind>;

/** Why the complainant filed. The first group is P2P, the second payments. */
export const AppealReason = z.enum([
  "paid_not_released",
  "payment_not_received",
  "wrong_amount_received",
  "payment_failed_refunded",
  "failed_payment",
  "wrong_amount_charged",
  "duplicate_charge",
  "service_not_delivered",
  "account_takeover",
  "repayment_hardship",
]);
export type AppealReason = z.infer<typeof AppealReason>;

/** Which regional working-time calendar the case's SLA clocks run on. */
export const RegionCalendarId = z.enum(["CN", "VN", "UTC"]);
export type RegionCalendarId = z.infer<typeof RegionCalendarId>;

export const Language = z.enum(["vi", "zh", "en"]);
export type Language = z.infer<typeof Language>;

/**
 * Where the appeal stands. The transitions between these states are defined once, in the
 * lifecycle state machine, and enforced by the server.
 */
export const CaseStatus = z.enum([
  "awaiting_respondent",
  "agreed",
  "escalated",
  "in_review",
  "awaiting_evidence",
  "decided",
  "verifying",
  "second_stage",
  "supervisor_review",
  "closed",
]);
export type CaseStatus = z.infer<typeof CaseStatus>;

/** First-stage arbitration by an agent, or second-stage review by a supervisor. */
export const CaseStage = z.enum(["first", "second"]);
export type CaseStage = z.infer<typeof CaseStage>;

export const PartyRole = z.enum(["complainant", "respondent"]);
export type PartyRole = z.infer<typeof PartyRole>;

/** The party's side of the deal: buyer/seller on a P2P trade, payer/merchant on a payment. */
export const PartySide = z.enum(["buyer", "seller", "payer", "merchant"]);
export type PartySide = z.infer<typeof PartySide>;

export const Party = z.object({
  role: PartyRole,
  side: PartySide,
  /** The platform's own id for the user, not ours. */
  externalUserId: z.string().min(1).max(64),
  displayName: z.string().min(1).max(120),
  /** E.164 with country code, as the party left it when filing. */
  phone: z.string().max(32).nullable(),
  email: z.string().max(254).nullable(),
  language: Language,
  /** What the party says happened, in their own words and language. */
  statement: z.string().max(10_000),
});
export type Party = z.infer<typeof Party>;

export const Trade = z.object({
  orderId: z.string().min(1).max(64),
  asset: Currency,
  assetAmount: DecimalString,
  fiatAmount: DecimalString,
  fiatCurrency: Currency,
  price: DecimalString,
  paymentMethod: z.string().max(64),
  createdAt: Instant,
  markedPaidAt: Instant.nullable(),
});
export type Trade = z.infer<typeof Trade>;

export const Payment = z.object({
  transactionId: z.string().min(1).max(64),
  amount: DecimalString,
  currency: Currency,
  merchant: z.string().max(120),
  method: z.string().max(64),
  occurredAt: Instant,
});
export type Payment = z.infer<typeof Payment>;

export const MessageAuthor = z.enum(["complainant", "respondent", "agent", "system"]);
export type MessageAuthor = z.infer<typeof MessageAuthor>;

export const Message = z.object({
  id: z.string().min(1).max(64),
  author: MessageAuthor,
  authorName: z.string().max(120),
  /** For CS messages: which party it was sent to; null for the parties' chat with each other. */
  to: PartyRole.nullable(),
  text: z.string().max(10_000),
  language: Language,
  at: Instant,
});
export type Message = z.infer<typeof Message>;

export const EvidenceMime = z.enum([
  "image/png",
  "image/jpeg",
  "image/webp",
  "application/pdf",
  "text/plain",
]);
export type EvidenceMime = z.infer<typeof EvidenceMime>;

export const Evidence = z.object({
  id: z.string().min(1).max(64),
  uploadedBy: MessageAuthor,
  fileName: z.string().max(255),
  mimeType: EvidenceMime,
  size: z.number().int().nonnegative(),
  /** Lower-case hex sha256 of the bytes: what the content is stored under and verified against. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  description: z.string().max(2_000),
  uploadedAt: Instant,
});
export type Evidence = z.infer<typeof Evidence>;

export const DecisionOutcome = z.enum([
  "release",
  "cancel_order",
  "full_refund",
  "partial_refund",
  "compensation",
  "mediation",
  "repayment_plan",
]);
export type DecisionOutcome = z.infer<typeof DecisionOutcome>;

export const Decision = z.object({
  id: z.string().min(1).max(64),
  stage: CaseStage,
  outcome: DecisionOutcome,
  /** The role of the side that receives (see `shared/money/payout`); null when no one side does. */
  favouredParty: PartyRole.nullable(),
  /** What the receiver gets, in `currency`: the escrow, the refund, a repayment plan's total. */
  amount: DecimalString.nullable(),
  rationale: z.string(),
  decidedBy: UserId,
  decidedAt: Instant,
  /** The side of the deal that receives: buyer/seller/payer/merchant. Null on older records. */
  receiverSide: PartySide.nullable().default(null),
  currency: Currency.nullable().default(null),
  /** Compensation, mediation agreement or repayment plan, when the outcome has them. */
  terms: DecisionTerms.nullable().default(null),
});
export type Decision = z.infer<typeof Decision>;

export const CasePriority = z.enum(["urgent", "high", "normal", "low"]);
export type CasePriority = z.infer<typeof CasePriority>;

/**
 * One row of the queue: what an agent needs to pick the next case, without its detail.
 * `amount`/`currency` are the disputed fiat amount (trade) or the payment amount.
 */
export const CaseSummary = z.object({
  id: CaseId,
  reference: CaseReference,
  kind: CaseKind,
  reason: AppealReason,
  status: CaseStatus,
  stage: CaseStage,
  region: RegionCalendarId,
  amount: DecimalString,
  currency: Currency,
  complainantName: z.string(),
  respondentName: z.string(),
  assigneeId: UserId.nullable(),
  filedAt: Instant,
  escalatedAt: Instant.nullable(),
  updatedAt: Instant,
  /** Optimistic-concurrency version: every accepted mutation increments it. */
  version: z.number().int().positive(),
  priority: CasePriority,
  /**
   * The earliest deadline among the case's running SLA clocks, computed by the server with the SLA
   * engine on the case's regional calendar when the case last changed; null when no clock runs
   * (closed, paused while awaiting evidence, not yet filed).
   */
  dueAt: Instant.nullable(),
  /** When that clock starts warning (a fraction of its target elapsed). "At risk" from here on. */
  warnAt: Instant.nullable(),
  /** An agent asked a supervisor to look at the case and no supervisor has acted since. */
  needsSupervisor: z.boolean(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const TimelineEventType = z.enum([
  "order_created",
  "marked_paid",
  "appeal_filed",
  "respondent_answered",
  "escalated",
  "claimed",
  "released",
  "evidence_requested",
  "evidence_received",
  "decided",
  "appealed",
  "reviewed",
  "closed",
  "agreement_reached",
  "agreement_lapsed",
  "cancelled",
  "reassigned",
  "supervisor_requested",
  "message_sent",
  "contacted",
  "verified",
  "reopened",
  // A party let an evidence request's deadline pass: the paused clock resumes.
  "evidence_deadline_passed",
  // A post-decision verification day ended with its step not done.
  "verification_overdue",
  // A running clock reached its warning point (summary: the clock's id); the deadline is near.
  "sla_warning",
]);
export type TimelineEventType = z.infer<typeof TimelineEventType>;

export const TimelineEvent = z.object({
  id: z.string().min(1).max(64),
  type: TimelineEventType,
  at: Instant,
  actor: z.string().max(120),
  summary: z.string().max(2_000),
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;

/** An internal note: seen by CS only, never by the parties. */
export const InternalNote = z.object({
  id: z.string().min(1).max(64),
  authorId: UserId,
  authorName: z.string().max(120),
  text: z.string().max(10_000),
  at: Instant,
});
export type InternalNote = z.infer<typeof InternalNote>;

export const PhoneContactOutcome = z.enum(["reached", "no_answer", "voicemail", "wrong_number"]);
export type PhoneContactOutcome = z.infer<typeof PhoneContactOutcome>;

/** A call CS made to a party, recorded by the agent who made it. */
export const PhoneContact = z.object({
  id: z.string().min(1).max(64),
  party: PartyRole,
  phone: z.string().max(32).nullable(),
  outcome: PhoneContactOutcome,
  summary: z.string().max(2_000),
  byId: UserId,
  at: Instant,
});
export type PhoneContact = z.infer<typeof PhoneContact>;

/**
 * "Provide more info": what CS asked a party for and by when. The party is notified by e-mail and
 * SMS by the platform; a party that misses `dueAt` may lose the case.
 */
export const EvidenceRequest = z.object({
  id: z.string().min(1).max(64),
  party: PartyRole,
  what: z.string().max(2_000),
  dueAt: Instant,
  requestedById: UserId,
  requestedAt: Instant,
  /** When the party uploaded evidence after the request; null while outstanding. */
  fulfilledAt: Instant.nullable(),
  /**
   * When the deadline passed with the request unanswered (set by the server's deadline job);
   * from then on CS may decide on the evidence available. Null while open or once fulfilled.
   */
  lapsedAt: Instant.nullable().default(null),
});
export type EvidenceRequest = z.infer<typeof EvidenceRequest>;

export const SlaClockStatus = z.enum(["pending", "running", "paused", "met", "breached"]);
export type SlaClockStatus = z.infer<typeof SlaClockStatus>;

/** One SLA clock of a case as the server computed it at `computedAt` of the detail. */
export const SlaClock = z.object({
  clockId: z.string().min(1).max(64),
  label: z.string().max(200),
  status: SlaClockStatus,
  /** `working`: minutes of the region's working calendar; `wall`: plain elapsed minutes. */
  measure: z.enum(["working", "wall"]),
  targetMinutes: z.number().nonnegative(),
  startedAt: Instant.nullable(),
  stoppedAt: Instant.nullable(),
  /** Null while pending or paused: the deadline depends on when the party answers. */
  dueAt: Instant.nullable(),
  elapsedMinutes: z.number(),
  remainingMinutes: z.number(),
  isWarning: z.boolean(),
});
export type SlaClock = z.infer<typeof SlaClock>;

/** Post-decision verification: day 1 records, day 2 the parties' feedback, day 3 confirmation. */
export const Verification = z.object({
  recordsCheckedAt: Instant.nullable(),
  feedback: z.object({ satisfied: z.boolean(), at: Instant }).nullable(),
  confirmedAt: Instant.nullable(),
});
export type Verification = z.infer<typeof Verification>;

export const ReviewVerdictKind = z.enum(["uphold", "overturn", "remand"]);

/** A supervisor's second-stage review, with the rationale the parties and auditors read. */
export const Review = z.object({
  id: z.string().min(1).max(64),
  verdict: ReviewVerdictKind,
  rationale: z.string(),
  /** The new decision of an overturn. */
  decisionId: z.string().nullable(),
  /** Who takes the case again on a remand. */
  remandTo: UserId.nullable(),
  reviewedBy: UserId,
  reviewedAt: Instant,
});
export type Review = z.infer<typeof Review>;

/** One step of post-decision verification as it was recorded, with its note or the party's comment. */
export const VerificationStep = z.object({
  id: z.string().min(1).max(64),
  step: z.enum(["records_checked", "feedback", "confirmed"]),
  /** Feedback only: whether the party was satisfied. */
  satisfied: z.boolean().nullable(),
  /** The agent's note, or the party's own comment when the platform sent the feedback. */
  note: z.string(),
  /** Feedback sent by the platform names the party it came from. */
  party: PartyRole.nullable(),
  /** A desk user's id, or `platform`. */
  byId: z.string(),
  at: Instant,
});
export type VerificationStep = z.infer<typeof VerificationStep>;

export const CaseDetail = CaseSummary.extend({
  complainant: Party,
  respondent: Party,
  trade: Trade.nullable(),
  payment: Payment.nullable(),
  messages: z.array(Message),
  evidence: z.array(Evidence),
  timeline: z.array(TimelineEvent),
  /** Every decision, oldest first: the first-stage one, then any second-stage one. */
  decisions: z.array(Decision),
  notes: z.array(InternalNote),
  phoneContacts: z.array(PhoneContact),
  evidenceRequests: z.array(EvidenceRequest),
  /** Deadline of the respondent's 10-minute window while it runs; null otherwise. */
  respondentDeadline: Instant.nullable(),
  verification: Verification.nullable(),
  slaClocks: z.array(SlaClock),
  /** The instant the SLA clocks were evaluated at (the response time). */
  computedAt: Instant,
  /** Every second-stage review, oldest first. */
  reviews: z.array(Review).default([]),
  /** Every verification step ever recorded, oldest first (a reopened case keeps its history). */
  verificationSteps: z.array(VerificationStep).default([]),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

/** Formats the sequence number the server assigns into the public reference. */
export function formatCaseReference(sequence: number): CaseReference {
  return `AP-${String(sequence).padStart(6, "0")}`;
}
