/**
 * The HTTP contract: every endpoint of the API, once, with its method, path, auth, schemas,
 * response kind and documented errors. The server registers its routes from this map
 * (`server/http/register.ts`), the OpenAPI document is generated from it
 * (`server/openapi/document.ts`), and the desk's one client calls it by key
 * (`renderer/src/api/call.ts`). A path or schema is written nowhere else.
 *
 * How to add an endpoint (checklist):
 * 1. Request/response zod schemas in `shared/api/<area>.ts` (strict objects for bodies, so a typo
 *    is a 400, not silently ignored).
 * 2. An entry in `API_CONTRACT` below: a camelCase key, `method`, OpenAPI-style `path`
 *    (`/cases/{id}`), `summary`, `auth` (+ `roles` when only some roles may call it), `params` /
 *    `query` / `body` / `multipart`, `mutation` when it takes Idempotency-Key and If-Match,
 *    `response` (its kind: json, empty, sse or bytes) and the error statuses it documents.
 *    A desk action on a case is a line in `MUTATIONS` (`./mutations.ts`); a platform action on an
 *    appeal is a line in `INTEGRATION_ACTIONS` (`./integration.ts`): both generate their entries.
 * 3. The handler, in the area's `server/<area>/routes.ts` object that `satisfies
 *    Pick<ServerHandlers, ...>`: it receives the parsed params/query/body (and the signed-in user,
 *    the mutation headers) and returns the response object; logic lives in a service function.
 *    Never `app.get`/`app.post` by hand: `registerApi` (`server/http/register.ts`) does auth,
 *    parsing, mutation headers and problem+json for every key. A new area's handler factory is
 *    spread into `createApiHandlers` (`server/http/api-handlers.ts`), whose return type is every
 *    key: `npm run typecheck` fails until the key has a handler, and
 *    `test/unit/server/http/register.test.ts` fails on a route that is not in the map.
 *    OpenAPI (`/openapi.json`) and `ENDPOINTS` (`./endpoints.ts`) follow from the map by themselves.
 * 4. On the desk: `call("yourKey", input, signal)` from `renderer/src/api/call.ts`, or a thin named
 *    helper in the feature's `<feature>-api.ts` when that reads better at the call site.
 * 5. Tests: an integration test through HTTP; the masking walk
 *    (`test/integration/privacy/masking-walk.test.ts`) asks for a probe of every new route.
 */
import { z } from "zod";
import { CaseDetail } from "../domain/appeal";
import { type Role, User } from "../domain/user";
import { OversightQuery, OversightStats } from "../oversight/contract";
import { CaseReportData, ContactRevealBody, ContactRevealResponse } from "../reports/contract";
import {
  SearchDocumentsRequest,
  SearchDocumentsResponse,
  SearchQuery,
  SearchResponse,
} from "../search/document";
import { AuditLog, AuditVerification } from "./audit";
import { LoginRequest, LoginResponse } from "./auth";
import {
  CalendarAddQuery,
  CalendarAddResponse,
  CalendarBetweenQuery,
  CalendarBetweenResponse,
  CalendarList,
  CalendarParams,
} from "./calendars";
import { CaseContext } from "./case-context";
import { CaseIdParams, CasePage, ChangesPage, ChangesQuery, ListCasesQuery } from "./cases";
import { EventsQuery, EventTicket, LiveEvent } from "./events";
import {
  EvidenceIdParams,
  EvidenceMetadata,
  EvidenceUploadFields,
  PartyEvidenceUploadFields,
} from "./evidence";
import { FileAppealRequest, INTEGRATION_ACTIONS, IntegrationResponse } from "./integration";
import { MUTATIONS, MutationResponse } from "./mutations";
import {
  DeadLetterList,
  DeadLetterParams,
  PlatformEventsPage,
  PlatformEventsQuery,
} from "./platform-events";
import { CasePresence, PresenceRequest } from "./presence";
import { Reply, ReplyIdParams, ReplyList, ReplyListQuery, ReplyWrite } from "./replies";
import {
  RoutingAgent,
  RoutingAgentList,
  RoutingAgentParams,
  RoutingAgentUpdate,
  RoutingHeartbeat,
} from "./routing";

/** What a successful answer is: a JSON body, nothing, a live event stream, or raw bytes. */
export type EndpointResponse =
  | { kind: "json"; status: 200 | 201; schema: z.ZodType }
  | { kind: "empty"; status: 204 }
  /** `text/event-stream`; `event` is the schema of each event's `data`. */
  | { kind: "sse"; event: z.ZodType }
  /** A file (evidence, and any PDF/CSV/XLSX export): bytes of `contentType`, no JSON. */
  | { kind: "bytes"; contentType: string };

export interface Endpoint {
  method: "get" | "post";
  /** Relative to API_BASE, OpenAPI style: `/cases/{id}`. */
  path: `/${string}`;
  summary: string;
  /**
   * `user`: a desk session token. `service`: the integration SERVICE_TOKEN. `ticket`: a desk
   * session by header or a single-use `?ticket=` (the live stream; its handler checks which).
   */
  auth: "none" | "user" | "service" | "ticket";
  /** Only these roles (403 for the others, before anything else is read). */
  roles?: readonly Role[];
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** `multipart/form-data` with a `file` part plus these text fields (instead of `body`). */
  multipart?: z.ZodType;
  /** Mutation protocol: Idempotency-Key always; If-Match required or optional. */
  mutation?: { ifMatch: "required" | "optional" };
  response: EndpointResponse;
  /** Error statuses this endpoint documents beyond 400/401. */
  errors?: readonly number[];
}

const MUTATION_ERRORS = [403, 404, 409, 412, 422, 428] as const;
const INTEGRATION_ERRORS = [403, 404, 409, 412, 422] as const;

/** `phone-contacts` → `PhoneContacts`. */
type Pascal<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Capitalize<Head>}${Pascal<Tail>}`
  : Capitalize<S>;
function pascal<S extends string>(name: S): Pascal<S> {
  return name
    .split("-")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("") as Pascal<S>;
}

/** The key of a desk mutation: `phone-contacts` → `casePhoneContacts`. */
export type DeskMutationKey<N extends string> = `case${Pascal<N>}`;
export const deskMutationKey = <N extends string>(name: N): DeskMutationKey<N> =>
  `case${pascal(name)}`;

/** The key of a platform action: `respondent-answer` → `appealRespondentAnswer`. */
export type IntegrationActionKey<N extends string> = `appeal${Pascal<N>}`;
export const integrationActionKey = <N extends string>(name: N): IntegrationActionKey<N> =>
  `appeal${pascal(name)}`;

/**
 * One entry per desk mutation: `POST /cases/{id}/<name>` with its body from `MUTATIONS`.
 * The one cast is where the entries are built from the table; the mapped type says what they are.
 */
function deskMutationEntries<const T extends Record<string, z.ZodType>>(
  table: T,
): {
  [N in keyof T & string as DeskMutationKey<N>]: {
    method: "post";
    path: `/cases/{id}/${N}`;
    summary: string;
    auth: "user";
    params: typeof CaseIdParams;
    body: T[N];
    mutation: { ifMatch: "required" };
    response: { kind: "json"; status: 200; schema: typeof MutationResponse };
    errors: typeof MUTATION_ERRORS;
  };
} {
  const entries = Object.entries(table).map(([name, body]) => [
    deskMutationKey(name),
    {
      method: "post",
      path: `/cases/{id}/${name}`,
      summary: `Desk action "${name}" on a case`,
      auth: "user",
      params: CaseIdParams,
      body,
      mutation: { ifMatch: "required" },
      response: { kind: "json", status: 200, schema: MutationResponse },
      errors: MUTATION_ERRORS,
    } satisfies Endpoint,
  ]);
  return Object.fromEntries(entries) as never;
}

/** One entry per platform action: `POST /integration/appeals/{id}/<name>`. */
function integrationActionEntries<
  const T extends Record<string, { body: z.ZodType; summary: string }>,
>(
  table: T,
): {
  [N in keyof T & string as IntegrationActionKey<N>]: {
    method: "post";
    path: `/integration/appeals/{id}/${N}`;
    summary: string;
    auth: "service";
    params: typeof CaseIdParams;
    body: T[N]["body"];
    mutation: { ifMatch: "optional" };
    response: { kind: "json"; status: 200; schema: typeof IntegrationResponse };
    errors: typeof INTEGRATION_ERRORS;
  };
} {
  const entries = Object.entries(table).map(([name, { body, summary }]) => [
    integrationActionKey(name),
    {
      method: "post",
      path: `/integration/appeals/{id}/${name}`,
      summary,
      auth: "service",
      params: CaseIdParams,
      body,
      mutation: { ifMatch: "optional" },
      response: { kind: "json", status: 200, schema: IntegrationResponse },
      errors: INTEGRATION_ERRORS,
    } satisfies Endpoint,
  ]);
  return Object.fromEntries(entries) as never;
}

const UserList = z.object({ users: z.array(User) });
/** The OpenAPI document itself: a JSON object (its shape is OpenAPI 3.1's, not ours). */
const OpenApiDocument = z.record(z.string(), z.unknown());

export const API_CONTRACT = {
  openApi: {
    method: "get",
    path: "/openapi.json",
    summary: "This document (OpenAPI 3.1), generated from the contract map",
    auth: "none",
    response: { kind: "json", status: 200, schema: OpenApiDocument },
  },

  // Sessions and people
  login: {
    method: "post",
    path: "/auth/login",
    summary:
      "Sign in; returns a bearer token. Failed attempts are throttled per account and per address (429 with Retry-After)",
    auth: "none",
    body: LoginRequest,
    response: { kind: "json", status: 200, schema: LoginResponse },
    errors: [429, 503],
  },
  refreshSession: {
    method: "post",
    path: "/auth/refresh",
    summary: "Swap a valid token for a fresh one (the old one works one more minute)",
    auth: "user",
    response: { kind: "json", status: 200, schema: LoginResponse },
  },
  logout: {
    method: "post",
    path: "/auth/logout",
    summary: "Revoke the current token",
    auth: "user",
    response: { kind: "empty", status: 204 },
  },
  me: {
    method: "get",
    path: "/me",
    summary: "The signed-in user",
    auth: "user",
    response: { kind: "json", status: 200, schema: User },
  },
  listUsers: {
    method: "get",
    path: "/users",
    summary: "Agents and supervisors (for reassignment)",
    auth: "user",
    response: { kind: "json", status: 200, schema: UserList },
  },

  // Cases
  listCases: {
    method: "get",
    path: "/cases",
    summary: "The queue: filtered, keyset-paginated, most urgent escalation first",
    auth: "user",
    query: ListCasesQuery,
    response: { kind: "json", status: 200, schema: CasePage },
  },
  caseChanges: {
    method: "get",
    path: "/cases/changes",
    summary: "Delta feed: every case changed after the cursor, in commit order",
    auth: "user",
    query: ChangesQuery,
    response: { kind: "json", status: 200, schema: ChangesPage },
  },
  getCase: {
    method: "get",
    path: "/cases/{id}",
    summary: "Full case detail with its version (also as ETag)",
    auth: "user",
    params: CaseIdParams,
    response: { kind: "json", status: 200, schema: CaseDetail },
    errors: [404],
  },
  caseContext: {
    method: "get",
    path: "/cases/{id}/context",
    summary:
      "The parties' other appeals (same platform user) with outcomes, their account facts, and the cases on the same order or transaction",
    auth: "user",
    params: CaseIdParams,
    response: { kind: "json", status: 200, schema: CaseContext },
    errors: [404],
  },
  ...deskMutationEntries(MUTATIONS),
  uploadEvidence: {
    method: "post",
    path: "/cases/{id}/evidence",
    summary:
      "Upload evidence (agent); sniffed type; content-addressed by sha256; a declared sha256 must match (422)",
    auth: "user",
    params: CaseIdParams,
    multipart: EvidenceUploadFields,
    mutation: { ifMatch: "required" },
    response: { kind: "json", status: 200, schema: MutationResponse },
    errors: [...MUTATION_ERRORS, 413, 415],
  },
  caseAudit: {
    method: "get",
    path: "/cases/{id}/audit",
    summary: "The case's audit entries, oldest first",
    auth: "user",
    params: CaseIdParams,
    response: { kind: "json", status: 200, schema: AuditLog },
    errors: [404],
  },
  caseReport: {
    method: "get",
    path: "/cases/{id}/report",
    summary: "Everything a case report shows, contacts masked, with an audit excerpt",
    auth: "user",
    params: CaseIdParams,
    response: { kind: "json", status: 200, schema: CaseReportData },
    errors: [404],
  },
  revealContacts: {
    method: "post",
    path: "/cases/{id}/contact-reveal",
    summary:
      "Both parties' clear contact details, with a reason (assignee or supervisor); every call is audited",
    auth: "user",
    params: CaseIdParams,
    body: ContactRevealBody,
    response: { kind: "json", status: 200, schema: ContactRevealResponse },
    errors: [403, 404],
  },
  announcePresence: {
    method: "post",
    path: "/cases/{id}/presence",
    summary:
      "Heartbeat (`open`, every 20 s while the case is on screen) or leave (`closed`); not a case mutation",
    auth: "user",
    roles: ["agent", "supervisor"],
    params: CaseIdParams,
    body: PresenceRequest,
    response: { kind: "json", status: 200, schema: CasePresence },
    errors: [403, 404],
  },

  // Routing (issue #19)
  routingHeartbeat: {
    method: "post",
    path: "/routing/heartbeat",
    summary:
      "The signed-in desk says it is there (every 30 s): `online` takes new escalations, `away` takes none; not a case mutation",
    auth: "user",
    roles: ["agent", "supervisor"],
    body: RoutingHeartbeat,
    response: { kind: "json", status: 200, schema: RoutingAgent },
  },
  routingAgents: {
    method: "get",
    path: "/routing/agents",
    summary: "Staff with skills, capacity, open cases, presence and routing pause (supervisors)",
    auth: "user",
    roles: ["supervisor"],
    response: { kind: "json", status: 200, schema: RoutingAgentList },
    errors: [403],
  },
  routingUpdateAgent: {
    method: "post",
    path: "/routing/agents/{id}",
    summary: "Pause or resume an agent's routing, or change their skills or capacity (supervisors)",
    auth: "user",
    roles: ["supervisor"],
    params: RoutingAgentParams,
    body: RoutingAgentUpdate,
    response: { kind: "json", status: 200, schema: RoutingAgent },
    errors: [403, 404],
  },

  // Search
  search: {
    method: "get",
    path: "/search",
    summary:
      "Cases whose text holds every term (accent-, case- and script-insensitive), with a snippet",
    auth: "user",
    query: SearchQuery,
    response: { kind: "json", status: 200, schema: SearchResponse },
  },
  searchDocuments: {
    method: "post",
    path: "/search/documents",
    summary: "Searchable text of the given cases, for the desk's own index",
    auth: "user",
    body: SearchDocumentsRequest,
    response: { kind: "json", status: 200, schema: SearchDocumentsResponse },
  },

  // Evidence
  evidenceMetadata: {
    method: "get",
    path: "/evidence/{id}",
    summary: "Evidence metadata",
    auth: "user",
    params: EvidenceIdParams,
    response: { kind: "json", status: 200, schema: EvidenceMetadata },
    errors: [404],
  },
  evidenceContent: {
    method: "get",
    path: "/evidence/{id}/content",
    summary: "Evidence bytes, with X-Content-SHA256 and Repr-Digest",
    auth: "user",
    params: EvidenceIdParams,
    response: { kind: "bytes", contentType: "application/octet-stream" },
    errors: [404],
  },

  // Audit and oversight (supervisors)
  verifyAudit: {
    method: "get",
    path: "/audit/verify",
    summary: "Walk the hash chain; report the first broken link (supervisor)",
    auth: "user",
    roles: ["supervisor"],
    response: { kind: "json", status: 200, schema: AuditVerification },
    errors: [403],
  },
  oversightStats: {
    method: "get",
    path: "/oversight/stats",
    summary: "Team oversight: workload, SLA risk per clock, ages, outcomes, medians (supervisor)",
    auth: "user",
    roles: ["supervisor"],
    query: OversightQuery,
    response: { kind: "json", status: 200, schema: OversightStats },
    errors: [403],
  },
  deadLetters: {
    method: "get",
    path: "/webhooks/dead-letters",
    summary: "Webhook deliveries that ran out of attempts (supervisor)",
    auth: "user",
    roles: ["supervisor"],
    response: { kind: "json", status: 200, schema: DeadLetterList },
    errors: [403],
  },
  replayDeadLetter: {
    method: "post",
    path: "/webhooks/dead-letters/{eventId}/replay",
    summary: "Put a dead-lettered delivery back in line (supervisor)",
    auth: "user",
    roles: ["supervisor"],
    params: DeadLetterParams,
    response: { kind: "empty", status: 204 },
    errors: [403, 404],
  },

  // Live events
  eventTicket: {
    method: "post",
    path: "/events/ticket",
    summary:
      "A single-use ticket (30 s) for `GET /events?ticket=`, for clients that cannot send headers",
    auth: "user",
    response: { kind: "json", status: 200, schema: EventTicket },
  },
  events: {
    method: "get",
    path: "/events",
    summary:
      "Live events (Server-Sent Events); resumable with Last-Event-ID; Authorization header or ?ticket=; closed when the session ends",
    auth: "ticket",
    query: EventsQuery,
    response: { kind: "sse", event: LiveEvent },
  },

  // Canned replies and decision macros
  listReplies: {
    method: "get",
    path: "/replies",
    summary:
      "Canned replies and decision macros in vi / zh-Hans / zh-Hant / en; `since` gives only those written after a cursor (archived ones included)",
    auth: "user",
    query: ReplyListQuery,
    response: { kind: "json", status: 200, schema: ReplyList },
  },
  createReply: {
    method: "post",
    path: "/replies",
    summary: "Add a reply or decision macro (supervisor); audited",
    auth: "user",
    roles: ["supervisor"],
    body: ReplyWrite,
    mutation: { ifMatch: "optional" },
    response: { kind: "json", status: 201, schema: Reply },
    errors: [403],
  },
  updateReply: {
    method: "post",
    path: "/replies/{id}",
    summary: "Rewrite a reply or macro at the version If-Match names (supervisor); audited",
    auth: "user",
    roles: ["supervisor"],
    params: ReplyIdParams,
    body: ReplyWrite,
    mutation: { ifMatch: "required" },
    response: { kind: "json", status: 200, schema: Reply },
    errors: [403, 404, 409, 412, 428],
  },
  archiveReply: {
    method: "post",
    path: "/replies/{id}/archive",
    summary: "Archive a reply or macro at the version If-Match names (supervisor); audited",
    auth: "user",
    roles: ["supervisor"],
    params: ReplyIdParams,
    mutation: { ifMatch: "required" },
    response: { kind: "json", status: 200, schema: Reply },
    errors: [403, 404, 409, 412, 428],
  },

  // Working-time calendars
  calendars: {
    method: "get",
    path: "/calendars",
    summary: "Working-time calendars",
    auth: "user",
    response: { kind: "json", status: 200, schema: CalendarList },
  },
  calendarAdd: {
    method: "get",
    path: "/calendars/{id}/add",
    summary: "Add working minutes to an instant",
    auth: "user",
    params: CalendarParams,
    query: CalendarAddQuery,
    response: { kind: "json", status: 200, schema: CalendarAddResponse },
    errors: [404],
  },
  calendarBetween: {
    method: "get",
    path: "/calendars/{id}/between",
    summary: "Working minutes between two instants",
    auth: "user",
    params: CalendarParams,
    query: CalendarBetweenQuery,
    response: { kind: "json", status: 200, schema: CalendarBetweenResponse },
    errors: [404],
  },

  // Integration (the platform, with the service token)
  fileAppeal: {
    method: "post",
    path: "/integration/appeals",
    summary: "File an appeal (complainant)",
    auth: "service",
    body: FileAppealRequest,
    mutation: { ifMatch: "optional" },
    response: { kind: "json", status: 201, schema: IntegrationResponse },
    errors: INTEGRATION_ERRORS,
  },
  getAppeal: {
    method: "get",
    path: "/integration/appeals/{id}",
    summary: "The appeal as it stands (platform view)",
    auth: "service",
    params: CaseIdParams,
    response: { kind: "json", status: 200, schema: IntegrationResponse },
    errors: [403, 404],
  },
  ...integrationActionEntries(INTEGRATION_ACTIONS),
  appealEvidence: {
    method: "post",
    path: "/integration/appeals/{id}/evidence",
    summary: "A party uploads evidence",
    auth: "service",
    params: CaseIdParams,
    multipart: PartyEvidenceUploadFields,
    mutation: { ifMatch: "optional" },
    response: { kind: "json", status: 200, schema: IntegrationResponse },
    errors: [404, 409, 413, 415, 422],
  },
  platformEvents: {
    method: "get",
    path: "/integration/events",
    summary:
      "Pull feed of what the desk tells the platform (decisions, messages, evidence requests, reminders, verification, review verdicts), oldest first; the same events as the webhooks",
    auth: "service",
    query: PlatformEventsQuery,
    response: { kind: "json", status: 200, schema: PlatformEventsPage },
    errors: [403],
  },
} as const satisfies Record<string, Endpoint>;

export type ApiContract = typeof API_CONTRACT;
export type ApiKey = keyof ApiContract;
export const API_KEYS = Object.keys(API_CONTRACT) as ApiKey[];

/** The entry of one key, as the map types it. */
export type EndpointOf<K extends ApiKey> = ApiContract[K];

type SchemaAt<E, F extends string> = E extends { readonly [P in F]: infer S extends z.ZodType }
  ? S
  : never;
/** `{ name: T }`, or `{ name?: T }` when every field of T is optional (an empty query, `{}`). */
type Part<Name extends string, T> = [T] extends [never]
  ? unknown
  : Record<never, never> extends T
    ? { [P in Name]?: T }
    : { [P in Name]: T };
type Flatten<T> = { [P in keyof T]: T[P] } & {};

/** What a client sends for a mutation's headers (the version is a number; we quote it). */
type MutationPart<E> = E extends { readonly mutation: { readonly ifMatch: infer M } }
  ? M extends "required"
    ? { idempotencyKey: string; ifMatch: number }
    : { idempotencyKey: string; ifMatch?: number }
  : unknown;

/**
 * What a client sends to call `K`: `params`, `query`, `body` in their wire (input) form, the
 * mutation headers, and for multipart uploads the `fields` plus a `file` (`File` is the client's
 * own file type: `Blob` in the desk; shared code has none).
 */
export type ApiInput<K extends ApiKey, File = unknown> = Flatten<
  Part<"params", z.input<SchemaAt<EndpointOf<K>, "params">>> &
    Part<"query", z.input<SchemaAt<EndpointOf<K>, "query">>> &
    Part<"body", z.input<SchemaAt<EndpointOf<K>, "body">>> &
    (EndpointOf<K> extends { readonly multipart: infer M extends z.ZodType }
      ? { fields: z.input<M>; file: File; fileName: string }
      : unknown) &
    MutationPart<EndpointOf<K>>
>;

/** The success answer of `K` as its schema parses it (`void` for 204, bytes for files). */
export type ApiOutput<K extends ApiKey> = EndpointOf<K>["response"] extends infer R
  ? R extends { kind: "json"; schema: infer S extends z.ZodType }
    ? z.output<S>
    : R extends { kind: "empty" }
      ? undefined
      : R extends { kind: "bytes" }
        ? ArrayBuffer
        : // A live stream is read by the desk's event-stream reader, not answered once.
          never
  : never;

/** The mutation headers as the server read them (see `server/http/mutation.ts`). */
export interface MutationPreconditions {
  idempotencyKey: string;
  /** The versions If-Match names; null when it is optional and was not sent. */
  ifMatch: readonly number[] | null;
}

/**
 * What a handler receives for `K`: the request parts already parsed by the map's schemas
 * (output form: defaults applied, strings split), the mutation headers, and for multipart the
 * parsed fields plus the server's `Upload`.
 */
export type ApiParsedInput<K extends ApiKey, Upload = unknown> = Flatten<
  (SchemaAt<EndpointOf<K>, "params"> extends infer S extends z.ZodType
    ? [S] extends [never]
      ? unknown
      : { params: z.output<S> }
    : unknown) &
    (SchemaAt<EndpointOf<K>, "query"> extends infer S extends z.ZodType
      ? [S] extends [never]
        ? unknown
        : { query: z.output<S> }
      : unknown) &
    (SchemaAt<EndpointOf<K>, "body"> extends infer S extends z.ZodType
      ? [S] extends [never]
        ? unknown
        : { body: z.output<S> }
      : unknown) &
    (EndpointOf<K> extends { readonly multipart: infer M extends z.ZodType }
      ? { fields: z.output<M>; upload: Upload }
      : unknown) &
    (EndpointOf<K> extends { readonly mutation: object }
      ? { mutation: MutationPreconditions }
      : unknown)
>;

/** What a handler returns for `K`: the JSON body for json endpoints, nothing for 204. */
export type ApiResult<K extends ApiKey> = EndpointOf<K>["response"] extends infer R
  ? R extends { kind: "json"; schema: infer S extends z.ZodType }
    ? z.output<S>
    : R extends { kind: "empty" }
      ? undefined
      : never
  : never;

/**
 * One handler per key. The server chooses each key's request context (`Contexts[K]`: e.g. with
 * the signed-in user where `auth` is `user`), what a handler that sent the reply itself returns
 * (`Sent`: streams, files, the mutation runner's stored answers) and its upload type. A missing
 * key is a compile error where the server assembles its handlers.
 */
export type ApiHandlers<Contexts extends { [K in ApiKey]: unknown }, Sent, Upload = unknown> = {
  [K in ApiKey]: (
    input: ApiParsedInput<K, Upload>,
    context: Contexts[K],
  ) => Promise<ApiResult<K> | Sent>;
};

/** `/cases/{id}` with `{ id: "a/b" }` → `/cases/a%2Fb`. */
export function fillPath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null) throw new Error(`Missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}

/** `/cases/{id}` → `/cases/:id` (Fastify's spelling). */
export const routePath = (path: string): string => path.replace(/\{(\w+)\}/g, ":$1");
