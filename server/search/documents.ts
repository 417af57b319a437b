import { formatCaseReference } from "@shared/domain/appeal";
import type { SearchDocument, SearchPiece } from "@shared/search/document";
import type { Queryable } from "../db/database";

/** A phone number is searchable by its last digits only: the rest stays masked. */
const PHONE_DIGITS = 4;

/**
 * The searchable text of each case in `ids`, in its original form: reference, order or
 * transaction id, both parties' names, platform user ids, phones (last digits), statements, the
 * parties' chat, CS messages, internal notes and evidence (file name and description). Cases
 * that do not exist are left out. The version is read before the text, so the text is at least
 * that new: a reader that stores the document under it may refresh once too often, never too
 * rarely.
 */
export async function loadSearchDocuments(
  db: Queryable,
  ids: readonly string[],
): Promise<SearchDocument[]> {
  if (ids.length === 0) return [];
  const cases = await db.query<{
    id: string;
    version: number;
    reference_no: string | number;
    order_id: string | null;
    transaction_id: string | null;
  }>(
    `select id, version, reference_no, trade->>'orderId' as order_id,
       payment->>'transactionId' as transaction_id
     from cases where id = any($1::text[])`,
    [ids],
  );
  if (cases.length === 0) return [];
  const found = cases.map((row) => row.id);
  const [parties, messages, notes, evidence] = await Promise.all([
    db.query<{
      case_id: string;
      display_name: string;
      external_user_id: string;
      phone: string | null;
      statement: string;
    }>(
      `select case_id, display_name, external_user_id, phone, statement from parties
       where case_id = any($1::text[]) order by case_id, role`,
      [found],
    ),
    db.query<{ case_id: string; author: string; text: string }>(
      "select case_id, author, text from messages where case_id = any($1::text[]) order by case_id, at, id",
      [found],
    ),
    db.query<{ case_id: string; text: string }>(
      "select case_id, text from notes where case_id = any($1::text[]) order by case_id, at, id",
      [found],
    ),
    db.query<{ case_id: string; file_name: string; description: string }>(
      `select case_id, file_name, description from evidence
       where case_id = any($1::text[]) order by case_id, uploaded_at, id`,
      [found],
    ),
  ]);
  const pieces = new Map<string, SearchPiece[]>(found.map((id) => [id, []]));
  const add = (caseId: string, field: SearchPiece["field"], text: string | null) => {
    if (text) pieces.get(caseId)?.push({ field, text: text.slice(0, 10_000) });
  };
  for (const row of cases) {
    add(row.id, "reference", formatCaseReference(Number(row.reference_no)));
    add(row.id, "order_id", row.order_id);
    add(row.id, "transaction_id", row.transaction_id);
  }
  for (const party of parties) {
    add(party.case_id, "party_name", party.display_name);
    add(party.case_id, "user_id", party.external_user_id);
    const digits = party.phone?.replace(/\D/g, "") ?? "";
    add(party.case_id, "phone", digits.slice(-PHONE_DIGITS));
  }
  for (const party of parties) add(party.case_id, "statement", party.statement);
  for (const message of messages) {
    const isParty = message.author === "complainant" || message.author === "respondent";
    add(message.case_id, isParty ? "chat" : "cs_message", message.text);
  }
  for (const note of notes) add(note.case_id, "note", note.text);
  for (const item of evidence) {
    add(item.case_id, "evidence", [item.file_name, item.description].filter(Boolean).join(" — "));
  }
  return cases.map((row) => ({
    caseId: row.id,
    version: row.version,
    pieces: pieces.get(row.id) ?? [],
  }));
}
