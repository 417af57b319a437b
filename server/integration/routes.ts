import { type IntegrationActionKey, integrationActionKey } from "@shared/api/contract";
import type {
  INTEGRATION_ACTIONS,
  IntegrationActionName,
  IntegrationResponse,
} from "@shared/api/integration";
import type { FastifyReply } from "fastify";
import type { z } from "zod";
import { loadCaseDetail } from "../cases/detail";
import {
  type ActionSpec,
  type ActorContext,
  performAction,
  type RequestContext,
} from "../cases/engine";
import type { Database, Queryable } from "../db/database";
import { partyEvidenceAction } from "../evidence/actions";
import { verifyDeclaredDigest } from "../evidence/upload";
import type { ServerHandler, ServerHandlers } from "../http/handlers";
import { type MutationHeaders, runMutation } from "../http/mutation";
import { HttpProblem } from "../http/problem";
import {
  agreementAction,
  cancelAction,
  feedbackAction,
  partyMessageAction,
  respondentAnswerAction,
  secondStageAction,
} from "./actions";
import { fileAppeal } from "./filing";

export const PLATFORM: ActorContext = { role: "platform", id: "platform", name: "platform" };
const PRINCIPAL = "service";

async function respond(tx: Queryable, id: string, version: number, now: Date, status = 200) {
  const detail = await loadCaseDetail(tx, id, now);
  if (!detail) throw new HttpProblem(404, "Not found", `There is no case ${id}.`);
  const body: IntegrationResponse = { case: detail, version };
  return { status, body };
}

/** The request's identity and clock, read once per mutation: every timestamp it writes is `now`. */
function requestContext(request: { id: string }, headers: MutationHeaders): RequestContext {
  return { requestId: request.id, idempotencyKey: headers.idempotencyKey, now: new Date() };
}

type ActionBody<N extends IntegrationActionName> = z.output<
  (typeof INTEGRATION_ACTIONS)[N]["body"]
>;
type ActionHandlers = {
  [N in IntegrationActionName as IntegrationActionKey<N>]: ServerHandler<IntegrationActionKey<N>>;
};

/** How each platform action on an existing appeal becomes an action on the case. */
const BUILDERS: { [N in IntegrationActionName]: (body: ActionBody<N>, now: Date) => ActionSpec } = {
  messages: partyMessageAction,
  "respondent-answer": respondentAnswerAction,
  agreement: agreementAction,
  cancel: cancelAction,
  "second-stage": secondStageAction,
  feedback: feedbackAction,
};

/** The platform's side (the service token is checked by the contract's `auth`). */
export function integrationHandlers(db: Database) {
  /** One JSON-bodied action on an existing appeal. */
  const action =
    <N extends IntegrationActionName>(name: N) =>
    async (
      {
        params: { id },
        body,
        mutation: headers,
      }: { params: { id: string }; body: ActionBody<N>; mutation: MutationHeaders },
      { request, reply }: { request: { id: string }; reply: FastifyReply },
    ) =>
      runMutation(db, reply, {
        principal: PRINCIPAL,
        route: name,
        caseId: id,
        body,
        headers,
        work: async (tx) => {
          const context = requestContext(request, headers);
          const build = BUILDERS[name] as (body: ActionBody<N>, now: Date) => ActionSpec;
          const done = await performAction(
            tx,
            id,
            headers.ifMatch,
            PLATFORM,
            build(body, context.now),
            context,
          );
          return respond(tx, id, done.version, context.now);
        },
      });
  // Built from the action table in one loop; each `action(name)` is typed by its own body.
  const actions = Object.fromEntries(
    (Object.keys(BUILDERS) as IntegrationActionName[]).map((name) => [
      integrationActionKey(name),
      action(name),
    ]),
  ) as unknown as ActionHandlers;

  return {
    fileAppeal: async ({ body, mutation: headers }, { request, reply }) =>
      runMutation(db, reply, {
        principal: PRINCIPAL,
        route: "file",
        caseId: null,
        body,
        headers,
        work: async (tx) => {
          const context = requestContext(request, headers);
          const id = await fileAppeal(tx, body, context);
          return respond(tx, id, 1, context.now, 201);
        },
      }),

    // The platform reads an appeal's state (e.g. to show the respondent's window and CS requests).
    getAppeal: async ({ params: { id } }) => {
      const detail = await loadCaseDetail(db, id);
      if (!detail) throw new HttpProblem(404, "Not found", `There is no case ${id}.`);
      return { case: detail, version: detail.version } satisfies IntegrationResponse;
    },

    ...actions,

    appealEvidence: async (
      { params: { id }, mutation: headers, upload, fields },
      { request, reply },
    ) => {
      verifyDeclaredDigest(upload, fields.sha256);
      return runMutation(db, reply, {
        principal: PRINCIPAL,
        route: "party-evidence",
        caseId: id,
        body: { ...fields, sha256: upload.sha256, fileName: upload.fileName },
        headers,
        work: async (tx) => {
          const context = requestContext(request, headers);
          const spec = partyEvidenceAction(upload, fields.party, fields.description, context.now);
          const done = await performAction(tx, id, headers.ifMatch, PLATFORM, spec, context);
          return respond(tx, id, done.version, context.now);
        },
      });
    },
  } satisfies Pick<
    ServerHandlers,
    "fileAppeal" | "getAppeal" | "appealEvidence" | keyof ActionHandlers
  >;
}
