import { CaseIdParams } from "@shared/api/cases";
import { PartyEvidenceUploadFields } from "@shared/api/evidence";
import {
  AgreementRequest,
  CancelAppealRequest,
  FileAppealRequest,
  INTEGRATION_BASE,
  type IntegrationResponse,
  PartyFeedbackRequest,
  PartyMessageRequest,
  RespondentAnswerRequest,
  SecondStageRequest,
} from "@shared/api/integration";
import { API_BASE } from "@shared/api/paths";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
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
import { readUpload } from "../evidence/upload";
import { readMutationHeaders, runMutation } from "../http/mutation";
import { HttpProblem } from "../http/problem";
import { parseRequest } from "../http/validate";
import {
  agreementAction,
  cancelAction,
  feedbackAction,
  partyMessageAction,
  respondentAnswerAction,
  secondStageAction,
} from "./actions";
import { fileAppeal } from "./filing";
import { requireService } from "./service-auth";

export const PLATFORM: ActorContext = { role: "platform", id: "platform", name: "platform" };
const PRINCIPAL = "service";
const BASE = `${API_BASE}${INTEGRATION_BASE}`;

async function respond(tx: Queryable, id: string, version: number, now: Date, status = 200) {
  const detail = await loadCaseDetail(tx, id, now);
  if (!detail) throw new HttpProblem(404, "Not found", `There is no case ${id}.`);
  const body: IntegrationResponse = { case: detail, version };
  return { status, body };
}

export function registerIntegrationRoutes(
  app: FastifyInstance,
  db: Database,
  serviceToken: string | undefined,
): void {
  app.post(BASE, async (request, reply) => {
    requireService(request, serviceToken);
    const headers = readMutationHeaders(request, "optional");
    const body = parseRequest("body", FileAppealRequest, request.body);
    return runMutation(db, reply, {
      principal: PRINCIPAL,
      route: "file",
      caseId: null,
      body,
      headers,
      work: async (tx) => {
        const context: RequestContext = {
          requestId: request.id,
          idempotencyKey: headers.idempotencyKey,
          now: new Date(),
        };
        const id = await fileAppeal(tx, body, context);
        return respond(tx, id, 1, context.now, 201);
      },
    });
  });

  // The platform reads an appeal's state (e.g. to show the respondent's window and CS requests).
  app.get(`${BASE}/:id`, async (request) => {
    requireService(request, serviceToken);
    const { id } = parseRequest("params", CaseIdParams, request.params);
    const detail = await loadCaseDetail(db, id);
    if (!detail) throw new HttpProblem(404, "Not found", `There is no case ${id}.`);
    return { case: detail, version: detail.version } satisfies IntegrationResponse;
  });

  /** One JSON-bodied action on an existing appeal. */
  const action = <S extends z.ZodType>(
    path: string,
    schema: S,
    build: (body: z.output<S>, now: Date) => ActionSpec,
  ) => {
    app.post(`${BASE}/:id/${path}`, async (request: FastifyRequest, reply: FastifyReply) => {
      requireService(request, serviceToken);
      const { id } = parseRequest("params", CaseIdParams, request.params);
      const headers = readMutationHeaders(request, "optional");
      const body = parseRequest("body", schema, request.body ?? {});
      return runMutation(db, reply, {
        principal: PRINCIPAL,
        route: path,
        caseId: id,
        body,
        headers,
        work: async (tx) => {
          const context: RequestContext = {
            requestId: request.id,
            idempotencyKey: headers.idempotencyKey,
            now: new Date(),
          };
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
    });
  };
  action("messages", PartyMessageRequest, partyMessageAction);
  action("respondent-answer", RespondentAnswerRequest, respondentAnswerAction);
  action("agreement", AgreementRequest, agreementAction);
  action("cancel", CancelAppealRequest, cancelAction);
  action("second-stage", SecondStageRequest, secondStageAction);
  action("feedback", PartyFeedbackRequest, feedbackAction);

  app.post(`${BASE}/:id/evidence`, async (request, reply) => {
    requireService(request, serviceToken);
    const { id } = parseRequest("params", CaseIdParams, request.params);
    const headers = readMutationHeaders(request, "optional");
    const upload = await readUpload(request);
    const fields = parseRequest("body", PartyEvidenceUploadFields, upload.fields);
    return runMutation(db, reply, {
      principal: PRINCIPAL,
      route: "party-evidence",
      caseId: id,
      body: { ...fields, sha256: upload.sha256, fileName: upload.fileName },
      headers,
      work: async (tx) => {
        const context: RequestContext = {
          requestId: request.id,
          idempotencyKey: headers.idempotencyKey,
          now: new Date(),
        };
        const spec = partyEvidenceAction(upload, fields.party, fields.description, context.now);
        const done = await performAction(tx, id, headers.ifMatch, PLATFORM, spec, context);
        return respond(tx, id, done.version, context.now);
      },
    });
  });
}
