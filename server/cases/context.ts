import {
  type CaseContext,
  PartyAccount,
  RELATED_LIMIT,
  type RelatedAppeal,
} from "@shared/api/case-context";
import {
  type CaseKind,
  type CaseStatus,
  type DecisionOutcome,
  formatCaseReference,
  type PartyRole,
} from "@shared/domain/appeal";
import type { Queryable } from "../db/database";
import { toIso } from "../db/values";

interface RelatedRow {
  id: string;
  reference_no: string | number;
  kind: CaseKind;
  status: CaseStatus;
  outcome: DecisionOutcome | null;
  filed_at: Date | string;
  role: PartyRole;
}

/** Each related case with its last decision's outcome (null while undecided). */
const RELATED_COLUMNS = `c.id, c.reference_no, c.kind, c.status, c.filed_at,
  (select d.outcome from decisions d where d.case_id = c.id order by d.decided_at desc, d.id desc limit 1) as outcome`;

const related = (row: RelatedRow): RelatedAppeal => ({
  id: row.id,
  reference: formatCaseReference(Number(row.reference_no)),
  kind: row.kind,
  status: row.status,
  outcome: row.outcome,
  filedAt: toIso(row.filed_at),
  role: row.role,
});

/**
 * The context an agent weighs a case in: for each party, its account facts as the platform sent
 * them and its other appeals (the same platform user id, in either role), with how they ended;
 * and the other appeals on the same order or payment transaction. Null when there is no such case.
 */
export async function loadCaseContext(db: Queryable, caseId: string): Promise<CaseContext | null> {
  const [self] = await db.query<{ order_ref: string | null; kind: CaseKind }>(
    "select order_ref, kind from cases where id = $1",
    [caseId],
  );
  if (!self) return null;
  const parties = await db.query<{
    role: PartyRole;
    external_user_id: string;
    display_name: string;
    account: unknown;
  }>(
    "select role, external_user_id, display_name, account from parties where case_id = $1 order by role",
    [caseId],
  );
  const contexts = await Promise.all(
    parties.map(async (party) => {
      const others = await db.query<RelatedRow>(
        `select ${RELATED_COLUMNS}, p.role from parties p join cases c on c.id = p.case_id
         where p.external_user_id = $1 and p.case_id <> $2
         order by c.filed_at desc, c.id desc limit ${RELATED_LIMIT}`,
        [party.external_user_id, caseId],
      );
      // Stored as the filing's contract parsed it; parsed again so an old row cannot break the screen.
      const account = party.account ? PartyAccount.safeParse(party.account) : null;
      return {
        role: party.role,
        externalUserId: party.external_user_id,
        displayName: party.display_name,
        account: account?.success ? account.data : null,
        otherAppeals: others.map(related),
      };
    }),
  );
  const linked = self.order_ref
    ? await db.query<RelatedRow>(
        `select ${RELATED_COLUMNS}, 'complainant' as role from cases c
         where c.order_ref = $1 and c.id <> $2
         order by c.filed_at desc, c.id desc limit ${RELATED_LIMIT}`,
        [self.order_ref, caseId],
      )
    : [];
  const link = self.kind === "payment" ? "transaction" : "order";
  return {
    caseId,
    parties: contexts,
    linked: linked.map((row) => ({ ...related(row), link })),
  };
}
