/**
 * The wire contract of case report exports: what `GET /api/v1/cases/:id/report` returns and what
 * `POST /api/v1/cases/:id/contact-reveal` takes and returns. The desk builds the printable report
 * from this data; the server only gathers it, masks contacts and audits reveals.
 */
import { z } from "zod";
import { CaseDetail, Instant, PartyRole } from "../domain/appeal";
import { User } from "../domain/user";

/** How many of the latest audit entries a report carries; the total is stated beside them. */
export const REPORT_AUDIT_EXCERPT = 50;

/** One audit entry as a report shows it: who did what, when, and the chain link it sits on. */
export const ReportAuditEntry = z.object({
  seq: z.number().int().positive(),
  at: Instant,
  actorId: z.string(),
  actorName: z.string(),
  action: z.string(),
  beforeVersion: z.number().int().nullable(),
  afterVersion: z.number().int().nullable(),
  requestId: z.string().nullable(),
  hash: z.string(),
});
export type ReportAuditEntry = z.infer<typeof ReportAuditEntry>;

/**
 * Everything a case report needs. Contacts in `case` are always masked here: clear contacts come
 * only from the audited contact reveal.
 */
export const CaseReportData = z.object({
  case: CaseDetail,
  /** Display names of every user the case mentions (deciders, assignee, audit actors). */
  userNames: z.record(z.string(), z.string()),
  /** The latest entries of the case's audit trail, oldest first. */
  audit: z.array(ReportAuditEntry),
  auditTotal: z.number().int().nonnegative(),
  /** Who asked for the data and when: the report's footer. */
  exportedBy: User,
  exportedAt: Instant,
});
export type CaseReportData = z.infer<typeof CaseReportData>;

/** Why clear contact details are needed; recorded in the audit trail with the reveal. */
export const ContactRevealPurpose = z.enum(["report", "contact_party"]);
export type ContactRevealPurpose = z.infer<typeof ContactRevealPurpose>;

/** The shortest reason a reveal accepts: enough to say why, so "x" does not pass as one. */
export const REVEAL_REASON_MIN = 5;

/**
 * A reveal states why: the reason is written to the audit trail beside the reveal, where a
 * data-protection officer reads it. Only the case's assignee or a supervisor may reveal.
 */
export const ContactRevealBody = z.strictObject({
  purpose: ContactRevealPurpose,
  reason: z
    .string()
    .trim()
    .min(REVEAL_REASON_MIN, `say why the contacts are needed (${REVEAL_REASON_MIN}+ characters)`)
    .max(500),
});
export type ContactRevealBody = z.infer<typeof ContactRevealBody>;

export const PartyContacts = z.object({
  role: PartyRole,
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export type PartyContacts = z.infer<typeof PartyContacts>;

/** The clear contacts of both parties, and the audit entry that recorded this reveal. */
export const ContactRevealResponse = z.object({
  contacts: z.array(PartyContacts),
  auditSeq: z.number().int().positive().nullable(),
  revealedAt: Instant,
});
export type ContactRevealResponse = z.infer<typeof ContactRevealResponse>;
