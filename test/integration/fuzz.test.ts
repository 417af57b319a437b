/**
 * Malformed input at every route (fast-check): bodies of any JSON shape, hostile headers, junk
 * query strings and path ids. Never a 500, always a problem document, and never a changed row:
 * the change counter, the audit counter and the idempotency table stay exactly as they were.
 */
import { ENDPOINTS } from "@shared/api/endpoints";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../support/api";
import { BACKENDS, type Backend, openBackend, SERVICE_TOKEN } from "../support/backends";

const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 12);

/** Header values cannot carry CR, LF or NUL at all (the client would refuse to send them). */
const headerSafe = (text: string) =>
  [...text].filter((ch) => ch !== "\r" && ch !== "\n" && ch.charCodeAt(0) !== 0).join("");

/** What any accepted mutation changes. */
async function fingerprint(backend: Backend): Promise<string> {
  const rows = await backend.server.db.query<Record<string, unknown>>(
    `select (select last_seq from change_counter) as s, (select last_audit_seq from change_counter) as a,
            (select count(*) from idempotency_keys) as k, (select max(version) from cases) as v,
            (select count(*) from cases) as c`,
  );
  return JSON.stringify(rows[0]);
}

const junkText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom("", " ", 'W/"1"', "*", '"0"', '"-1"', '"99999999"', "null", "\u0000", '"1", "2"'),
);
const body = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.record(
    {
      text: fc.anything(),
      to: fc.anything(),
      outcome: fc.anything(),
      rationale: fc.anything(),
      amount: fc.anything(),
    },
    { requiredKeys: [] },
  ),
  fc.constantFrom(
    { outcome: "partial_refund", rationale: "x".repeat(30) },
    { verdict: "overturn", rationale: "y".repeat(30) },
    { text: "" },
    { party: "nobody", what: "x", dueAt: "yesterday" },
  ),
);

for (const { name, skip } of BACKENDS) {
  describe.skipIf(skip !== null)(`malformed input on ${name}${skip ? ` (${skip})` : ""}`, () => {
    let backend: Backend;
    let agent: ApiClient;
    let caseId: string;

    beforeAll(async () => {
      backend = await openBackend(name, 5);
      agent = await ApiClient.login(backend.server.url, "supervisor1");
      const [row] = await backend.server.db.query<{ id: string }>(
        "select id from cases where status = 'in_review' or status = 'escalated' limit 1",
      );
      caseId = row?.id ?? "";
    });
    afterAll(async () => {
      await backend?.close();
    });

    it("never answers 500 and never changes a row, whatever the route is sent", async () => {
      const before = await fingerprint(backend);
      for (const endpoint of ENDPOINTS) {
        if (["/events", "/auth/logout", "/auth/refresh"].includes(endpoint.path)) continue;
        await fc.assert(
          fc.asyncProperty(
            body,
            fc.option(junkText, { nil: undefined }),
            fc.option(junkText, { nil: undefined }),
            fc.dictionary(fc.string({ maxLength: 8 }), junkText, { maxKeys: 4 }),
            fc.oneof(fc.constant(caseId), fc.string({ maxLength: 70 })),
            fc.boolean(),
            async (payload, ifMatch, key, query, id, rawGarbage) => {
              const path = `/api/v1${endpoint.path.replace("{id}", encodeURIComponent(id) || "x")}`;
              const search = new URLSearchParams(query).toString();
              const headers: Record<string, string> = {
                authorization: `Bearer ${endpoint.auth === "service" ? SERVICE_TOKEN : agent.token}`,
              };
              // A stale or malformed If-Match: even a body that happens to be valid must not apply.
              headers["if-match"] =
                ifMatch === undefined
                  ? '"999999"'
                  : /^"\d+"$/.test(ifMatch)
                    ? '"999999"'
                    : headerSafe(ifMatch);
              if (key !== undefined) headers["idempotency-key"] = headerSafe(key);
              let requestBody: string | undefined;
              if (endpoint.method === "post") {
                headers["content-type"] = rawGarbage
                  ? "application/json"
                  : "application/json; charset=utf-8";
                requestBody = rawGarbage
                  ? `{"broken": ${JSON.stringify(payload).slice(0, 20)}`
                  : JSON.stringify(payload);
              }
              const response = await backend.server.app.inject({
                method: endpoint.method === "get" ? "GET" : "POST",
                url: `${path}${search ? `?${search}` : ""}`,
                headers,
                ...(requestBody === undefined ? {} : { payload: requestBody }),
              });
              expect(
                response.statusCode,
                `${endpoint.method} ${path} → ${response.body.slice(0, 200)}`,
              ).toBeLessThan(500);
              if (response.statusCode >= 400) {
                expect(response.headers["content-type"]).toContain("application/problem+json");
              }
            },
          ),
          { numRuns: RUNS_PER_ROUTE, seed: 20_261_123 },
        );
      }
      expect(await fingerprint(backend)).toBe(before);
    });
  });
}
