import { Reply, type ReplyList, type ReplyWrite } from "@shared/api/replies";
import type { z } from "zod";
import type { AuditContent } from "../audit/chain";
import type { Queryable } from "../db/database";
import { toIso } from "../db/values";
import { HttpProblem } from "../http/problem";
import { journal } from "../journal/journal";

/** Serialises reply writes so `seq` commits in the order it is taken (see migration 012). */
const REPLIES_WRITE_LOCK = 7_231_012;

type ReplyInput = z.output<typeof ReplyWrite>;

interface ReplyRow {
  id: string;
  kind: string;
  title: string;
  bodies: unknown;
  outcome: string | null;
  tags: unknown;
  archived: boolean;
  version: number;
  seq: string | number;
  updated_at: Date | string;
  updated_by: string;
}

function toReply(row: ReplyRow): Reply {
  return Reply.parse({
    id: row.id,
    kind: row.kind,
    title: row.title,
    bodies: row.bodies,
    outcome: row.outcome,
    tags: row.tags,
    archived: row.archived,
    version: row.version,
    seq: Number(row.seq),
    updatedAt: toIso(row.updated_at),
    updatedBy: row.updated_by,
  });
}

export async function listReplies(db: Queryable, since: number): Promise<ReplyList> {
  const rows = await db.query<ReplyRow>("select * from replies where seq > $1 order by seq", [
    since,
  ]);
  const replies = rows.map(toReply);
  return { replies, cursor: replies.at(-1)?.seq ?? since };
}

/** Who wrote, and the request it came in, for the audit entry. */
export interface ReplyActor {
  userId: string;
  role: "agent" | "supervisor";
  requestId: string | null;
  idempotencyKey: string | null;
}

async function nextSeq(tx: Queryable): Promise<number> {
  await tx.query("select pg_advisory_xact_lock($1)", [REPLIES_WRITE_LOCK]);
  const [row] = await tx.query<{ seq: string | number }>("select nextval('replies_seq') as seq");
  return Number(row?.seq);
}

function audit(
  actor: ReplyActor,
  action: string,
  at: Date,
  before: number | null,
  reply: Reply,
): AuditContent {
  return {
    caseId: null,
    actorId: actor.userId,
    actorRole: actor.role,
    action,
    at,
    beforeVersion: before,
    afterVersion: reply.version,
    requestId: actor.requestId,
    idempotencyKey: actor.idempotencyKey,
    details: { replyId: reply.id, kind: reply.kind, title: reply.title, outcome: reply.outcome },
  };
}

export async function insertReply(
  tx: Queryable,
  id: string,
  input: ReplyInput,
  actor: ReplyActor,
  now = new Date(),
  /** False only for the demo seed: no one wrote it, so it is no act on the audit trail. */
  audited = true,
): Promise<Reply> {
  const seq = await nextSeq(tx);
  const [row] = await tx.query<ReplyRow>(
    `insert into replies (id, kind, title, bodies, outcome, tags, seq, updated_at, updated_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning *`,
    [
      id,
      input.kind,
      input.title,
      JSON.stringify(input.bodies),
      input.outcome,
      JSON.stringify(input.tags),
      seq,
      now,
      actor.userId,
    ],
  );
  if (!row) throw new Error("insert into replies returned nothing");
  const reply = toReply(row);
  if (audited) await journal(tx, null, audit(actor, "reply_created", now, null, reply));
  return reply;
}

/**
 * Locks the reply and checks the precondition: 404 for no such reply, 412 (with the current
 * reply) when If-Match names another version, 409 when it is archived (read-only from then on).
 */
async function lockForWrite(
  tx: Queryable,
  id: string,
  ifMatch: readonly number[] | null,
): Promise<Reply> {
  const [row] = await tx.query<ReplyRow>("select * from replies where id = $1 for update", [id]);
  if (!row) throw new HttpProblem(404, "Not found", `There is no reply ${id}.`);
  const current = toReply(row);
  if (!ifMatch?.includes(current.version)) {
    throw new HttpProblem(
      412,
      "Precondition failed",
      `The reply is at version ${current.version}.`,
      undefined,
      { current },
    );
  }
  if (current.archived) {
    throw new HttpProblem(409, "Not allowed in this state", `The reply ${id} is archived.`);
  }
  return current;
}

export async function updateReply(
  tx: Queryable,
  id: string,
  ifMatch: readonly number[] | null,
  input: ReplyInput,
  actor: ReplyActor,
  now = new Date(),
): Promise<Reply> {
  const current = await lockForWrite(tx, id, ifMatch);
  const seq = await nextSeq(tx);
  const [row] = await tx.query<ReplyRow>(
    `update replies set kind = $2, title = $3, bodies = $4, outcome = $5, tags = $6,
       version = version + 1, seq = $7, updated_at = $8, updated_by = $9
     where id = $1 returning *`,
    [
      id,
      input.kind,
      input.title,
      JSON.stringify(input.bodies),
      input.outcome,
      JSON.stringify(input.tags),
      seq,
      now,
      actor.userId,
    ],
  );
  if (!row) throw new Error("update of replies returned nothing");
  const reply = toReply(row);
  await journal(tx, null, audit(actor, "reply_updated", now, current.version, reply));
  return reply;
}

export async function archiveReply(
  tx: Queryable,
  id: string,
  ifMatch: readonly number[] | null,
  actor: ReplyActor,
  now = new Date(),
): Promise<Reply> {
  const current = await lockForWrite(tx, id, ifMatch);
  const seq = await nextSeq(tx);
  const [row] = await tx.query<ReplyRow>(
    `update replies set archived = true, version = version + 1, seq = $2, updated_at = $3,
       updated_by = $4
     where id = $1 returning *`,
    [id, seq, now, actor.userId],
  );
  if (!row) throw new Error("archive of replies returned nothing");
  const reply = toReply(row);
  await journal(tx, null, audit(actor, "reply_archived", now, current.version, reply));
  return reply;
}
