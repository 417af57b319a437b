import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import fastifyMultipart from "@fastify/multipart";
import fastifyStatic from "@fastify/static";
import { API_BASE } from "@shared/api/paths";
import { PROBLEM_CONTENT_TYPE } from "@shared/api/problem";
import Fastify, { type FastifyError, type FastifyInstance } from "fastify";
import type { CheckpointStore } from "./audit/checkpoints";
import { registerAuditRoutes } from "./audit/routes";
import { registerAuthRoutes } from "./auth/routes";
import { registerCalendarRoutes } from "./calendars/routes";
import { registerCaseContextRoutes } from "./cases/context-routes";
import { registerCaseRoutes } from "./cases/routes";
import type { Database } from "./db/database";
import type { EventHub } from "./events/hub";
import { registerEventRoutes } from "./events/routes";
import { registerEvidenceRoutes } from "./evidence/routes";
import { registerCors } from "./http/cors";
import { HttpProblem } from "./http/problem";
import { registerWebCsp } from "./http/web-csp";
import { registerIntegrationRoutes } from "./integration/routes";
import { buildOpenApiDocument } from "./openapi/document";
import { registerOutboxRoutes } from "./outbox/routes";
import { registerPresenceRoutes } from "./presence/routes";
import { registerSearchRoutes } from "./search/routes";
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
  /** Origins granted CORS besides the desktop app's `app://desk` (a web desk on another origin). */
  deskOrigins?: readonly string[] | undefined;
  /** Where the audit chain's signed checkpoints are kept (outside the database). */
  checkpoints?: CheckpointStore | undefined;
  /**
   * Host names the server answers to (the Host header), or null for any. A server on loopback
   * answers only to loopback names: a page of another site whose name was re-pointed at
   * 127.0.0.1 (DNS rebinding) is refused, so it cannot use a desk's session from the browser.
   */
  allowedHosts?: ReadonlySet<string> | null;
}

/** The names a loopback server answers to. */
export const LOOPBACK_HOSTS: ReadonlySet<string> = new Set([
  "127.0.0.1",
  "localhost",
  "[::1]",
  "::1",
]);

/** `127.0.0.1:8787` → `127.0.0.1`; `[::1]:8787` → `[::1]`. */
function hostnameOf(host: string): string {
  return host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : (host.split(":")[0] ?? "");
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
  deskOrigins = [],
  checkpoints,
  allowedHosts = null,
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    genReqId: (request) => {
      const given = request.headers["x-request-id"];
      return typeof given === "string" && /^[\w.-]{1,128}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: 1024 * 1024,
  });

  if (allowedHosts) {
    app.addHook("onRequest", async (request, reply) => {
      const host = hostnameOf((request.headers.host ?? "").toLowerCase());
      if (allowedHosts.has(host)) return;
      return reply
        .code(421)
        .type(PROBLEM_CONTENT_TYPE)
        .send(
          new HttpProblem(
            421,
            "Misdirected request",
            `This server answers only to ${[...allowedHosts].join(", ")}.`,
          ).toBody(request.url),
        );
    });
  }

  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
    // API answers carry personal data (names, statements, masked contacts): no browser or proxy
    // keeps them, and none is sniffed into another type. The app shell keeps its own caching.
    if (request.url.startsWith(API_BASE)) {
      reply.header("cache-control", "no-store");
      reply.header("x-content-type-options", "nosniff");
    }
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

  await registerCors(app, deskOrigins);
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
  registerAuditRoutes(app, db, checkpoints);
  registerCalendarRoutes(app, db);
  registerSearchRoutes(app, db);
  registerCaseContextRoutes(app, db);
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
    registerWebCsp(app);
    await app.register(fastifyStatic, { root: staticDir, wildcard: false });
  }

  app.setNotFoundHandler((request, reply) => {
    // The desk is a single-page app: unknown non-API paths get its shell, API paths a 404 problem.
    // A missing file (a path with an extension, e.g. `desk-config.json`) is a 404, not the shell.
    const path = request.url.split("?")[0] ?? "";
    const isFile = /\.[A-Za-z0-9]+$/.test(path);
    if (staticDir && request.method === "GET" && !path.startsWith(API_BASE) && !isFile) {
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
