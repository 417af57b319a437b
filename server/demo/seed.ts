import { ReplyWrite } from "@shared/api/replies";
import { RESPONDENT_WINDOW_MS } from "@shared/domain/lifecycle";
import { hashPassword } from "../auth/password";
import { computeSla } from "../cases/sla";
import type { Database, Queryable } from "../db/database";
import { backfillDeadlineJobs } from "../deadlines/sla-warning";
import { journalBulkUpserts } from "../journal/journal";
import { insertReply } from "../replies/repository";
import { type DemoAppeal, generateAppeals } from "./appeal-generator";
import { demoEvidenceFiles } from "./evidence-files";
import { DEMO_REPLIES } from "./replies";

export const DEMO_PASSWORD = "demo";
export const DEMO_USERS = [
  { id: "u-agent1", username: "agent1", displayName: "Mai Anh (agent)", role: "agent" },
  { id: "u-agent2", username: "agent2", displayName: "Chen Hao (agent)", role: "agent" },
  {
    id: "u-supervisor1",
    username: "supervisor1",
    displayName: "Linh Tran (supervisor)",
    role: "supervisor",
  },
  {
    id: "u-supervisor2",
    username: "supervisor2",
    displayName: "Wei Zhang (supervisor)",
    role: "supervisor",
  },
] as const;

export interface SeedOptions {
  appeals?: number;
  seed?: number;
  now?: Date;
}

/** True when the database holds no user yet: the only state the demo seed writes into. */
export async function isEmpty(db: Queryable): Promise<boolean> {
  const rows = await db.query<{ n: number }>("select count(*)::int as n from users");
  return (rows[0]?.n ?? 0) === 0;
}

/** Seeds the four demo accounts (password "demo") and `appeals` demo appeals. */
export async function seedDemo(
  db: Database,
  { appeals = 240, seed = 20_261_123, now = new Date() }: SeedOptions = {},
) {
  await db.transaction(async (tx) => {
    for (const user of DEMO_USERS) {
      await tx.query(
        "insert into users (id, username, display_name, role, password_hash) values ($1, $2, $3, $4, $5)",
        [user.id, user.username, user.displayName, user.role, await hashPassword(DEMO_PASSWORD)],
      );
    }
  });
  await seedReplies(db, now);
  await seedRouting(db);
  const agentIds = DEMO_USERS.filter((u) => u.role === "agent").map((u) => u.id);
  await insertAppeals(db, generateAppeals({ count: appeals, seed, now, agentIds }), now);
}

/**
 * The demo replies and macros, shown as the first supervisor's. Not audited: no one wrote them
 * (and the seed runs before the server has loaded its audit key).
 */
async function seedReplies(db: Database, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    for (const { id, ...reply } of DEMO_REPLIES) {
      const actor = {
        userId: "u-supervisor1",
        role: "supervisor",
        requestId: null,
        idempotencyKey: null,
      } as const;
      await insertReply(tx, id, ReplyWrite.parse(reply), actor, now, false);
    }
  });
}

/**
 * The demo team's routing skills: Mai Anh takes Vietnamese and English cases in Vietnam and
 * elsewhere; Chen Hao reads all three languages and covers China too, so a Chinese case in China
 * goes to him alone and the rest take turns. Capacity leaves room above the seeded queues.
 */
export const DEMO_ROUTING = [
  { userId: "u-agent1", languages: ["vi", "en"], regions: ["VN", "UTC"], capacity: 150 },
  {
    userId: "u-agent2",
    languages: ["zh", "vi", "en"],
    regions: ["CN", "VN", "UTC"],
    capacity: 150,
  },
] as const;

async function seedRouting(db: Database): Promise<void> {
  for (const r of DEMO_ROUTING) {
    await db.query(
      `insert into agent_routing (user_id, languages, regions, kinds, capacity)
       values ($1, $2, $3, $4, $5)`,
      [r.userId, r.languages, r.regions, ["p2p_trade", "payment"], r.capacity],
    );
  }
}

const BATCH = 500;

/** Inserts appeals with everything that hangs off them, a batch per transaction. */
export async function insertAppeals(
  db: Database,
  appeals: readonly DemoAppeal[],
  now = new Date(),
): Promise<void> {
  for (let start = 0; start < appeals.length; start += BATCH) {
    const batch = appeals.slice(start, start + BATCH);
    const sla = batch.map((a) =>
      computeSla(
        {
          kind: a.kind,
          reason: a.reason,
          priority: "normal",
          region: a.region,
          timeline: a.timeline,
        },
        now,
      ),
    );
    await db.transaction(async (tx) => {
      await insertRows(
        tx,
        "cases",
        [
          "id",
          "kind",
          "reason",
          "status",
          "stage",
          "region",
          "language",
          "amount",
          "currency",
          "complainant_name",
          "respondent_name",
          "trade",
          "payment",
          "assignee_id",
          "filed_at",
          "escalated_at",
          "updated_at",
          "due_at",
          "warn_at",
          "first_decider_id",
          "order_ref",
          "respondent_deadline",
        ],
        batch.map((a, i) => [
          a.id,
          a.kind,
          a.reason,
          a.status,
          a.stage,
          a.region,
          a.language,
          a.amount,
          a.currency,
          a.complainant.displayName,
          a.respondent.displayName,
          a.trade && JSON.stringify(a.trade),
          a.payment && JSON.stringify(a.payment),
          a.assignee,
          a.filedAt,
          a.escalatedAt,
          a.escalatedAt ?? a.filedAt,
          sla[i]?.dueAt ?? null,
          sla[i]?.warnAt ?? null,
          a.decision && a.assignee ? a.assignee : null,
          a.trade?.orderId ?? a.payment?.transactionId ?? null,
          a.status === "awaiting_respondent"
            ? new Date(a.filedAt.getTime() + RESPONDENT_WINDOW_MS)
            : null,
        ]),
      );
      await insertRows(
        tx,
        "parties",
        [
          "case_id",
          "role",
          "side",
          "external_user_id",
          "display_name",
          "phone",
          "email",
          "language",
          "statement",
          "account",
        ],
        batch.flatMap((a) =>
          [a.complainant, a.respondent].map((p) => [
            a.id,
            p.role,
            p.side,
            p.externalUserId,
            p.displayName,
            p.phone,
            p.email,
            p.language,
            p.statement,
            JSON.stringify(p.account),
          ]),
        ),
      );
      await insertRows(
        tx,
        "messages",
        ["id", "case_id", "author", "author_name", "recipient", "text", "language", "at"],
        batch.flatMap((a) =>
          a.messages.map((m) => [
            m.id,
            a.id,
            m.author,
            m.authorName,
            m.to,
            m.text,
            m.language,
            m.at,
          ]),
        ),
      );
      // The files behind the metadata below, stored once per hash (content-addressed).
      for (const file of demoEvidenceFiles()) {
        await tx.query(
          "insert into evidence_blobs (sha256, bytes, size) values ($1, $2, $3) on conflict (sha256) do nothing",
          [file.sha256, file.bytes, file.bytes.length],
        );
      }
      await insertRows(
        tx,
        "evidence",
        [
          "id",
          "case_id",
          "uploaded_by",
          "file_name",
          "mime_type",
          "size",
          "sha256",
          "description",
          "uploaded_at",
        ],
        batch.flatMap((a) =>
          a.evidence.map((e) => [
            e.id,
            a.id,
            e.uploadedBy,
            e.fileName,
            e.mimeType,
            e.size,
            e.sha256,
            e.description,
            e.uploadedAt,
          ]),
        ),
      );
      await insertRows(
        tx,
        "timeline_events",
        ["id", "case_id", "type", "at", "actor", "summary"],
        batch.flatMap((a) => a.timeline.map((t) => [t.id, a.id, t.type, t.at, t.actor, t.summary])),
      );
      await insertRows(
        tx,
        "decisions",
        [
          "id",
          "case_id",
          "stage",
          "outcome",
          "favoured_party",
          "amount",
          "rationale",
          "decided_by",
          "decided_at",
          "receiver_side",
          "currency",
          "terms",
        ],
        batch.flatMap((a) =>
          a.decision && a.assignee
            ? [
                [
                  `${a.id}-d0`,
                  a.id,
                  "first",
                  a.decision.outcome,
                  a.decision.favouredParty,
                  a.decision.amount,
                  a.decision.rationale,
                  a.assignee,
                  a.decision.decidedAt,
                  a.decision.receiverSide,
                  a.decision.currency,
                  a.decision.terms === null ? null : JSON.stringify(a.decision.terms),
                ],
              ]
            : [],
        ),
      );
      await journalBulkUpserts(
        tx,
        batch.map((a) => a.id),
      );
    });
  }
  // Written without the engine, so their respondent windows and SLA warnings get jobs here.
  await db.transaction((tx) => backfillDeadlineJobs(tx, now));
}

/** One multi-row insert, chunked to stay under PostgreSQL's 65,535 bind parameters. */
async function insertRows(
  tx: Queryable,
  table: string,
  columns: readonly string[],
  rows: readonly unknown[][],
) {
  const perStatement = Math.floor(60_000 / columns.length);
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const params: unknown[] = [];
    const tuples = chunk.map(
      (row) => `(${row.map((value) => `$${params.push(value)}`).join(", ")})`,
    );
    await tx.query(
      `insert into ${table} (${columns.join(", ")}) values ${tuples.join(", ")}`,
      params,
    );
  }
}
