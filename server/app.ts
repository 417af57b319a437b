import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import fastifyMultipart from "@fastify/multipart";
import fastifyStatic from "@fastify/static";
import { API_BASE } from "@shared/api/paths";
import { PROBLEM_CONTENT_TYPE } from "@shared/api/problem";
import Fastify, { type FastifyError, type FastifyInstance } from "fastify";
import { registerAuditRoutes } from "./audit/routes";
import { registerAuthRoutes } from "./auth/routes";
import { registerCalendarRoutes } from "./calendars/routes";
import { registerCaseRoutes } from "./cases/routes";
import type { Database } from "./db/database";
import type { EventHub } from "./events/hub";
import { registerEventRoutes } from "./events/routes";
import { registerEvidenceRoutes } from "./evidence/routes";
import { HttpProblem } from "./http/problem";
import { registerIntegrationRoutes } from "./integration/routes";
import { buildOpenApiDocument } from "./openapi/document";
import { registerOutboxRoutes } from "./outbox/routes";
import { registerPresenceRoutes } from "./presence/routes";
import { registerUserRoutes } from "./users/routes";

export interface AppOptions {
  db: Database;
  /** The built renderer to serve at `/` (web mode); absent for the API alone. */
  staticDir?: string | undefined;
  logger?: boolean;
  /** The integration side's bearer token; without it the integration API answers 403. */
  serviceToken?: string | undefined;
  /** Live events; without a hub `/events` is not served (unit tests of single routes). */
  hub?: EventHub | undefined;
}

/** Titles of the client errors Fastify itself raises (bad JSON, too large, wrong type...). */
const CLIENT_ERROR_TITLES: Record<number, string> = {
  413: "Content too large",
  415: "Unsupported media type",
};

/** Builds the HTTP application without listening, so tests can `inject` into it. */
export async function buildApp({
  db,
  staticDir,
  logger = false,
  serviceToken,
  hub,
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    genReqId: (request) => {
      const given = request.headers["x-request-id"];
      return typeof given === "string" && /^[\w.-]{1,128}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: 1024 * 1024,
  });

  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem =
      error instanceof HttpProblem
        ? error
        : error.statusCode && error.statusCode < 500
          ? new HttpProblem(
              error.statusCode,
              CLIENT_ERROR_TITLES[error.statusCode] ?? "Invalid request",
              error.message,
            )
          : null;
    if (!problem) {
      request.log.error({ err: error }, "unhandled error");
      return reply
        .code(500)
        .type(PROBLEM_CONTENT_TYPE)
        .send(
          new HttpProblem(
            500,
            "Internal server error",
            `Request ${request.id} failed; it is in the server log.`,
          ).toBody(request.url),
        );
    }
    return reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem.toBody(request.url));
  });

  app.get("/healthz", async () => ({ status: "ok", database: db.kind }));
  // Evidence uploads only; limits are set per request where the route reads the parts.
  await app.register(fastifyMultipart, { throwFileSizeLimit: true });
  // The document is built once: it depends only on the shared schemas.
  const openApi = buildOpenApiDocument("1.0.0");
  app.get(`${API_BASE}/openapi.json`, async () => openApi);
  registerAuthRoutes(app, db);
  registerUserRoutes(app, db);
  registerCaseRoutes(app, db);
  registerEvidenceRoutes(app, db);
  registerAuditRoutes(app, db);
  registerCalendarRoutes(app, db);
  registerIntegrationRoutes(app, db, serviceToken);
  registerOutboxRoutes(app, db, serviceToken);
  (await import("./reports/routes")).registerSupervisorRoutes(app, db);
  if (hub) {
    registerEventRoutes(app, db, hub);
    registerPresenceRoutes(app, db, hub);
  }

  if (staticDir) {
    if (!existsSync(staticDir))
      throw new Error(`The renderer build is missing at ${staticDir}: run \`npm run build:web\`.`);
    await app.register(fastifyStatic, { root: staticDir, wildcard: false });
  }

  app.setNotFoundHandler((request, reply) => {
    // The desk is a single-page app: unknown non-API paths get its shell, API paths a 404 problem.
    if (staticDir && request.method === "GET" && !request.url.startsWith(API_BASE)) {
      return reply.type("text/html").sendFile("index.html");
    }
    return reply
      .code(404)
      .type(PROBLEM_CONTENT_TYPE)
      .send(
        new HttpProblem(404, "Not found", `No route for ${request.method} ${request.url}.`).toBody(
          request.url,
        ),
      );
  });

  return app;
}
