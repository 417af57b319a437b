import { randomUUID } from "node:crypto";
import type { Database } from "../db/database";
import type { ServerHandlers, UserRequestContext } from "../http/handlers";
import { runMutation } from "../http/mutation";
import { archiveReply, insertReply, listReplies, type ReplyActor, updateReply } from "./repository";

function actorOf({ user, request }: UserRequestContext, idempotencyKey: string): ReplyActor {
  return { userId: user.id, role: user.role, requestId: request.id, idempotencyKey };
}

/**
 * Replies and macros: everyone signed in reads them (the desk caches them for the offline picker);
 * supervisors write them, once per Idempotency-Key, at the version If-Match names, each write on
 * the audit chain.
 */
export function replyHandlers(db: Database) {
  return {
    listReplies: async ({ query }) => listReplies(db, query.since),

    createReply: async ({ body, mutation }, context) =>
      runMutation(db, context.reply, {
        principal: context.user.id,
        route: "createReply",
        caseId: null,
        body,
        headers: mutation,
        work: async (tx) => ({
          status: 201,
          body: await insertReply(
            tx,
            `rp-${randomUUID()}`,
            body,
            actorOf(context, mutation.idempotencyKey),
          ),
        }),
      }),

    updateReply: async ({ params: { id }, body, mutation }, context) =>
      runMutation(db, context.reply, {
        principal: context.user.id,
        route: "updateReply",
        caseId: id,
        body,
        headers: mutation,
        work: async (tx) => ({
          status: 200,
          body: await updateReply(
            tx,
            id,
            mutation.ifMatch,
            body,
            actorOf(context, mutation.idempotencyKey),
          ),
        }),
      }),

    archiveReply: async ({ params: { id }, mutation }, context) =>
      runMutation(db, context.reply, {
        principal: context.user.id,
        route: "archiveReply",
        caseId: id,
        body: {},
        headers: mutation,
        work: async (tx) => ({
          status: 200,
          body: await archiveReply(
            tx,
            id,
            mutation.ifMatch,
            actorOf(context, mutation.idempotencyKey),
          ),
        }),
      }),
  } satisfies Pick<ServerHandlers, "listReplies" | "createReply" | "updateReply" | "archiveReply">;
}
