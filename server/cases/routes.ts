import { CaseIdParams, ChangesQuery, ListCasesQuery } from "@shared/api/cases";
import { etagOf, HEADERS } from "@shared/api/headers";
import { MUTATION_NAMES, MUTATIONS, type MutationResponse } from "@shared/api/mutations";
import { API_BASE } from "@shared/api/paths";
import type { User } from "@shared/domain/user";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { Database } from "../db/database";
import { requireUser } from "../http/auth";
import { readMutationHeaders, runMutation } from "../http/mutation";
import { HttpProblem } from "../http/problem";
import { parseRequest } from "../http/validate";
import { buildDeskAction } from "./actions";
import { readChanges } from "./changes";
import { loadCaseDetail } from "./detail";
import { type ActorContext, performAction } from "./engine";
import { PageCache } from "./page-cache";
import { listCases } from "./repository";

export function deskActor(user: User): ActorContext {
  return { role: user.role, id: user.id, name: user.displayName };
}

export function registerCaseRoutes(app: FastifyInstance, db: Database): void {
  const pages = new PageCache();
  app.addHook("onReady", () => pages.start(db));
  app.addHook("onClose", () => pages.stop());
  const json = (reply: FastifyReply, body: Buffer) =>
    reply.type("application/json; charset=utf-8").send(body);

  app.get(`${API_BASE}/cases`, async (request, reply) => {
    const user = await requireUser(db, request);
    const query = parseRequest("query", ListCasesQuery, request.query);
    // Risk filters depend on the clock, so those pages are always read afresh.
    if (query.risk?.length) return listCases(db, query, user.id);
    const key = `cases ${JSON.stringify(query)} ${query.assignee === "me" ? user.id : ""}`;
    return json(reply, await pages.page(key, () => listCases(db, query, user.id)));
  });

  app.get(`${API_BASE}/cases/changes`, async (request, reply) => {
    await requireUser(db, request);
    const query = parseRequest("query", ChangesQuery, request.query);
    const key = `changes ${JSON.stringify(query)}`;
    return json(reply, await pages.page(key, () => readChanges(db, query)));
  });

  app.get(`${API_BASE}/cases/:id`, async (request, reply) => {
    await requireUser(db, request);
    const { id } = parseRequest("params", CaseIdParams, request.params);
    const detail = await loadCaseDetail(db, id);
    if (!detail) throw new HttpProblem(404, "Not found", `There is no case ${id}.`);
    return reply.header(HEADERS.etag, etagOf(detail.version)).send(detail);
  });

  for (const name of MUTATION_NAMES) {
    app.post(`${API_BASE}/cases/:id/${name}`, async (request, reply) => {
      const user = await requireUser(db, request);
      const { id } = parseRequest("params", CaseIdParams, request.params);
      const headers = readMutationHeaders(request, "required");
      // A bodiless POST (claim) is an empty object, not a missing one.
      const body = parseRequest("body", MUTATIONS[name], request.body ?? {});
      return runMutation(db, reply, {
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
          // TypeScript cannot tie `body` to `name` through the loop; MUTATIONS[name] parsed it.
          const spec = buildDeskAction(name, body as never, actor, context);
          const done = await performAction(tx, id, headers.ifMatch, actor, spec, context);
          const detail = done.deleted ? null : await loadCaseDetail(tx, id, context.now);
          const response: MutationResponse = { case: detail, version: done.version };
          return { status: 200, body: response };
        },
      });
    });
  }
}
