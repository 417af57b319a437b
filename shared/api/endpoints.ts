import { z } from "zod";
import { CaseDetail } from "../domain/appeal";
import { User } from "../domain/user";
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
import {
  AgreementRequest,
  CancelAppealRequest,
  FileAppealRequest,
  IntegrationResponse,
  PartyFeedbackRequest,
  PartyMessageRequest,
  RespondentAnswerRequest,
  SecondStageRequest,
} from "./integration";
import { MUTATIONS, MutationResponse, PreconditionFailedProblem } from "./mutations";
import {
  DeadLetterList,
  DeadLetterParams,
  PlatformEventsPage,
  PlatformEventsQuery,
} from "./platform-events";

/**
 * Every endpoint of the API, described once with its shared schemas. The server generates
 * `GET /api/v1/openapi.json` from this list and a test checks that every route it registers is
 * listed here, so the document cannot drift from the code.
 */
export interface Endpoint {
  method: "get" | "post";
  /** Relative to API_BASE, OpenAPI style: `/cases/{id}`. */
  path: string;
  summary: string;
  /** `user`: a desk session token. `service`: the integration SERVICE_TOKEN. */
  auth: "none" | "user" | "service";
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** `multipart/form-data` with a `file` part plus these fields. */
  multipart?: z.ZodType;
  /** Mutation protocol: Idempotency-Key always; If-Match required or optional. */
  mutation?: { ifMatch: "required" | "optional" };
  /** Success response: status and schema (`null`: no body). */
  response: { status: number; schema: z.ZodType | null; contentType?: string };
  /** Error statuses this endpoint documents beyond 400/401. */
  errors?: readonly number[];
}

const MUTATION_ERRORS = [403, 404, 409, 412, 422, 428] as const;

const deskMutations: Endpoint[] = Object.entries(MUTATIONS).map(([name, body]) => ({
  method: "post",
  path: `/cases/{id}/${name}`,
  summary: `Desk action "${name}" on a case`,
  auth: "user",
  params: CaseIdParams,
  body,
  mutation: { ifMatch: "required" },
  response: { status: 200, schema: MutationResponse },
  errors: MUTATION_ERRORS,
}));

const integration = (path: string, summary: string, body: z.ZodType, status = 200): Endpoint => ({
  method: "post",
  path: `/integration/appeals${path}`,
  summary,
  auth: "service",
  ...(path.includes("{id}") ? { params: CaseIdParams } : {}),
  body,
  mutation: { ifMatch: "optional" },
  response: { status, schema: IntegrationResponse },
  errors: [403, 404, 409, 412, 422],
});

export const ENDPOINTS: readonly Endpoint[] = [
  {
    method: "post",
    path: "/auth/login",
    summary:
      "Sign in; returns a bearer token. Failed attempts are throttled per account and per address (429 with Retry-After)",
    auth: "none",
    body: LoginRequest,
    response: { status: 200, schema: LoginResponse },
    errors: [429, 503],
  },
  {
    method: "post",
    path: "/auth/refresh",
    summary: "Swap a valid token for a fresh one (the old one works one more minute)",
    auth: "user",
    response: { status: 200, schema: LoginResponse },
  },
  {
    method: "post",
    path: "/auth/logout",
    summary: "Revoke the current token",
    auth: "user",
    response: { status: 204, schema: null },
  },
  {
    method: "get",
    path: "/me",
    summary: "The signed-in user",
    auth: "user",
    response: { status: 200, schema: User },
  },
  {
    method: "get",
    path: "/users",
    summary: "Agents and supervisors (for reassignment)",
    auth: "user",
    response: { status: 200, schema: z.object({ users: z.array(User) }) },
  },
  {
    method: "get",
    path: "/cases",
    summary: "The queue: filtered, keyset-paginated, most urgent escalation first",
    auth: "user",
    query: ListCasesQuery,
    response: { status: 200, schema: CasePage },
  },
  {
    method: "get",
    path: "/cases/changes",
    summary: "Delta feed: every case changed after the cursor, in commit order",
    auth: "user",
    query: ChangesQuery,
    response: { status: 200, schema: ChangesPage },
  },
  {
    method: "get",
    path: "/search",
    summary:
      "Cases whose text holds every term (accent-, case- and script-insensitive), with a snippet",
    auth: "user",
    query: SearchQuery,
    response: { status: 200, schema: SearchResponse },
  },
  {
    method: "post",
    path: "/search/documents",
    summary: "Searchable text of the given cases, for the desk's own index",
    auth: "user",
    body: SearchDocumentsRequest,
    response: { status: 200, schema: SearchDocumentsResponse },
  },
  {
    method: "get",
    path: "/cases/{id}/context",
    summary:
      "The parties' other appeals (same platform user) with outcomes, their account facts, and the cases on the same order or transaction",
    auth: "user",
    params: CaseIdParams,
    response: { status: 200, schema: CaseContext },
  },
  {
    method: "get",
    path: "/cases/{id}",
    summary: "Full case detail with its version (also as ETag)",
    auth: "user",
    params: CaseIdParams,
    response: { status: 200, schema: CaseDetail },
    errors: [404],
  },
  ...deskMutations,
  {
    method: "post",
    path: "/cases/{id}/evidence",
    summary: "Upload evidence (agent); sniffed type; content-addressed by sha256",
    auth: "user",
    params: CaseIdParams,
    multipart: EvidenceUploadFields,
    mutation: { ifMatch: "required" },
    response: { status: 200, schema: MutationResponse },
    errors: [...MUTATION_ERRORS, 413, 415],
  },
  {
    method: "get",
    path: "/cases/{id}/audit",
    summary: "The case's audit entries, oldest first",
    auth: "user",
    params: CaseIdParams,
    response: { status: 200, schema: AuditLog },
    errors: [404],
  },
  {
    method: "get",
    path: "/audit/verify",
    summary: "Walk the hash chain; report the first broken link (supervisor)",
    auth: "user",
    response: { status: 200, schema: AuditVerification },
    errors: [403],
  },
  {
    method: "get",
    path: "/evidence/{id}",
    summary: "Evidence metadata",
    auth: "user",
    params: EvidenceIdParams,
    response: { status: 200, schema: EvidenceMetadata },
    errors: [404],
  },
  {
    method: "get",
    path: "/evidence/{id}/content",
    summary: "Evidence bytes, with X-Content-SHA256 and Repr-Digest",
    auth: "user",
    params: EvidenceIdParams,
    response: { status: 200, schema: null, contentType: "application/octet-stream" },
    errors: [404],
  },
  {
    method: "post",
    path: "/events/ticket",
    summary:
      "A single-use ticket (30 s) for `GET /events?ticket=`, for clients that cannot send headers",
    auth: "user",
    response: { status: 200, schema: EventTicket },
  },
  {
    method: "get",
    path: "/events",
    summary:
      "Live events (Server-Sent Events); resumable with Last-Event-ID; Authorization header or ?ticket=; closed when the session ends",
    auth: "user",
    query: EventsQuery,
    response: { status: 200, schema: LiveEvent, contentType: "text/event-stream" },
  },
  {
    method: "get",
    path: "/calendars",
    summary: "Working-time calendars",
    auth: "user",
    response: { status: 200, schema: CalendarList },
  },
  {
    method: "get",
    path: "/calendars/{id}/add",
    summary: "Add working minutes to an instant",
    auth: "user",
    params: CalendarParams,
    query: CalendarAddQuery,
    response: { status: 200, schema: CalendarAddResponse },
  },
  {
    method: "get",
    path: "/calendars/{id}/between",
    summary: "Working minutes between two instants",
    auth: "user",
    params: CalendarParams,
    query: CalendarBetweenQuery,
    response: { status: 200, schema: CalendarBetweenResponse },
  },
  integration("", "File an appeal (complainant)", FileAppealRequest, 201),
  {
    method: "get",
    path: "/integration/appeals/{id}",
    summary: "The appeal as it stands (platform view)",
    auth: "service",
    params: CaseIdParams,
    response: { status: 200, schema: IntegrationResponse },
    errors: [403, 404],
  },
  integration("/{id}/messages", "A party's chat message", PartyMessageRequest),
  integration(
    "/{id}/respondent-answer",
    "The respondent's answer in the 10-minute window",
    RespondentAnswerRequest,
  ),
  integration(
    "/{id}/agreement",
    "The complainant confirms an agreement (or not)",
    AgreementRequest,
  ),
  integration("/{id}/cancel", "The complainant cancels the appeal", CancelAppealRequest),
  integration("/{id}/second-stage", "A party objects to the decision", SecondStageRequest),
  integration("/{id}/feedback", "A party's feedback during verification", PartyFeedbackRequest),
  {
    method: "get",
    path: "/integration/events",
    summary:
      "Pull feed of what the desk tells the platform (decisions, messages, evidence requests, reminders, verification, review verdicts), oldest first; the same events as the webhooks",
    auth: "service",
    query: PlatformEventsQuery,
    response: { status: 200, schema: PlatformEventsPage },
    errors: [403],
  },
  {
    method: "get",
    path: "/webhooks/dead-letters",
    summary: "Webhook deliveries that ran out of attempts (supervisor)",
    auth: "user",
    response: { status: 200, schema: DeadLetterList },
    errors: [403],
  },
  {
    method: "post",
    path: "/webhooks/dead-letters/{eventId}/replay",
    summary: "Put a dead-lettered delivery back in line (supervisor)",
    auth: "user",
    params: DeadLetterParams,
    response: { status: 204, schema: null },
    errors: [403, 404],
  },
  {
    method: "post",
    path: "/integration/appeals/{id}/evidence",
    summary: "A party uploads evidence",
    auth: "service",
    params: CaseIdParams,
    multipart: PartyEvidenceUploadFields,
    mutation: { ifMatch: "optional" },
    response: { status: 200, schema: IntegrationResponse },
    errors: [404, 409, 413, 415, 422],
  },
];

/** Problem bodies with extra members, for the document. */
export const PROBLEM_SCHEMAS = { PreconditionFailedProblem } as const;
