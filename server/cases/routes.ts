import { type DeskMutationKey, deskMutationKey } from "@shared/api/contract";
import { etagOf, HEADERS } from "@shared/api/headers";
import {
  MUTATION_NAMES,
  type MutationBody,
  type MutationName,
  type MutationResponse,
} from "@shared/api/mutations";
import type { User } from "@shared/domain/user";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { Database } from "../db/database";
import type { ServerHandler, ServerHandlers } from "../http/handlers";
import { runMutation } from "../http/mutation";
import { HttpProblem } from "../http/problem";
import { buildDeskAction } from "./actions";
import { readChanges } from "./changes";
import { loadCaseDetail } from "./detail";
import { type ActorContext, performAction } from "./engine";
import { PageCache } from "./page-cache";
import { listCases } from "./repository";

export function deskActor(user: User): ActorContext {
  return { role: user.role, id: user.id, name: user.displayName };
}

type DeskMutationHandlers = {
  [N in MutationName as DeskMutationKey<N>]: ServerHandler<DeskMutationKey<N>>;
};

/** The queue, the delta feed, a case, and every desk mutation (`POST /cases/:id/<action>`). */
export function caseHandlers(app: FastifyInstance, db: Database) {
  const pages = new PageCache();
  app.addHook("onReady", () => pages.start(db));
  app.addHook("onClose", () => pages.stop());
  const json = (reply: FastifyReply, body: Buffer) =>
    reply.type("application/json; charset=utf-8").send(body);

  /** One desk mutation: the same protocol for every action, the action built from its body. */
  const mutation =
    <N extends MutationName>(name: N) =>
    async (
      {
        params: { id },
        body,
        mutation: headers,
      }: {
        params: { id: string };
        body: MutationBody<N>;
        mutation: Parameters<typeof runMutation>[2]["headers"];
      },
      { request, reply, user }: { request: { id: string }; reply: FastifyReply; user: User },
    ) =>
      runMutation(db, reply, {
        principal: `user:${user.id}`,
        route: name,
        caseId: id,
        body,
        headers,
        onCommitted: () => pages.invalidate(),
        work: async (tx) => {
          const context = {
            requestId: request.id,
            idempotencyKey: headers.idempotencyKey,
            now: new Date(),
          };
          const actor = deskActor(user);
          const spec = buildDeskAction(name, body, actor, context);
          const done = await performAction(tx, id, headers.ifMatch, actor, spec, context);
          const detail = done.deleted ? null : await loadCaseDetail(tx, id, context.now);
          const response: MutationResponse = { case: detail, version: done.version };
          return { status: 200, body: response };
        },
      });
  // Each key's input carries its own body type; built from the name table in one loop, the
  // object is typed by the mapped type above (each `mutation(name)` is checked generically).
  const mutations = Object.fromEntries(
    MUTATION_NAMES.map((name) => [deskMutationKey(name), mutation(name)]),
  ) as unknown as DeskMutationHandlers;

  return {
    listCases: async ({ query }, { reply, user }) => {
      // Risk filters depend on the clock, so those pages are always read afresh.
      if (query.risk?.length) return listCases(db, query, user.id);
      const key = `cases ${JSON.stringify(query)} ${query.assignee === "me" ? user.id : ""}`;
      return json(reply, await pages.page(key, () => listCases(db, query, user.id)));
    },

    caseChanges: async ({ query }, { reply }) => {
      const key = `changes ${JSON.stringify(query)}`;
      return json(reply, await pages.page(key, () => readChanges(db, query)));
    },

    getCase: async ({ params: { id } }, { reply }) => {
      const detail = await loadCaseDetail(db, id);
      if (!detail) throw new HttpProblem(404, "Not found", `There is no case ${id}.`);
      reply.header(HEADERS.etag, etagOf(detail.version));
      return detail;
    },

    ...mutations,
  } satisfies Pick<
    ServerHandlers,
    "listCases" | "caseChanges" | "getCase" | keyof DeskMutationHandlers
  >;
}
