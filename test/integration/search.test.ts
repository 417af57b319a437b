/**
 * Server search over everything an agent reads, on PGlite and on a real PostgreSQL: folded the
 * same way as the desk (accents, case, Traditional/Simplified Chinese), refreshed as cases change,
 * with a snippet of why each case matched; and the documents the desk indexes itself.
 */
import { SearchDocumentsResponse, SearchResponse } from "@shared/search/document";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../support/api";
import { escalatedCase, platform } from "../support/appeals";
import { BACKENDS, type Backend, openBackend } from "../support/backends";

for (const { name, skip } of BACKENDS) {
  describe.skipIf(skip !== null)(`search on ${name}${skip ? ` (${skip})` : ""}`, () => {
    let backend: Backend;
    let agent: ApiClient;
    let vietnamese: string;
    let chinese: string;
    let orderId: string;

    const search = async (q: string) => {
      const response = await agent.get(`/search?q=${encodeURIComponent(q)}&limit=100`);
      expect(response.status).toBe(200);
      return SearchResponse.parse(response.body).items;
    };
    const ids = async (q: string) => (await search(q)).map((hit) => hit.case.id);

    beforeAll(async () => {
      backend = await openBackend(name, 5);
      agent = await ApiClient.login(backend.server.url, "agent1");
      const vi = await escalatedCase(backend.server.url, {
        statement: "Hai bên đã thỏa thuận hoàn tiền nhưng người bán không chuyển khoản lại.",
      });
      vietnamese = vi.id;
      orderId = vi.trade?.orderId ?? "";
      const zh = await escalatedCase(backend.server.url, {
        region: "CN",
        currency: "CNY",
        complainant: {
          side: "buyer",
          externalUserId: "CN-778899",
          displayName: "王小明",
          phone: "+86 13800138000",
          email: null,
          language: "zh",
        },
        statement: "賣家一直不放幣，我要求退款。",
      });
      chinese = zh.id;
    });
    afterAll(async () => {
      await backend?.close();
    });

    it("finds Vietnamese text without its accents, in any case", async () => {
      expect(await ids("thoa thuan")).toContain(vietnamese);
      expect(await ids("CHUYEN KHOAN")).toContain(vietnamese);
      expect(await ids("thoa thuan")).not.toContain(chinese);
    });

    it("finds Traditional Chinese with a Simplified query and the other way round", async () => {
      expect(await ids("退款")).toContain(chinese);
      expect(await ids("不放币")).toContain(chinese);
      expect(await ids("賣家 退款")).toContain(chinese);
      expect(await ids("退款")).not.toContain(vietnamese);
    });

    it("finds ids, names, user ids and the phone's last digits", async () => {
      expect(await ids(orderId.toLowerCase())).toEqual([vietnamese]);
      expect(await ids("cn-778899")).toEqual([chinese]);
      expect(await ids("8000 王小明")).toEqual([chinese]);
      // Only the last four digits are searchable: the rest of a number stays masked.
      expect(await ids("13800138000")).toEqual([]);
    });

    it("shows why a case matched with the matched words highlighted as written", async () => {
      const [hit] = (await search("thoa thuan")).filter((h) => h.case.id === vietnamese);
      expect(hit?.snippet?.field).toBe("statement");
      const marked = hit?.snippet?.highlights.map(([a, b]) => hit.snippet?.text.slice(a, b));
      expect(marked).toEqual(["thỏa", "thuận"]);
    });

    it("sees chat, CS messages and notes as soon as they are written", async () => {
      expect(await ids("Vietcombank sao ke")).toEqual([]);
      const service = platform(backend.server.url);
      const said = await service.post(`/integration/appeals/${vietnamese}/messages`, {
        from: "respondent",
        text: "Tôi sẽ gửi sao kê Vietcombank ngay.",
      });
      expect(said.status).toBe(200);
      expect(await ids("sao ke vietcombank")).toEqual([vietnamese]);
      const [hit] = await search("sao ke vietcombank");
      expect(hit?.snippet?.field).toBe("chat");

      const claim = await agent.post<{ version: number }>(
        `/cases/${vietnamese}/claim`,
        {},
        {
          ifMatch: (await agent.get<{ version: number }>(`/cases/${vietnamese}`)).body.version,
        },
      );
      expect(claim.status).toBe(200);
      const noted = await agent.post(
        `/cases/${vietnamese}/notes`,
        { text: "Đã gọi người bán, hứa hoàn tiền trước thứ Sáu." },
        { ifMatch: claim.body.version },
      );
      expect(noted.status).toBe(200);
      const note = (await search("hua hoan tien thu sau")).find((h) => h.case.id === vietnamese);
      expect(note?.snippet?.field).toBe("note");
    });

    it("gives the desk the documents of the cases it asks for", async () => {
      const response = await agent.post(
        "/search/documents",
        { ids: [chinese, "no-such-case"] },
        { key: null },
      );
      expect(response.status).toBe(200);
      const { items } = SearchDocumentsResponse.parse(response.body);
      expect(items.map((d) => d.caseId)).toEqual([chinese]);
      const fields = new Set(items[0]?.pieces.map((p) => p.field));
      for (const field of ["reference", "order_id", "party_name", "user_id", "phone", "statement"])
        expect(fields).toContain(field);
      expect(items[0]?.pieces.find((p) => p.field === "phone")?.text).toMatch(/^\d{4}$/);
    });

    it("refuses bad input and anonymous callers", async () => {
      expect((await agent.get("/search?q=")).status).toBe(400);
      expect((await agent.get(`/search?q=${"x".repeat(201)}`)).status).toBe(400);
      expect((await agent.post("/search/documents", { ids: [] }, { key: null })).status).toBe(400);
      expect((await new ApiClient(backend.server.url).get("/search?q=ap")).status).toBe(401);
    });
  });
}
