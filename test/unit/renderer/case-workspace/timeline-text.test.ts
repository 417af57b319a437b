import type { TimelineEventType } from "@shared/domain/appeal";
import { describe, expect, test } from "vitest";
import { timelineDetail, wordsFrom } from "../../../../renderer/src/case-workspace/timeline-text";
import { formattersFor } from "../../../../renderer/src/i18n/format";
import { createI18n, type DeskLanguage } from "../../../../renderer/src/i18n/i18n";

function detail(language: DeskLanguage, type: TimelineEventType, summary: string) {
  const i18n = createI18n(language);
  return timelineDetail({ type, summary }, wordsFrom(i18n.t), formattersFor(language));
}

describe("timeline detail", () => {
  test("the codes of the issue read as words in each language", () => {
    expect(detail("en", "message_sent", "complainant").text).toBe("To the Complainant");
    expect(detail("en", "respondent_answered", "negotiation_failed").text).toBe(
      "Negotiation failed",
    );
    expect(detail("en", "appeal_filed", "repayment_hardship").text).toBe("Repayment hardship");
    expect(detail("vi", "respondent_answered", "negotiation_failed").text).toBe(
      "Thương lượng thất bại",
    );
    expect(detail("zh-Hans", "decided", "full_refund").text).not.toMatch(/full_refund/);
    expect(detail("zh-Hant", "respondent_answered", "negotiation_failed").text).toBe("協商失敗");
  });

  test("no event type with a code-like summary shows an underscore code", () => {
    const codes = [
      "negotiation_failed",
      "repayment_hardship",
      "complainant",
      "release",
      "remand",
      "feedback",
    ];
    for (const language of ["en", "vi", "zh-Hans", "zh-Hant"] as const) {
      for (const type of [
        "appeal_filed",
        "respondent_answered",
        "message_sent",
        "decided",
        "reviewed",
        "reopened",
        "verification_overdue",
      ] as const) {
        for (const code of codes) {
          const out = detail(language, type, code);
          if (!out.isData) expect(out.text).not.toMatch(/[a-z]+_[a-z]+/);
        }
      }
    }
  });

  test("free text is marked as the user's own", () => {
    expect(detail("vi", "released", "đi họp")).toEqual({ text: "đi họp", isData: true });
  });
});
