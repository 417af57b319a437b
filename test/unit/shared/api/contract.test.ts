import {
  API_CONTRACT,
  API_KEYS,
  type ApiInput,
  type ApiKey,
  type ApiOutput,
  type ApiParsedInput,
  deskMutationKey,
  fillPath,
  integrationActionKey,
  routePath,
} from "@shared/api/contract";
import { ENDPOINTS } from "@shared/api/endpoints";
import { INTEGRATION_ACTIONS } from "@shared/api/integration";
import { MUTATION_NAMES, MUTATIONS, type MutationResponse } from "@shared/api/mutations";
import type { CaseDetail, CaseStatus } from "@shared/domain/appeal";
import { describe, expect, expectTypeOf, it } from "vitest";

describe("the HTTP contract map", () => {
  it("has one entry per desk mutation and per platform action, generated from their tables", () => {
    for (const name of MUTATION_NAMES) {
      const entry = API_CONTRACT[deskMutationKey(name)];
      expect(entry.path).toBe(`/cases/{id}/${name}`);
      expect(entry.body).toBe(MUTATIONS[name]);
      expect(entry.mutation.ifMatch).toBe("required");
    }
    for (const name of Object.keys(INTEGRATION_ACTIONS) as (keyof typeof INTEGRATION_ACTIONS)[]) {
      const entry = API_CONTRACT[integrationActionKey(name)];
      expect(entry.path).toBe(`/integration/appeals/{id}/${name}`);
      expect(entry.auth).toBe("service");
      expect(entry.mutation.ifMatch).toBe("optional");
    }
    expect(deskMutationKey("phone-contacts")).toBe("casePhoneContacts");
    expect(integrationActionKey("respondent-answer")).toBe("appealRespondentAnswer");
  });

  it("names every method and path once", () => {
    const routes = API_KEYS.map((key) => `${API_CONTRACT[key].method} ${API_CONTRACT[key].path}`);
    expect(new Set(routes).size).toBe(routes.length);
    expect(ENDPOINTS.map((endpoint) => endpoint.key)).toEqual(API_KEYS);
  });

  it("says which answers are not JSON: the live stream and the evidence bytes", () => {
    const kinds = Object.fromEntries(API_KEYS.map((key) => [key, API_CONTRACT[key].response.kind]));
    expect(kinds.events).toBe("sse");
    expect(kinds.evidenceContent).toBe("bytes");
    expect(kinds.logout).toBe("empty");
    expect(kinds.replayDeadLetter).toBe("empty");
    expect(kinds.getCase).toBe("json");
  });

  it("declares path parameters exactly where the path has them", () => {
    for (const key of API_KEYS) {
      const endpoint = API_CONTRACT[key];
      const names = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const params = "params" in endpoint ? Object.keys(endpoint.params.shape) : [];
      expect(params, key).toEqual(names);
    }
  });

  it("fills and converts paths", () => {
    expect(fillPath("/cases/{id}/audit", { id: "a/b c" })).toBe("/cases/a%2Fb%20c/audit");
    expect(() => fillPath("/cases/{id}", {})).toThrow(/id/);
    expect(routePath("/webhooks/dead-letters/{eventId}/replay")).toBe(
      "/webhooks/dead-letters/:eventId/replay",
    );
  });

  it("types each key's input and output from its schemas", () => {
    expectTypeOf<ApiInput<"getCase">>().toEqualTypeOf<{ params: { id: string } }>();
    expectTypeOf<ApiOutput<"getCase">>().toEqualTypeOf<CaseDetail>();
    // A bodiless mutation may omit its body; the headers are required.
    expectTypeOf<keyof ApiInput<"caseClaim">>().toEqualTypeOf<
      "params" | "body" | "idempotencyKey" | "ifMatch"
    >();
    expectTypeOf<ApiInput<"caseClaim">["ifMatch"]>().toEqualTypeOf<number>();
    expectTypeOf<{
      params: { id: string };
      idempotencyKey: string;
      ifMatch: number;
    }>().toExtend<ApiInput<"caseClaim">>();
    expectTypeOf<ApiInput<"caseNotes">["body"]>().toEqualTypeOf<{ text: string }>();
    expectTypeOf<ApiOutput<"caseDecision">>().toEqualTypeOf<MutationResponse>();
    // The platform may leave If-Match out.
    expectTypeOf<ApiInput<"appealCancel">>()
      .toHaveProperty("ifMatch")
      .toEqualTypeOf<number | undefined>();
    expectTypeOf<ApiOutput<"logout">>().toEqualTypeOf<undefined>();
    expectTypeOf<ApiOutput<"evidenceContent">>().toEqualTypeOf<ArrayBuffer>();
    expectTypeOf<keyof ApiInput<"me">>().toEqualTypeOf<never>();
    // Multipart: the fields plus the client's own file type.
    expectTypeOf<ApiInput<"uploadEvidence", Blob>>().toHaveProperty("file").toEqualTypeOf<Blob>();
    // What the server's handler receives is the parsed (output) form: defaults applied.
    expectTypeOf<ApiParsedInput<"listCases">["query"]["limit"]>().toEqualTypeOf<number>();
    expectTypeOf<ApiParsedInput<"listCases">["query"]["status"]>().toEqualTypeOf<
      CaseStatus[] | undefined
    >();
    expectTypeOf<keyof ApiParsedInput<"caseRedact">>().toEqualTypeOf<
      "params" | "body" | "mutation"
    >();
    expectTypeOf<"openApi">().toExtend<ApiKey>();
  });
});
