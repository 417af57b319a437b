/**
 * Case report data and the audited contact reveal. The report itself is laid out by the desk (print
 * view or client-side PDF); the server gathers what it shows, masks contacts, and puts every reveal
 * of clear contact details on the hash-chained audit trail.
 */
import { REPORT_AUDIT_EXCERPT } from "@shared/reports/contract";
import { caseAudit } from "../audit/log";
import { loadCaseDetail } from "../cases/detail";
import type { Database } from "../db/database";
import type { ServerHandlers } from "../http/handlers";
import { HttpProblem } from "../http/problem";
import { journalSealed } from "../journal/journal";

export function reportHandlers(db: Database) {
  return {
    caseReport: async ({ params: { id } }, { user }) => {
      const now = new Date();
      const detail = await loadCaseDetail(db, id, now);
      if (!detail) throw new HttpProblem(404, "Not found", `There is no case ${id}.`);
      const audit = await caseAudit(db, id);
      const users = await db.query<{ id: string; display_name: string }>(
        "select id, display_name from users",
      );
      const userNames = Object.fromEntries(users.map((u) => [u.id, u.display_name]));
      const excerpt = audit.slice(-REPORT_AUDIT_EXCERPT);
      return {
        case: detail,
        userNames,
        audit: excerpt.map((entry) => ({
          seq: entry.seq,
          at: entry.at,
          actorId: entry.actorId,
          actorName: userNames[entry.actorId] ?? entry.actorId,
          action: entry.action,
          beforeVersion: entry.beforeVersion,
          afterVersion: entry.afterVersion,
          requestId: entry.requestId,
          hash: entry.hash,
        })),
        auditTotal: audit.length,
        exportedBy: user,
        exportedAt: now.toISOString(),
      };
    },

    /**
     * Clear contact details of both parties. Not a case mutation (the case and its version do not
     * change), so no Idempotency-Key: every call is a reveal of its own and is audited as one.
     */
    revealContacts: async ({ params: { id }, body }, { request, reply, user }) => {
      // Returned once: never kept by a browser or proxy cache.
      reply.header("cache-control", "no-store");
      const now = new Date();
      return db.transaction(async (tx) => {
        const parties = await tx.query<{
          role: "complainant" | "respondent";
          phone: string | null;
          email: string | null;
        }>("select role, phone, email from parties where case_id = $1 order by role", [id]);
        if (parties.length === 0)
          throw new HttpProblem(404, "Not found", `There is no case ${id}.`);
        const [version] = await tx.query<{ version: number; assignee_id: string | null }>(
          "select version, assignee_id from cases where id = $1",
          [id],
        );
        // Least privilege: the agent working the case may call its parties; a supervisor may
        // reveal any case's contacts (reports, complaints). Anyone else sees masked values only.
        if (user.role !== "supervisor" && version?.assignee_id !== user.id) {
          throw new HttpProblem(
            403,
            "Forbidden",
            "Only the case's assignee or a supervisor may reveal the parties' contacts.",
          );
        }
        const auditSeq = await journalSealed(tx, null, {
          caseId: id,
          actorId: user.id,
          actorRole: user.role,
          action: "contact_reveal",
          at: now,
          beforeVersion: version?.version ?? null,
          afterVersion: version?.version ?? null,
          requestId: request.id,
          idempotencyKey: null,
          details: {
            purpose: body.purpose,
            reason: body.reason,
            parties: parties.map((p) => p.role),
          },
        });
        return {
          contacts: parties.map((p) => ({ role: p.role, phone: p.phone, email: p.email })),
          auditSeq,
          revealedAt: now.toISOString(),
        };
      });
    },
  } satisfies Pick<ServerHandlers, "caseReport" | "revealContacts">;
}
