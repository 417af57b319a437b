import type { TimelineEvent } from "@shared/domain/appeal";
import { AGREEMENT_CONFIRMATION_MS } from "@shared/domain/lifecycle";
import { describe, expect, test } from "vitest";
import {
  agreementState,
  deskActionsWhileAgreed,
} from "../../../../renderer/src/case-workspace/agreement-panel";

const at = (iso: string, type: TimelineEvent["type"], summary = ""): TimelineEvent => ({
  id: `${type}-${iso}`,
  type,
  at: iso,
  actor: "platform",
  summary,
});
const REACHED = "2026-03-02T02:00:00.000Z";

describe("the agreement's 24-hour confirmation, from the timeline", () => {
  test("awaiting: due 24 hours after the respondent reported it", () => {
    const state = agreementState({
      status: "agreed",
      timeline: [at("2026-03-02T01:50:00.000Z", "appeal_filed"), at(REACHED, "agreement_reached")],
    });
    expect(state).toEqual({
      phase: "awaiting",
      reachedAt: Date.parse(REACHED),
      dueAt: Date.parse(REACHED) + AGREEMENT_CONFIRMATION_MS,
    });
  });

  test("confirmed (withdrawn and closed) or lapsed (to the CS queue) say when", () => {
    const confirmed = agreementState({
      status: "closed",
      timeline: [
        at(REACHED, "agreement_reached"),
        at("2026-03-02T05:00:00.000Z", "cancelled", "agreement confirmed"),
        at("2026-03-02T05:00:00.000Z", "closed"),
      ],
    });
    expect(confirmed).toMatchObject({
      phase: "confirmed",
      at: Date.parse("2026-03-02T05:00:00.000Z"),
    });
    const lapsed = agreementState({
      status: "in_review",
      timeline: [
        at(REACHED, "agreement_reached"),
        at("2026-03-03T02:00:00.000Z", "agreement_lapsed"),
        at("2026-03-03T02:00:00.000Z", "escalated", "agreement not confirmed"),
        at("2026-03-03T03:00:00.000Z", "claimed"),
      ],
    });
    expect(lapsed).toMatchObject({ phase: "lapsed", at: Date.parse("2026-03-03T02:00:00.000Z") });
  });

  test("no agreement on the case, or a case that moved on otherwise: no panel", () => {
    expect(
      agreementState({ status: "in_review", timeline: [at(REACHED, "escalated")] }),
    ).toBeNull();
    expect(
      agreementState({ status: "escalated", timeline: [at(REACHED, "agreement_reached")] }),
    ).toBeNull();
  });

  test("while agreed, the lifecycle lets the desk add internal notes only", () => {
    expect(deskActionsWhileAgreed("agent")).toEqual(["note"]);
    expect(deskActionsWhileAgreed("supervisor")).toEqual(["note", "redact"]);
  });
});
