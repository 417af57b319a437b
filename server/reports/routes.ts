/**
 * Case report data and the audited contact reveal. The report itself is laid out by the desk (print
 * view or client-side PDF); the server gathers what it shows, masks contacts, and puts every reveal
 * of clear contact details on the hash-chained audit trail.
 */
import { CaseIdParams } from "@shared/api/cases";
import { API_BASE } from "@shared/api/paths";
import {
  type CaseReportData,
  ContactRevealBody,
  type ContactRevealResponse,
  REPORT_AUDIT_EXCERPT,
} from "@shared/reports/contract";
import type { FastifyInstance } from "fastify";
import { caseAudit } from "../audit/log";
import { loadCaseDetail } from "../cases/detail";
import type { Database } from "../db/database";
import { requireUser } from "../http/auth";
import { HttpProblem } from "../http/problem";
import { parseRequest } from "../http/validate";
import { journalSealed } from "../journal/journal";
import { registerOversightRoutes } from "../oversight/routes";

export function registerReportRoutes(app: FastifyInstance, db: Database): void {
  app.get(`${API_BASE}/cases/:id/report`, async (request): Promise<CaseReportData> => {
    const user = await requireUser(db, request);
    const { id } = parseRequest("params", CaseIdParams, request.params);
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
  });

  /**
   * Clear contact details of both parties. Not a case mutation (the case and its version do not
   * change), so no Idempotency-Key: every call is a reveal of its own and is audited as one.
   */
  app.post(
    `${API_BASE}/cases/:id/contact-reveal`,
    async (request, reply): Promise<ContactRevealResponse> => {
      const user = await requireUser(db, request);
      // Returned once: never kept by a browser or proxy cache.
      reply.header("cache-control", "no-store");
      const { id } = parseRequest("params", CaseIdParams, request.params);
      const body = parseRequest("body", ContactRevealBody, request.body ?? {});
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
  );
}

/** Everything supervisors add to the API: report data, contact reveal, oversight figures. */
export function registerSupervisorRoutes(app: FastifyInstance, db: Database): void {
  registerReportRoutes(app, db);
  registerOversightRoutes(app, db);
}
