import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import fastifyStatic from "@fastify/static";
import { API_BASE } from "@shared/api/paths";
import { PROBLEM_CONTENT_TYPE } from "@shared/api/problem";
import Fastify, { type FastifyError, type FastifyInstance } from "fastify";
import { registerAuthRoutes } from "./auth/routes";
import { registerCaseRoutes } from "./cases/routes";
import type { Database } from "./db/database";
import { HttpProblem } from "./http/problem";

export interface AppOptions {
  db: Database;
  /** The built renderer to serve at `/` (web mode); absent for the API alone. */
  staticDir?: string | undefined;
  logger?: boolean;
}

/** Builds the HTTP application without listening, so tests can `inject` into it. */
export async function buildApp({
  db,
  staticDir,
  logger = false,
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
              error.statusCode === 415 ? "Unsupported media type" : "Invalid request",
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
  registerAuthRoutes(app, db);
  registerCaseRoutes(app, db);

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
