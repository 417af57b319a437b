import type { CaseDetail, Party, Payment, Trade } from "@shared/domain/appeal";
import { Currency } from "@shared/domain/money";
import { canonicalAmount } from "@shared/money";
import { maskCaseContacts } from "@shared/reports/mask";
import type { Queryable } from "../db/database";
import { toDecimal, toIso, toIsoOrNull } from "../db/values";
import { CASE_SUMMARY_COLUMNS, type CaseSummaryRow, toCaseSummary } from "./repository";
import { computeSla } from "./sla";

/** Every list of the detail in one round trip, as JSON built by the database. */
const DETAIL_SQL = `
select ${CASE_SUMMARY_COLUMNS}, trade, payment, respondent_deadline, verification,
  (select coalesce(json_agg(json_build_object('role', role, 'side', side,
      'externalUserId', external_user_id, 'displayName', display_name, 'phone', phone,
      'email', email, 'language', language, 'statement', statement)), '[]')
     from parties p where p.case_id = c.id) as parties,
  (select coalesce(json_agg(json_build_object('id', id, 'author', author, 'authorName', author_name,
      'to', recipient, 'text', text, 'language', language, 'at', at) order by at, id), '[]')
     from messages m where m.case_id = c.id) as messages,
  (select coalesce(json_agg(json_build_object('id', id, 'uploadedBy', uploaded_by,
      'fileName', file_name, 'mimeType', mime_type, 'size', size, 'sha256', sha256,
      'description', description, 'uploadedAt', uploaded_at) order by uploaded_at, id), '[]')
     from evidence e where e.case_id = c.id) as evidence,
  (select coalesce(json_agg(json_build_object('id', id, 'type', type, 'at', at, 'actor', actor,
      'summary', summary) order by at, id), '[]')
     from timeline_events t where t.case_id = c.id) as timeline,
  (select coalesce(json_agg(json_build_object('id', id, 'stage', stage, 'outcome', outcome,
      'favouredParty', favoured_party, 'amount', amount::text, 'rationale', rationale,
      'decidedBy', decided_by, 'decidedAt', decided_at, 'receiverSide', receiver_side,
      'currency', currency, 'terms', terms) order by decided_at, id), '[]')
     from decisions d where d.case_id = c.id) as decisions,
  (select coalesce(json_agg(json_build_object('id', id, 'verdict', verdict, 'rationale', rationale,
      'decisionId', decision_id, 'remandTo', remand_to, 'reviewedBy', reviewed_by,
      'reviewedAt', reviewed_at) order by reviewed_at, id), '[]')
     from reviews r where r.case_id = c.id) as reviews,
  (select coalesce(json_agg(json_build_object('id', id, 'step', step, 'satisfied', satisfied,
      'note', note, 'party', party, 'byId', by_id, 'at', at) order by at, id), '[]')
     from verification_steps vs where vs.case_id = c.id) as verification_steps,
  (select coalesce(json_agg(json_build_object('id', id, 'authorId', author_id,
      'authorName', author_name, 'text', text, 'at', at) order by at, id), '[]')
     from notes n where n.case_id = c.id) as notes,
  (select coalesce(json_agg(json_build_object('id', id, 'party', party, 'phone', phone,
      'outcome', outcome, 'summary', summary, 'byId', by_id, 'at', at) order by at, id), '[]')
     from phone_contacts pc where pc.case_id = c.id) as phone_contacts,
  (select coalesce(json_agg(json_build_object('id', id, 'party', party, 'what', what,
      'dueAt', due_at, 'requestedById', requested_by, 'requestedAt', requested_at,
      'fulfilledAt', fulfilled_at, 'lapsedAt', lapsed_at) order by requested_at, id), '[]')
     from evidence_requests er where er.case_id = c.id) as evidence_requests
from cases c where c.id = $1`;

type Json = Record<string, unknown>;

interface DetailRow extends CaseSummaryRow {
  trade: Trade | null;
  payment: Payment | null;
  respondent_deadline: Date | null;
  verification: CaseDetail["verification"];
  parties: Party[];
  messages: Json[];
  evidence: Json[];
  timeline: Json[];
  decisions: Json[];
  reviews: Json[];
  verification_steps: Json[];
  notes: Json[];
  phone_contacts: Json[];
  evidence_requests: Json[];
}

/** json_build_object renders timestamptz as "2025-01-02T03:04:05.678+00:00": normalise to Z. */
function instants<T extends Json>(row: T, keys: readonly string[]): T {
  const out: Json = { ...row };
  for (const key of keys) {
    const value = out[key];
    if (typeof value === "string") out[key] = toIso(value);
  }
  return out as T;
}

/**
 * The case as the desk shows it, with SLA clocks evaluated at `now`; null when there is no such
 * case. The caller validates nothing: every column was written through the shared schemas.
 * Contacts are masked here, so no response built from a detail can carry them in clear: they
 * leave the server only through `POST /cases/:id/contact-reveal`.
 */
export async function loadCaseDetail(
  db: Queryable,
  id: string,
  now = new Date(),
): Promise<CaseDetail | null> {
  const [row] = await db.query<DetailRow>(DETAIL_SQL, [id]);
  if (!row) return null;
  const summary = toCaseSummary(row);
  const complainant = row.parties.find((p) => p.role === "complainant");
  const respondent = row.parties.find((p) => p.role === "respondent");
  if (!complainant || !respondent) throw new Error(`case ${id} lacks a party`);
  const timeline = row.timeline.map((t) => instants(t, ["at"])) as CaseDetail["timeline"];
  const sla = computeSla(
    {
      kind: summary.kind,
      reason: summary.reason,
      priority: summary.priority,
      region: summary.region,
      timeline,
    },
    now,
  );
  return maskCaseContacts({
    ...summary,
    complainant,
    respondent,
    trade: row.trade,
    payment: row.payment,
    messages: row.messages.map((m) => instants(m, ["at"])) as CaseDetail["messages"],
    evidence: row.evidence.map((e) => instants(e, ["uploadedAt"])) as CaseDetail["evidence"],
    timeline,
    decisions: row.decisions.map((d) => {
      const decision = instants(d, ["decidedAt"]);
      const amount = typeof decision.amount === "string" ? toDecimal(decision.amount) : null;
      const currency = Currency.safeParse(decision.currency);
      return {
        ...decision,
        // In the currency's own form ("3499.50" CNY), as the decision rules produced it.
        amount:
          amount !== null && currency.success
            ? (canonicalAmount(amount, currency.data) ?? amount)
            : amount,
      };
    }) as CaseDetail["decisions"],
    notes: row.notes.map((n) => instants(n, ["at"])) as CaseDetail["notes"],
    phoneContacts: row.phone_contacts.map((p) =>
      instants(p, ["at"]),
    ) as CaseDetail["phoneContacts"],
    evidenceRequests: row.evidence_requests.map((r) =>
      instants(r, ["dueAt", "requestedAt", "fulfilledAt", "lapsedAt"]),
    ) as CaseDetail["evidenceRequests"],
    respondentDeadline: toIsoOrNull(row.respondent_deadline),
    verification: row.verification,
    slaClocks: sla.clocks,
    computedAt: now.toISOString(),
    reviews: row.reviews.map((r) => instants(r, ["reviewedAt"])) as CaseDetail["reviews"],
    verificationSteps: row.verification_steps.map((v) =>
      instants(v, ["at"]),
    ) as CaseDetail["verificationSteps"],
  });
}
