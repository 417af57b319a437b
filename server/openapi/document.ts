import { ENDPOINTS, type Endpoint, PROBLEM_SCHEMAS } from "@shared/api/endpoints";
import { HEADERS } from "@shared/api/headers";
import { API_BASE } from "@shared/api/paths";
import { PLATFORM_EVENT_TYPES, PlatformEvent, WEBHOOK_HEADERS } from "@shared/api/platform-events";
import { PROBLEM_CONTENT_TYPE, Problem } from "@shared/api/problem";
import { z } from "zod";

type JsonObject = Record<string, unknown>;

/** zod → JSON Schema (draft 2020-12, which OpenAPI 3.1 uses), describing what clients send. */
function schemaOf(schema: z.ZodType, io: "input" | "output"): JsonObject {
  const json = z.toJSONSchema(schema, {
    io,
    unrepresentable: "any",
    target: "draft-2020-12",
  }) as JsonObject;
  delete json.$schema;
  return json;
}

/** Query and path parameters, one OpenAPI parameter per property of the object schema. */
function parametersOf(schema: z.ZodType | undefined, where: "query" | "path"): JsonObject[] {
  if (!schema) return [];
  const json = schemaOf(schema, "input");
  const properties = (json.properties ?? {}) as Record<string, JsonObject>;
  const required = new Set((json.required as string[] | undefined) ?? []);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: where,
    required: where === "path" || required.has(name),
    schema: property,
  }));
}

const problemResponse = (description: string) => ({
  description,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: "#/components/schemas/Problem" } } },
});

const STATUS_TEXT: Record<number, string> = {
  400: "Invalid request (field errors in `errors`)",
  401: "Not signed in",
  403: "Not allowed for this actor (role, assignment, four-eyes)",
  404: "No such resource",
  409: "Not allowed in the case's current state",
  412: "Stale If-Match: the body's `current` holds the case as it is now",
  413: "Upload larger than 20 MB",
  415: "Not an accepted file type (judged by content)",
  422: "Idempotency-Key reused with a different request",
  428: "If-Match missing",
};

function successStatus(endpoint: Endpoint): number {
  const { response } = endpoint;
  return response.kind === "json" || response.kind === "empty" ? response.status : 200;
}

function successResponse({ response }: Endpoint): JsonObject {
  switch (response.kind) {
    case "json":
      return {
        description: "Success",
        content: { "application/json": { schema: schemaOf(response.schema, "output") } },
      };
    case "empty":
      return { description: "Success" };
    case "sse":
      // Each event's `data` is one of these; the stream itself is text.
      return {
        description: "Success",
        content: { "text/event-stream": { schema: schemaOf(response.event, "output") } },
      };
    case "bytes":
      return { description: "Success", content: { [response.contentType]: {} } };
  }
}

function operation(endpoint: Endpoint): JsonObject {
  const parameters = [
    ...parametersOf(endpoint.params, "path"),
    ...parametersOf(endpoint.query, "query"),
  ];
  if (endpoint.mutation) {
    parameters.push(
      {
        name: HEADERS.idempotencyKey,
        in: "header",
        required: true,
        schema: { type: "string", minLength: 8, maxLength: 128 },
      },
      {
        name: HEADERS.ifMatch,
        in: "header",
        required: endpoint.mutation.ifMatch === "required",
        schema: { type: "string", examples: ['"7"'] },
      },
    );
  }
  if (endpoint.response.kind === "sse") {
    parameters.push({
      name: HEADERS.lastEventId,
      in: "header",
      required: false,
      schema: { type: "string" },
    });
  }
  const responses: JsonObject = {};
  responses[String(successStatus(endpoint))] = successResponse(endpoint);
  const errors = new Set<number>([
    400,
    ...(endpoint.auth === "none" ? [] : [401]),
    ...(endpoint.roles ? [403] : []),
    ...(endpoint.errors ?? []),
  ]);
  for (const code of [...errors].sort()) {
    responses[String(code)] =
      code === 412
        ? {
            description: STATUS_TEXT[412],
            content: {
              [PROBLEM_CONTENT_TYPE]: {
                schema: { $ref: "#/components/schemas/PreconditionFailedProblem" },
              },
            },
          }
        : problemResponse(STATUS_TEXT[code] ?? "Error");
  }
  const body = endpoint.body
    ? {
        required: true,
        content: { "application/json": { schema: schemaOf(endpoint.body, "input") } },
      }
    : endpoint.multipart
      ? {
          required: true,
          content: {
            "multipart/form-data": {
              schema: {
                ...schemaOf(endpoint.multipart, "input"),
                properties: {
                  ...((schemaOf(endpoint.multipart, "input").properties as JsonObject) ?? {}),
                  file: { type: "string", contentMediaType: "application/octet-stream" },
                },
              },
            },
          },
        }
      : undefined;
  return {
    summary: endpoint.summary,
    operationId: `${endpoint.method}${endpoint.path.replace(/[{}]/g, "").replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ""))}`,
    ...(endpoint.auth === "none"
      ? { security: [] }
      : endpoint.auth === "service"
        ? { security: [{ service: [] }] }
        : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(body ? { requestBody: body } : {}),
    responses,
  };
}

/**
 * OpenAPI 3.1 `webhooks`: one entry per event type, all with the signed envelope. The platform
 * implements these; the desk's server calls them.
 */
function webhooksOf(): JsonObject {
  const header = (name: string, description: string) => ({
    name,
    in: "header",
    required: true,
    description,
    schema: { type: "string" },
  });
  const parameters = [
    header(WEBHOOK_HEADERS.id, "Delivery id: the same on every retry; skip ids already seen"),
    header(WEBHOOK_HEADERS.timestamp, "Unix seconds of this attempt; refuse ones far from now"),
    header(
      WEBHOOK_HEADERS.signature,
      'v1=<hex HMAC-SHA256(WEBHOOK_SECRET, "<timestamp>.<raw body>")>',
    ),
  ];
  const webhooks: JsonObject = {};
  for (const type of PLATFORM_EVENT_TYPES) {
    webhooks[type] = {
      post: {
        summary: `Event "${type}"`,
        description:
          "Answer 2xx to acknowledge. Anything else, or no answer within the timeout, is retried with exponential backoff; after the last attempt the delivery is dead-lettered for a supervisor to replay. Events of one case arrive in order.",
        parameters,
        requestBody: {
          required: true,
          content: {
            "application/json": { schema: { $ref: "#/components/schemas/PlatformEvent" } },
          },
        },
        responses: { "200": { description: "Received" } },
      },
    };
  }
  return webhooks;
}

/** The OpenAPI 3.1 document, built once from the contract map (`@shared/api/contract`). */
export function buildOpenApiDocument(version: string): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const endpoint of ENDPOINTS) {
    // The document does not list itself.
    if (endpoint.key === "openApi") continue;
    const path = `${API_BASE}${endpoint.path}`;
    paths[path] = { ...paths[path], [endpoint.method]: operation(endpoint) };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Arbiter Desk arbitration API",
      version,
      description:
        "Reference API of the arbitration desk. Errors are RFC 9457 problem details. Every mutation needs Idempotency-Key; desk mutations need If-Match with the case version.",
    },
    servers: [{ url: "/" }],
    security: [{ bearer: [] }],
    paths,
    webhooks: webhooksOf(),
    components: {
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description: "A desk session token from /auth/login",
        },
        service: { type: "http", scheme: "bearer", description: "The integration SERVICE_TOKEN" },
      },
      schemas: {
        Problem: schemaOf(Problem, "output"),
        PreconditionFailedProblem: schemaOf(PROBLEM_SCHEMAS.PreconditionFailedProblem, "output"),
        PlatformEvent: schemaOf(PlatformEvent, "output"),
      },
    },
  };
}
