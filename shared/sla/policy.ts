/**
 * SLA policies: which clocks a case runs, what starts, stops and pauses each, and its targets.
 * Policies cross boundaries (server config, case records, the desk), so they are zod schemas.
 */
import { z } from "zod";

/** What happened on a case, as far as the clocks care. `at` is an ISO instant with offset. */
export const CASE_EVENT_TYPES = [
  "appeal_filed",
  "respondent_answered",
  "escalated",
  "first_response",
  "evidence_requested",
  "evidence_received",
  "decided",
  "appealed",
  "reviewed",
  "verified",
  "closed",
  // The case went back to first-stage work (unhappy feedback, a remand): clocks start afresh.
  "reopened",
] as const;
export const CaseEventTypeSchema = z.enum(CASE_EVENT_TYPES);
export type CaseEventType = z.infer<typeof CaseEventTypeSchema>;

export const CaseEventSchema = z.object({
  type: CaseEventTypeSchema,
  at: z.iso.datetime({ offset: true }),
});
export type CaseEvent = z.infer<typeof CaseEventSchema>;

export const PrioritySchema = z.enum(["urgent", "high", "normal", "low"]);
export type Priority = z.infer<typeof PrioritySchema>;

export const CaseKindSchema = z.enum([
  "p2p_trade",
  "payment_simple",
  "payment_complex",
  "account_security",
]);
export type CaseKind = z.infer<typeof CaseKindSchema>;

/**
 * A target: an amount of working time (measured on the case's calendar) or of wall time.
 * `working_days` is converted with the calendar's standard day (9 h by default).
 */
export const TargetSchema = z.discriminatedUnion("unit", [
  z.object({ unit: z.literal("working_days"), amount: z.number().positive() }),
  z.object({ unit: z.literal("working_minutes"), amount: z.number().positive() }),
  z.object({ unit: z.literal("wall_minutes"), amount: z.number().positive() }),
]);
export type Target = z.infer<typeof TargetSchema>;

/** A target for a case kind and/or priority; the most specific matching rule wins. */
export const TargetRuleSchema = z.object({
  caseKind: CaseKindSchema.optional(),
  priority: PrioritySchema.optional(),
  target: TargetSchema,
});

export const ClockDefinitionSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  /** The clock starts at the first of these events. */
  startOn: z.array(CaseEventTypeSchema).min(1),
  /** The clock stops for good at the first of these after it started. */
  stopOn: z.array(CaseEventTypeSchema).min(1),
  /**
   * Pauses: each `pauseOn` event opens one outstanding request, each `resumeOn` event settles one;
   * the clock is paused while any is outstanding (two parties asked → both must answer).
   */
  pauseOn: z.array(CaseEventTypeSchema).default([]),
  resumeOn: z.array(CaseEventTypeSchema).default([]),
  defaultTarget: TargetSchema,
  targets: z.array(TargetRuleSchema).default([]),
  /** Fraction of the target at which the clock warns (0.75 = at 75 %). */
  warnAt: z.number().gt(0).lt(1).default(0.75),
});
export type ClockDefinition = z.infer<typeof ClockDefinitionSchema>;

export const SlaPolicySchema = z.object({
  id: z.string().min(1),
  clocks: z.array(ClockDefinitionSchema).min(1),
});
export type SlaPolicy = z.infer<typeof SlaPolicySchema>;
export type SlaPolicyInput = z.input<typeof SlaPolicySchema>;

const days = (amount: number): Target => ({ unit: "working_days", amount });

/**
 * The default policy, from the figures the platforms publish (see /shared domain brief):
 * respondent 10 min wall; first response 3–5 working days; simple payment cases 1–2; resolution
 * 7–15 (paused while awaiting a party's evidence); second-stage review 10–20; post-decision
 * verification 3 calendar days. Within each range, urgent cases get the low end.
 */
export const DEFAULT_SLA_POLICY = SlaPolicySchema.parse({
  id: "default",
  clocks: [
    {
      id: "respondent_window",
      label: "Respondent answers the appeal",
      startOn: ["appeal_filed"],
      stopOn: ["respondent_answered", "escalated", "closed"],
      defaultTarget: { unit: "wall_minutes", amount: 10 },
      warnAt: 0.5,
    },
    {
      id: "first_response",
      label: "First response to the parties",
      startOn: ["escalated"],
      stopOn: ["first_response", "decided", "closed"],
      defaultTarget: days(5),
      targets: [
        { priority: "urgent", target: days(3) },
        { priority: "high", target: days(4) },
      ],
    },
    {
      id: "resolution",
      label: "Decision",
      startOn: ["escalated", "reopened"],
      stopOn: ["decided", "closed"],
      pauseOn: ["evidence_requested"],
      resumeOn: ["evidence_received"],
      defaultTarget: days(15),
      targets: [
        { priority: "urgent", target: days(7) },
        { priority: "high", target: days(10) },
        { caseKind: "payment_simple", target: days(2) },
        { caseKind: "payment_simple", priority: "urgent", target: days(1) },
        { caseKind: "payment_simple", priority: "high", target: days(1) },
      ],
    },
    {
      id: "second_stage_review",
      label: "Second-stage review",
      startOn: ["appealed"],
      stopOn: ["reviewed", "closed"],
      pauseOn: ["evidence_requested"],
      resumeOn: ["evidence_received"],
      defaultTarget: days(20),
      targets: [
        { priority: "urgent", target: days(10) },
        { priority: "high", target: days(15) },
      ],
    },
    {
      id: "post_decision_verification",
      label: "Post-decision verification",
      startOn: ["decided"],
      stopOn: ["verified", "appealed", "closed"],
      defaultTarget: { unit: "wall_minutes", amount: 3 * 24 * 60 },
    },
  ],
} satisfies SlaPolicyInput);

/** The target for a case: a rule naming kind and priority beats one naming either, beats default. */
export function targetFor(clock: ClockDefinition, caseKind: CaseKind, priority: Priority): Target {
  let best: Target = clock.defaultTarget;
  let bestScore = -1;
  for (const rule of clock.targets) {
    if (rule.caseKind !== undefined && rule.caseKind !== caseKind) continue;
    if (rule.priority !== undefined && rule.priority !== priority) continue;
    const score = (rule.caseKind !== undefined ? 2 : 0) + (rule.priority !== undefined ? 1 : 0);
    if (score > bestScore) {
      best = rule.target;
      bestScore = score;
    }
  }
  return best;
}
