import { z } from "zod";
import { DecisionOutcome, Instant } from "../domain/appeal";
import { UserId } from "../domain/user";
import { REPLY_LANGUAGES, unknownPlaceholders } from "../replies/placeholders";

/**
 * Canned replies and decision macros: texts supervisors keep in the four desk languages, which an
 * agent inserts into a message (a reply) or the decision dialog (a macro: outcome + rationale).
 * A macro only pre-fills the dialog; the decision is still checked by the money model on the desk
 * and by the server, like one typed by hand.
 */
export const ReplyKind = z.enum(["reply", "decision_macro"]);
export type ReplyKind = z.infer<typeof ReplyKind>;

export const ReplyLanguage = z.enum(REPLY_LANGUAGES);

export const REPLY_BODY_MAX = 4_000;

const Body = z.string().trim().min(1).max(REPLY_BODY_MAX);

/** One text per language; every one is required, so a reply reads the same in each. */
export const ReplyBodies = z.strictObject({
  vi: Body,
  "zh-Hans": Body,
  "zh-Hant": Body,
  en: Body,
});
export type ReplyBodies = z.infer<typeof ReplyBodies>;

const Tag = z.string().trim().min(1).max(32);

/**
 * What a supervisor saves. Refused (400, naming the field) when a body names an unknown
 * placeholder, when a macro has no outcome, or a plain reply has one.
 */
export const ReplyWrite = z
  .strictObject({
    kind: ReplyKind,
    title: z.string().trim().min(1).max(120),
    bodies: ReplyBodies,
    outcome: DecisionOutcome.nullable().default(null),
    tags: z.array(Tag).max(10).default([]),
  })
  .superRefine((reply, ctx) => {
    for (const language of REPLY_LANGUAGES) {
      const unknown = unknownPlaceholders(reply.bodies[language]);
      if (unknown.length > 0) {
        ctx.addIssue({
          code: "custom",
          path: ["bodies", language],
          message: `unknown placeholder ${unknown.map((name) => `{${name}}`).join(", ")}`,
          params: { reason: "unknown_placeholder", names: unknown },
        });
      }
    }
    if (reply.kind === "decision_macro" && reply.outcome === null) {
      ctx.addIssue({
        code: "custom",
        path: ["outcome"],
        message: "a decision macro needs an outcome",
      });
    }
    if (reply.kind === "reply" && reply.outcome !== null) {
      ctx.addIssue({
        code: "custom",
        path: ["outcome"],
        message: "only a decision macro has an outcome",
      });
    }
  });
export type ReplyWrite = z.input<typeof ReplyWrite>;

export const ReplyId = z.string().regex(/^rp-[A-Za-z0-9_-]{1,60}$/);

export const Reply = z.object({
  id: ReplyId,
  kind: ReplyKind,
  title: z.string(),
  bodies: ReplyBodies,
  outcome: DecisionOutcome.nullable(),
  tags: z.array(z.string()),
  archived: z.boolean(),
  /** Optimistic-concurrency version of this reply (If-Match of an update or archive). */
  version: z.number().int().positive(),
  /** The change sequence of the reply's last write: what `since` compares with. */
  seq: z.number().int().positive(),
  updatedAt: Instant,
  updatedBy: UserId,
});
export type Reply = z.infer<typeof Reply>;

export const ReplyIdParams = z.object({ id: ReplyId });

export const ReplyListQuery = z.object({
  /** Only replies written after this change sequence (0: all); archived ones are included. */
  since: z.coerce.number().int().nonnegative().default(0),
});

export const ReplyList = z.object({
  replies: z.array(Reply),
  /** The highest sequence the answer covers: the next call's `since`. */
  cursor: z.number().int().nonnegative(),
});
export type ReplyList = z.infer<typeof ReplyList>;
