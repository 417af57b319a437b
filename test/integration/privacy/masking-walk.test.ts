/**
 * Every route the server documents is called, and no answer may carry a party's clear phone or
 * e-mail unless the caller was entitled to it (the case's assignee or a supervisor, through the
 * audited contact reveal). The routes come from the server's own OpenAPI document, so a route
 * added later without a probe here fails the test until one is written. Mutations are checked
 * three ways: the answer, its idempotent replay, and the 412 body of a stale If-Match.
 */
import { randomUUID } from "node:crypto";
import type { MutationResponse } from "@shared/api/mutations";
import type { CaseDetail } from "@shared/domain/appeal";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, type ApiResponse } from "../../support/api";
import { filing, platform } from "../../support/appeals";
import { BACKENDS, type Backend, openBackend } from "../../support/backends";

const RATIONALE = "The bank statement shows the transfer arrived on time and in full.";

const REPLY_WRITE = {
  kind: "reply",
  title: "Masking probe",
  bodies: {
    vi: "Chào {partyName}",
    "zh-Hans": "{partyName}您好",
    "zh-Hant": "{partyName}您好",
    en: "Hello {partyName}",
  },
};

/** Contacts no demo case has, so finding them anywhere means a leak of this test's parties. */
const COMPLAINANT = { phone: "+84 913 572 468", email: "privacy.probe.buyer@example.vn" };
const RESPONDENT = { phone: "+86 139 2468 1357", email: "privacy.probe.seller@example.cn" };
const CLEAR_DIGITS = [COMPLAINANT.phone, RESPONDENT.phone].map((p) => p.replace(/\D/g, ""));
const CLEAR_MAILBOXES = [COMPLAINANT.email, RESPONDENT.email].map((e) => e.split("@")[0] ?? e);

/** The clear values found in an answer: phone digits survive spaces, dashes and brackets. */
export function clearValuesIn(text: string): string[] {
  const digits = text.replace(/[\s()\-+]/g, "");
  return [
    ...CLEAR_DIGITS.filter((d) => digits.includes(d)),
    ...CLEAR_MAILBOXES.filter((m) => text.includes(m)),
  ];
}

interface Observed {
  label: string;
  status: number;
  text: string;
  /** The caller may see clear values here (the assignee's or a supervisor's reveal). */
  isEntitled?: boolean;
}

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

for (const { name, skip } of BACKENDS) {
  describe.skipIf(skip !== null)(
    `masking on every route on ${name}${skip ? ` (${skip})` : ""}`,
    () => {
      let backend: Backend;
      let url: string;
      let agent1: ApiClient;
      let agent2: ApiClient;
      let supervisor1: ApiClient;
      let supervisor2: ApiClient;

      beforeAll(async () => {
        backend = await openBackend(name, 5);
        url = backend.server.url;
        agent1 = await ApiClient.login(url, "agent1");
        agent2 = await ApiClient.login(url, "agent2");
        supervisor1 = await ApiClient.login(url, "supervisor1");
        supervisor2 = await ApiClient.login(url, "supervisor2");
      });
      afterAll(async () => {
        await backend?.close();
      });

      const text = (r: ApiResponse) =>
        typeof r.body === "string" ? r.body : JSON.stringify(r.body);
      const seen = (label: string, r: ApiResponse, isEntitled = false): Observed => ({
        label,
        status: r.status,
        text: text(r),
        isEntitled,
      });

      function probeFiling() {
        const base = filing();
        return filing({
          complainant: { ...base.complainant, ...COMPLAINANT },
          respondent: { ...base.respondent, ...RESPONDENT },
        });
      }

      /** Filed and escalated through the integration API, with this test's contacts. */
      async function escalated(): Promise<CaseDetail> {
        const service = platform(url);
        const filed = await service.post<{ case: CaseDetail }>(
          "/integration/appeals",
          probeFiling(),
        );
        expect(filed.status).toBe(201);
        const answered = await service.post<{ case: CaseDetail }>(
          `/integration/appeals/${filed.body.case.id}/respondent-answer`,
          { answer: "negotiation_failed", statement: "Chưa nhận được tiền." },
        );
        expect(answered.status).toBe(200);
        return answered.body.case;
      }
      async function claimed(by: ApiClient = agent1): Promise<CaseDetail> {
        const c = await escalated();
        const r = await by.post<MutationResponse>(
          `/cases/${c.id}/claim`,
          {},
          { ifMatch: c.version },
        );
        expect(r.status).toBe(200);
        return r.body.case as CaseDetail;
      }
      async function decided(): Promise<CaseDetail> {
        const c = await claimed();
        const r = await agent1.post<MutationResponse>(
          `/cases/${c.id}/decision`,
          { outcome: "release", favouredParty: "complainant", rationale: RATIONALE },
          { ifMatch: c.version },
        );
        expect(r.status).toBe(200);
        return r.body.case as CaseDetail;
      }
      async function underReview(): Promise<CaseDetail> {
        const c = await decided();
        const appealed = await platform(url).post<{ case: CaseDetail }>(
          `/integration/appeals/${c.id}/second-stage`,
          { party: "respondent", statement: "Tiền chưa về tài khoản của tôi." },
        );
        const r = await supervisor1.post<MutationResponse>(
          `/cases/${c.id}/claim`,
          {},
          { ifMatch: appealed.body.case.version },
        );
        expect(r.status).toBe(200);
        return r.body.case as CaseDetail;
      }

      /**
       * A mutation: the answer, the replay of the same key, and (where If-Match applies) the 412 of
       * a stale version, after which the case has moved on.
       */
      async function mutation(
        label: string,
        client: ApiClient,
        path: string,
        body: unknown,
        version: number | null,
      ): Promise<Observed[]> {
        const key = randomUUID();
        const first = await client.post(path, body, { key, ifMatch: version });
        expect(first.status, `${label}: ${text(first).slice(0, 300)}`).toBeLessThan(300);
        const replay = await client.post(path, body, { key, ifMatch: version });
        expect(replay.headers.get("idempotent-replayed")).toBe("true");
        const out = [seen(label, first), seen(`${label} (replay)`, replay)];
        if (version !== null) {
          const stale = await client.post(path, body, { ifMatch: version });
          if (stale.status === 412) out.push(seen(`${label} (412)`, stale));
        }
        return out;
      }

      function upload(client: ApiClient, path: string, fields: Record<string, string>, v?: number) {
        const form = new FormData();
        for (const [k, value] of Object.entries(fields)) form.set(k, value);
        form.set("file", new Blob([PNG], { type: "image/png" }), "receipt.png");
        return client.upload(path, form, v === undefined ? {} : { ifMatch: v });
      }

      const mut =
        (
          name: string,
          body: (c: CaseDetail) => unknown,
          setup = claimed,
          by: () => ApiClient = () => agent1,
        ) =>
        async (): Promise<Observed[]> => {
          const c = await setup();
          return mutation(name, by(), `/cases/${c.id}/${name}`, body(c), c.version);
        };
      const integration =
        (name: string, body: unknown, setup: () => Promise<CaseDetail>) =>
        async (): Promise<Observed[]> => {
          const c = await setup();
          return mutation(name, platform(url), `/integration/appeals/${c.id}/${name}`, body, null);
        };

      /** Filed, the respondent says they agreed: the complainant is asked to confirm. */
      async function agreementPending(): Promise<CaseDetail> {
        const service = platform(url);
        const filed = await service.post<{ case: CaseDetail }>(
          "/integration/appeals",
          probeFiling(),
        );
        const r = await service.post<{ case: CaseDetail }>(
          `/integration/appeals/${filed.body.case.id}/respondent-answer`,
          { answer: "agreement_reached", statement: "" },
        );
        return r.body.case;
      }
      async function filedOnly(): Promise<CaseDetail> {
        const r = await platform(url).post<{ case: CaseDetail }>(
          "/integration/appeals",
          probeFiling(),
        );
        return r.body.case;
      }
      async function verifying(): Promise<CaseDetail> {
        const c = await decided();
        const r = await agent1.post<MutationResponse>(
          `/cases/${c.id}/verification`,
          { step: "records_checked" },
          { ifMatch: c.version },
        );
        return r.body.case as CaseDetail;
      }

      /** One probe per documented route: `METHOD /path` as in the OpenAPI document. */
      const PROBES: Record<string, () => Promise<Observed[]>> = {
        "POST /auth/login": async () => [
          seen(
            "login",
            await new ApiClient(url).request("POST", "/api/v1/auth/login", {
              body: { username: "agent2", password: "demo" },
            }),
          ),
        ],
        "POST /auth/logout": async () => {
          const throwaway = await ApiClient.login(url, "agent2");
          return [seen("logout", await throwaway.post("/auth/logout", undefined, { key: null }))];
        },
        "GET /me": async () => [seen("me", await agent2.get("/me"))],
        "POST /auth/refresh": async () => {
          const throwaway = await ApiClient.login(url, "agent2");
          return [seen("refresh", await throwaway.post("/auth/refresh", undefined, { key: null }))];
        },
        "GET /search": async () => {
          await claimed();
          return [
            seen("search by phone digits", await agent2.get("/search?q=2468")),
            seen("search by name", await agent2.get("/search?q=probe")),
          ];
        },
        "GET /cases/{id}/context": async () => {
          const c = await claimed();
          return [seen("party context", await agent2.get(`/cases/${c.id}/context`))];
        },
        "POST /search/documents": async () => {
          const c = await claimed();
          return [
            seen(
              "search documents",
              await agent2.post("/search/documents", { ids: [c.id] }, { key: null }),
            ),
          ];
        },
        "GET /integration/events": async () => {
          await decided();
          return [
            seen("platform events", await platform(url).get("/integration/events?limit=500")),
          ];
        },
        "GET /webhooks/dead-letters": async () => [
          seen("dead letters", await supervisor1.get("/webhooks/dead-letters")),
        ],
        "POST /webhooks/dead-letters/{eventId}/replay": async () => [
          seen(
            "replay of an unknown delivery",
            await supervisor1.post(`/webhooks/dead-letters/${randomUUID()}/replay`, undefined, {
              key: null,
            }),
          ),
        ],

        "GET /users": async () => [seen("users", await agent2.get("/users"))],
        "GET /cases": async () => {
          await claimed();
          return [seen("list", await agent2.get("/cases?limit=200"))];
        },
        "GET /cases/changes": async () => {
          await claimed();
          return [seen("changes", await agent2.get("/cases/changes?limit=1000"))];
        },
        "GET /cases/{id}": async () => {
          const c = await claimed();
          return [
            seen("detail (agent not on the case)", await agent2.get(`/cases/${c.id}`)),
            seen("detail (assignee)", await agent1.get(`/cases/${c.id}`)),
            seen("detail (supervisor)", await supervisor2.get(`/cases/${c.id}`)),
          ];
        },
        "POST /cases/{id}/claim": mut("claim", () => ({}), escalated),
        "POST /cases/{id}/release": mut("release", () => ({})),
        "POST /cases/{id}/reassign": mut(
          "reassign",
          () => ({ assignee: "u-agent2" }),
          claimed,
          () => supervisor1,
        ),
        "POST /cases/{id}/notes": mut("notes", () => ({ text: "Checked the bank's reply." })),
        "POST /cases/{id}/messages": mut("messages", () => ({
          text: "Please send the transfer receipt.",
          to: "complainant",
        })),
        "POST /cases/{id}/phone-contacts": mut("phone-contacts", () => ({
          party: "respondent",
          outcome: "reached",
          summary: "Seller confirms the funds did not arrive.",
        })),
        "POST /cases/{id}/evidence-requests": mut("evidence-requests", () => ({
          party: "complainant",
          what: "The bank transfer receipt",
          dueAt: new Date(Date.now() + 86_400_000).toISOString(),
        })),
        "POST /cases/{id}/decision": mut("decision", () => ({
          outcome: "release",
          favouredParty: "complainant",
          rationale: RATIONALE,
        })),
        "POST /cases/{id}/escalate": mut("escalate", () => ({ reason: "Large amount, unclear." })),
        "POST /cases/{id}/appeal": mut(
          "appeal",
          () => ({ party: "respondent", statement: "I never received the money." }),
          decided,
        ),
        "POST /cases/{id}/review": mut(
          "review",
          () => ({ verdict: "uphold", rationale: RATIONALE }),
          underReview,
          () => supervisor1,
        ),
        "POST /cases/{id}/verification": mut(
          "verification",
          () => ({ step: "records_checked" }),
          decided,
        ),
        "POST /cases/{id}/redact": mut(
          "redact",
          () => ({ reason: "Data-subject erasure request." }),
          claimed,
          () => supervisor1,
        ),
        "POST /cases/{id}/evidence": async () => {
          const c = await claimed();
          const r = await upload(agent1, `/cases/${c.id}/evidence`, {}, c.version);
          expect(r.status).toBe(200);
          return [seen("evidence upload", r)];
        },
        "GET /cases/{id}/audit": async () => {
          const c = await decided();
          return [seen("audit", await agent2.get(`/cases/${c.id}/audit`))];
        },
        "GET /audit/verify": async () => [seen("verify", await supervisor1.get("/audit/verify"))],
        "GET /evidence/{id}": async () => {
          const c = await claimed();
          const r = await upload(agent1, `/cases/${c.id}/evidence`, {}, c.version);
          const id = (r.body as MutationResponse).case?.evidence.at(-1)?.id;
          return [seen("evidence metadata", await agent2.get(`/evidence/${id}`))];
        },
        "GET /evidence/{id}/content": async () => {
          const c = await claimed();
          const r = await upload(agent1, `/cases/${c.id}/evidence`, {}, c.version);
          const id = (r.body as MutationResponse).case?.evidence.at(-1)?.id;
          return [seen("evidence bytes", await agent2.get(`/evidence/${id}/content`))];
        },
        "POST /events/ticket": async () => [
          seen("ticket", await agent2.post("/events/ticket", undefined, { key: null })),
        ],
        "GET /events": async () => {
          const ticket = await agent2.post<{ ticket: string }>("/events/ticket", undefined, {
            key: null,
          });
          const controller = new AbortController();
          const response = await fetch(`${url}/api/v1/events?ticket=${ticket.body.ticket}`, {
            signal: controller.signal,
          });
          expect(response.status).toBe(200);
          const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
          let streamed = "";
          const reading = (async () => {
            for (;;) {
              const chunk = await reader?.read().catch(() => ({ done: true, value: "" }));
              if (!chunk || chunk.done) return;
              streamed += chunk.value;
            }
          })();
          await claimed();
          await new Promise((r) => setTimeout(r, 500));
          controller.abort();
          await reading;
          return [{ label: "live events", status: 200, text: streamed }];
        },
        "GET /calendars": async () => [seen("calendars", await agent2.get("/calendars"))],
        "GET /calendars/{id}/add": async () => [
          seen(
            "calendar add",
            await agent2.get("/calendars/VN/add?from=2026-01-05T02:00:00Z&minutes=60"),
          ),
        ],
        "GET /calendars/{id}/between": async () => [
          seen(
            "calendar between",
            await agent2.get(
              "/calendars/VN/between?from=2026-01-05T02:00:00Z&to=2026-01-05T05:00:00Z",
            ),
          ),
        ],
        "POST /integration/appeals": async () => {
          const key = randomUUID();
          const body = probeFiling();
          const first = await platform(url).post("/integration/appeals", body, { key });
          expect(first.status).toBe(201);
          const replay = await platform(url).post("/integration/appeals", body, { key });
          return [seen("file", first), seen("file (replay)", replay)];
        },
        "GET /integration/appeals/{id}": async () => {
          const c = await escalated();
          return [seen("platform view", await platform(url).get(`/integration/appeals/${c.id}`))];
        },
        "POST /integration/appeals/{id}/messages": integration(
          "messages",
          { from: "complainant", text: "I have the receipt." },
          escalated,
        ),
        "POST /integration/appeals/{id}/respondent-answer": integration(
          "respondent-answer",
          { answer: "negotiation_failed", statement: "No money arrived." },
          filedOnly,
        ),
        "POST /integration/appeals/{id}/agreement": integration(
          "agreement",
          { confirmed: false },
          agreementPending,
        ),
        "POST /integration/appeals/{id}/cancel": integration("cancel", { reason: "" }, escalated),
        "POST /integration/appeals/{id}/second-stage": integration(
          "second-stage",
          { party: "respondent", statement: "I object." },
          decided,
        ),
        "POST /integration/appeals/{id}/feedback": integration(
          "feedback",
          { party: "complainant", satisfied: true, comment: "" },
          verifying,
        ),
        "POST /integration/appeals/{id}/evidence": async () => {
          const c = await escalated();
          const r = await upload(platform(url), `/integration/appeals/${c.id}/evidence`, {
            party: "complainant",
          });
          expect(r.status).toBe(200);
          return [seen("party evidence", r)];
        },
        "GET /cases/{id}/report": async () => {
          const c = await decided();
          return [seen("report", await supervisor1.get(`/cases/${c.id}/report`))];
        },
        "POST /cases/{id}/contact-reveal": async () => {
          const c = await claimed();
          const reveal = (client: ApiClient, reason = "Calling the buyer about the transfer") =>
            client.post(
              `/cases/${c.id}/contact-reveal`,
              { purpose: "contact_party", reason },
              {
                key: null,
              },
            );
          const refused = await reveal(agent2);
          expect(refused.status).toBe(403);
          const noReason = await reveal(agent1, "  ");
          expect(noReason.status).toBe(400);
          return [
            seen("reveal by an agent not on the case", refused),
            seen("reveal without a reason", noReason),
            seen("reveal by the assignee", await reveal(agent1), true),
            seen("reveal by a supervisor", await reveal(supervisor2), true),
          ];
        },
        "GET /oversight/stats": async () => [
          seen("oversight", await supervisor1.get("/oversight/stats")),
        ],
        "POST /cases/{id}/presence": async () => {
          const c = await claimed();
          return [
            seen(
              "presence",
              await agent2.post(`/cases/${c.id}/presence`, { state: "open" }, { key: null }),
            ),
          ];
        },
        // Replies hold no party data; the probes show they stay so and refuse agents' writes.
        "GET /replies": async () => [seen("replies", await agent1.get("/replies?since=0"))],
        "POST /replies": async () => [
          seen("reply by an agent", await agent1.post("/replies", REPLY_WRITE)),
          seen("reply by a supervisor", await supervisor1.post("/replies", REPLY_WRITE)),
        ],
        "POST /replies/{id}": async () => {
          const created = await supervisor1.post<{ id: string }>("/replies", REPLY_WRITE);
          const path = `/replies/${created.body.id}`;
          return [
            seen("reply update", await supervisor1.post(path, REPLY_WRITE, { ifMatch: 1 })),
            seen("stale reply update", await supervisor1.post(path, REPLY_WRITE, { ifMatch: 1 })),
          ];
        },
        "POST /replies/{id}/archive": async () => {
          const created = await supervisor1.post<{ id: string }>("/replies", REPLY_WRITE);
          const path = `/replies/${created.body.id}/archive`;
          return [seen("reply archive", await supervisor1.post(path, {}, { ifMatch: 1 }))];
        },
        // Routing answers carry staff, never parties. "away" so no probe's case gets routed.
        "POST /routing/heartbeat": async () => [
          seen(
            "heartbeat",
            await agent2.post("/routing/heartbeat", { state: "away" }, { key: null }),
          ),
        ],
        "GET /routing/agents": async () => [
          seen("routing team", await supervisor1.get("/routing/agents")),
        ],
        "POST /routing/agents/{id}": async () => [
          seen(
            "routing change",
            await supervisor1.post("/routing/agents/u-agent2", { paused: false }, { key: null }),
          ),
        ],
      };

      it("no documented route answers with clear contacts to someone not entitled to them", async () => {
        const document = (
          await agent1.get<{ paths: Record<string, Record<string, unknown>> }>("/openapi.json")
        ).body;
        const routes = Object.entries(document.paths).flatMap(([path, methods]) =>
          Object.keys(methods).map(
            (method) => `${method.toUpperCase()} ${path.replace(/^\/api\/v1/, "")}`,
          ),
        );
        expect(routes.length).toBeGreaterThan(30);
        const unprobed = routes.filter((route) => !(route in PROBES));
        expect(unprobed, "routes without a probe here: add one").toEqual([]);

        const leaks: string[] = [];
        let entitledSeen = 0;
        for (const route of routes) {
          const probe = PROBES[route];
          if (!probe) continue;
          for (const answer of await probe()) {
            expect(answer.status, `${route} ${answer.label}`).toBeLessThan(500);
            const found = clearValuesIn(answer.text);
            if (answer.isEntitled) {
              // The positive control: the detector does find clear values where they belong.
              expect(found.length, `${route} ${answer.label}`).toBeGreaterThan(0);
              entitledSeen += 1;
            } else if (found.length > 0) {
              leaks.push(`${route} ${answer.label} (${answer.status}): ${found.join(", ")}`);
            }
          }
        }
        expect(leaks).toEqual([]);
        expect(entitledSeen).toBe(2);
      }, 120_000);

      it("migration 007 masks replays stored before masking: the retry is still recognised, its answer masked", async () => {
        const { requestHash } = await import("../../../server/idempotency/store");
        const { maskStoredReplays } = await import(
          "../../../server/db/migrations/007-mask-stored-replays"
        );
        const c = await claimed();
        // What an older server stored: the answer to a note, with the parties' clear contacts.
        const key = randomUUID();
        const body = { text: "Called the bank." };
        const stored = JSON.stringify({
          case: {
            ...c,
            complainant: { ...c.complainant, ...COMPLAINANT },
            respondent: { ...c.respondent, ...RESPONDENT },
          },
          version: c.version,
        });
        expect(clearValuesIn(stored).length).toBe(4);
        await backend.server.db.query(
          `insert into idempotency_keys (principal, key, route, request_hash, status, response)
           values ($1, $2, 'notes', $3, 200, $4)`,
          ["user:u-agent1", key, requestHash("notes", c.id, body), stored],
        );
        await backend.server.db.transaction(async (tx) => {
          await maskStoredReplays.run?.(tx);
        });
        const replay = await agent1.post<MutationResponse>(`/cases/${c.id}/notes`, body, {
          key,
          ifMatch: c.version,
        });
        expect(replay.status).toBe(200);
        expect(replay.headers.get("idempotent-replayed")).toBe("true");
        expect(clearValuesIn(JSON.stringify(replay.body))).toEqual([]);
        expect(replay.body.case?.complainant.phone).toBe("+84 ••• ••• 468");
      });
    },
  );
}
