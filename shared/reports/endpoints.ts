/**
 * The supervisor endpoints, described like those of `@shared/api/endpoints` so the OpenAPI document
 * can list them (spread `SUPERVISOR_ENDPOINTS` into `ENDPOINTS`).
 */

import { CaseIdParams } from "../api/cases";
import type { Endpoint } from "../api/endpoints";
import { OversightQuery, OversightStats } from "../oversight/contract";
import { CaseReportData, ContactRevealBody, ContactRevealResponse } from "./contract";

export const SUPERVISOR_ENDPOINTS: readonly Endpoint[] = [
  {
    method: "get",
    path: "/cases/{id}/report",
    summary: "Everything a case report shows, contacts masked, with an audit excerpt",
    auth: "user",
    params: CaseIdParams,
    response: { status: 200, schema: CaseReportData },
    errors: [404],
  },
  {
    method: "post",
    path: "/cases/{id}/contact-reveal",
    summary:
      "Both parties' clear contact details, with a reason (assignee or supervisor); every call is audited",
    auth: "user",
    params: CaseIdParams,
    body: ContactRevealBody,
    response: { status: 200, schema: ContactRevealResponse },
    errors: [403, 404],
  },
  {
    method: "get",
    path: "/oversight/stats",
    summary: "Team oversight: workload, SLA risk per clock, ages, outcomes, medians (supervisor)",
    auth: "user",
    query: OversightQuery,
    response: { status: 200, schema: OversightStats },
    errors: [403],
  },
];
