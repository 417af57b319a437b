import { ReplyWrite } from "@shared/api/replies";
import { formatLocaleMoney } from "@shared/money";
import {
  fillReplyText,
  placeholderValuesFor,
  replyLanguageOf,
  unknownPlaceholders,
} from "@shared/replies/placeholders";
import { describe, expect, it } from "vitest";
import { detail } from "../../../support/case-detail";

const BODIES = {
  vi: "Chào {partyName}",
  "zh-Hans": "{partyName}您好",
  "zh-Hant": "{partyName}您好",
  en: "Hello {partyName}",
};

describe("reply placeholders", () => {
  it("finds each unknown name once, and accepts the known ones and plain braces text", () => {
    expect(unknownPlaceholders("Hi {partyName}, {amout} {amout} by {deadline} {}")).toEqual([
      "amout",
      "",
    ]);
    expect(
      unknownPlaceholders("{partyName} {counterpartyName} {amount} {currency} {order}"),
    ).toEqual([]);
    expect(unknownPlaceholders("no placeholders { here }")).toEqual([]);
  });

  it("fills a Vietnamese party's reply with their name and the amount as Vietnamese writes it", () => {
    const c = detail({ id: "c7", amount: "1250000", currency: "VND" });
    const values = placeholderValuesFor(c, "complainant", "vi");
    expect(values.partyName).toBe("Nguyễn Văn An");
    expect(values.counterpartyName).toBe("Trần Thị Bình");
    expect(values.amount).toBe(formatLocaleMoney("1250000", "VND", "vi-VN"));
    expect(values.amount).toMatch(/^1\.250\.000\s?₫$/);
    expect(values.reference).toBe("AP-000007");
    expect(values.order).toBe("ORD-1");
    expect(fillReplyText("Chào {partyName}, {amount} cho {order}.", values)).toBe(
      `Chào Nguyễn Văn An, ${values.amount} cho ORD-1.`,
    );
  });

  it("writes the same amount the English and Chinese way, never rounded", () => {
    const c = detail({ id: "c8", amount: "3499.5", currency: "CNY", region: "CN" });
    expect(placeholderValuesFor(c, "respondent", "en").amount).toBe("CN¥3,499.50");
    expect(placeholderValuesFor(c, "respondent", "zh-Hans").amount).toBe("¥3,499.50");
  });

  it("takes the deadline of the party's open evidence request, in the case's time zone", () => {
    const c = detail({
      id: "c9",
      dueAt: "2026-03-20T10:00:00.000Z",
      evidenceRequests: [
        {
          id: "r1",
          party: "respondent",
          what: "Bank statement",
          dueAt: "2026-03-05T09:00:00.000Z",
          requestedById: "u-agent1",
          requestedAt: "2026-03-03T09:00:00.000Z",
          fulfilledAt: null,
          lapsedAt: null,
        },
      ],
    });
    // 09:00 UTC is 16:00 in Ho Chi Minh City.
    expect(placeholderValuesFor(c, "respondent", "en").deadline).toContain("4:00");
    expect(placeholderValuesFor(c, "respondent", "en").deadline).toContain("Mar 5");
    // The complainant has no open request: the case's own deadline.
    expect(placeholderValuesFor(c, "complainant", "en").deadline).toContain("Mar 20");
    expect(
      placeholderValuesFor(detail({ id: "c10", dueAt: null }), "complainant", "en").deadline,
    ).toBe("—");
  });

  it("leaves unknown braces as written when filling", () => {
    const values = placeholderValuesFor(detail({ id: "c1" }), "complainant", "en");
    expect(fillReplyText("{partyName} {nope}", values)).toBe("Nguyễn Văn An {nope}");
  });

  it("maps the party's language to a reply language", () => {
    expect(replyLanguageOf("vi")).toBe("vi");
    expect(replyLanguageOf("zh")).toBe("zh-Hans");
    expect(replyLanguageOf("en")).toBe("en");
  });

  it("refuses a save with an unknown placeholder, naming the language", () => {
    const result = ReplyWrite.safeParse({
      kind: "reply",
      title: "x",
      bodies: { ...BODIES, "zh-Hant": "{partyNam}您好" },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["bodies", "zh-Hant"]);
    expect(result.error?.issues[0]?.message).toContain("{partyNam}");
  });

  it("needs an outcome on a macro and none on a reply", () => {
    expect(
      ReplyWrite.safeParse({ kind: "decision_macro", title: "x", bodies: BODIES }).success,
    ).toBe(false);
    expect(
      ReplyWrite.safeParse({ kind: "reply", title: "x", bodies: BODIES, outcome: "release" })
        .success,
    ).toBe(false);
    expect(
      ReplyWrite.safeParse({
        kind: "decision_macro",
        title: "x",
        bodies: BODIES,
        outcome: "release",
      }).success,
    ).toBe(true);
  });
});
