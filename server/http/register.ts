import {
  API_CONTRACT,
  API_KEYS,
  type ApiKey,
  type Endpoint,
  routePath,
} from "@shared/api/contract";
import { API_BASE } from "@shared/api/paths";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Database } from "../db/database";
import { readUpload } from "../evidence/upload";
import { requireService } from "../integration/service-auth";
import { requireUser } from "./auth";
import type { RequestContext, ServerHandlers, UserRequestContext } from "./handlers";
import { readMutationHeaders } from "./mutation";
import { parseRequest } from "./validate";

export interface RegisterOptions {
  /** The integration side's bearer token; without it the integration API answers 403. */
  serviceToken: string | undefined;
}

export interface RouteRecord {
  method: string;
  url: string;
  /** The contract key, for routes `registerApi` added; absent for any other route. */
  key?: ApiKey;
}

/** Every route of an app, as `trackRoutes` saw it added: what the route test compares with the map. */
const tracked = new WeakMap<FastifyInstance, RouteRecord[]>();

/**
 * Records every route added to `app` from now on (by the map or, wrongly, by hand), so a test
 * can check that the API is exactly the contract map. Call before any route is added.
 */
export function trackRoutes(app: FastifyInstance): void {
  const routes: RouteRecord[] = [];
  tracked.set(app, routes);
  app.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const key = (route.config as { apiKey?: ApiKey } | undefined)?.apiKey;
    for (const method of methods) {
      // Fastify adds a HEAD route beside each GET by itself.
      if (method === "HEAD" && methods.length === 1) continue;
      routes.push({ method, url: route.url, ...(key ? { key } : {}) });
    }
  });
}

/** The routes added to `app` since `trackRoutes`. */
export function trackedRoutes(app: FastifyInstance): readonly RouteRecord[] {
  return tracked.get(app) ?? [];
}

/**
 * Registers every endpoint of the contract map with its handler, doing for each what the map
 * says, in the order the API has always answered in:
 * 1. auth: a desk session (401; 403 for a role outside `roles`) or the service token;
 * 2. path parameters, then the mutation headers (400 for a bad Idempotency-Key, 428 without a
 *    required If-Match), then the query and the body (or the multipart upload and its fields),
 *    each parsed with the map's schema: a 400 problem names every bad field;
 * 3. the handler, with the parsed input; what it returns is sent with the map's status (a handler
 *    that sent the reply itself, e.g. a stream, returns the reply).
 * Errors thrown anywhere become problem+json through the app's error handler.
 */
export function registerApi(
  app: FastifyInstance,
  db: Database,
  handlers: ServerHandlers,
  { serviceToken }: RegisterOptions,
): void {
  for (const key of API_KEYS) {
    const endpoint: Endpoint = API_CONTRACT[key];
    // The map ties each key to its handler's types; walking all keys at once, TypeScript sees a
    // union it cannot call, so the loop calls them through this one erased signature.
    const handler = handlers[key] as (input: unknown, context: RequestContext) => Promise<unknown>;
    const url = `${API_BASE}${routePath(endpoint.path)}`;
    const method = endpoint.method === "get" ? "GET" : "POST";
    app.route({
      method,
      url,
      config: { apiKey: key },
      handler: async (request, reply) => {
        const context = await authenticate(db, endpoint, request, reply, serviceToken);
        const input = await parseInput(endpoint, request);
        const result = await handler(input, context);
        if (result === reply) return reply;
        return send(endpoint, reply, result);
      },
    });
  }
}

async function authenticate(
  db: Database,
  endpoint: Endpoint,
  request: FastifyRequest,
  reply: FastifyReply,
  serviceToken: string | undefined,
): Promise<RequestContext | UserRequestContext> {
  switch (endpoint.auth) {
    case "user":
      return { request, reply, user: await requireUser(db, request, endpoint.roles) };
    case "service":
      requireService(request, serviceToken);
      return { request, reply };
    // `ticket`: the handler checks the header or the ticket (after reading the query).
    case "ticket":
    case "none":
      return { request, reply };
  }
}

async function parseInput(endpoint: Endpoint, request: FastifyRequest): Promise<unknown> {
  const input: Record<string, unknown> = {};
  if (endpoint.params) input.params = parseRequest("params", endpoint.params, request.params);
  if (endpoint.mutation) input.mutation = readMutationHeaders(request, endpoint.mutation.ifMatch);
  if (endpoint.query) input.query = parseRequest("query", endpoint.query, request.query);
  // A bodiless POST (claim, refresh) is an empty object, not a missing one.
  if (endpoint.body) input.body = parseRequest("body", endpoint.body, request.body ?? {});
  if (endpoint.multipart) {
    const upload = await readUpload(request);
    input.upload = upload;
    input.fields = parseRequest("body", endpoint.multipart, upload.fields);
  }
  return input;
}

function send(endpoint: Endpoint, reply: FastifyReply, result: unknown): FastifyReply {
  const { response } = endpoint;
  switch (response.kind) {
    case "json":
      return reply.code(response.status).send(result);
    case "empty":
      return reply.code(204).send();
    case "sse":
    case "bytes":
      // Streams and files are sent by their handlers; returning a value instead is a server bug.
      throw new Error(
        `The handler of ${endpoint.method} ${endpoint.path} sent no ${response.kind}.`,
      );
  }
}
