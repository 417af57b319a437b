import { CaseStatus } from "@shared/domain/appeal";
import { firstStageDecidersOf } from "@shared/domain/four-eyes";
import {
  CASE_ACTIONS,
  checkTransition,
  type LifecycleCase,
  TRANSITIONS,
} from "@shared/domain/lifecycle";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

const base: LifecycleCase = {
  status: "in_review",
  stage: "first",
  assigneeId: "a1",
  firstStageDeciderIds: [],
};

describe("appeal lifecycle", () => {
  it("walks the happy path of the domain brief", () => {
    const agent = { role: "agent" as const, userId: "a1" };
    const platform = { role: "platform" as const };
    const step = (
      status: LifecycleCase["status"],
      action: Parameters<typeof checkTransition>[1],
      actor: Parameters<typeof checkTransition>[2],
      variant?: Parameters<typeof checkTransition>[3],
    ) => {
      const result = checkTransition({ ...base, status }, action, actor, variant);
      if (!result.ok) throw new Error(result.message);
      return result.to;
    };
    expect(step("awaiting_respondent", "respondent_answer", platform, "negotiation_failed")).toBe(
      "escalated",
    );
    expect(step("escalated", "claim", agent)).toBe("in_review");
    expect(step("in_review", "request_evidence", agent)).toBe("awaiting_evidence");
    expect(step("awaiting_evidence", "party_evidence", platform, "settles_request")).toBe(
      "in_review",
    );
    expect(step("in_review", "decide", agent)).toBe("decided");
    expect(step("decided", "verify", agent, "records_checked")).toBe("verifying");
    expect(step("verifying", "verify", agent, "feedback_unhappy")).toBe("in_review");
    expect(step("verifying", "verify", agent, "confirmed")).toBe("closed");
    expect(step("decided", "second_stage_appeal", platform)).toBe("second_stage");
  });

  it("refuses a role that may never act (403) first, then by state (409), then by role (403)", () => {
    // The platform may never decide: 403 whatever the status.
    expect(
      checkTransition({ ...base, status: "closed" }, "decide", { role: "platform" }),
    ).toMatchObject({ ok: false, reason: "forbidden" });
    expect(
      checkTransition({ ...base, status: "in_review" }, "review", { role: "agent", userId: "a1" }),
    ).toMatchObject({ ok: false, reason: "forbidden" });
    // An agent may decide in some states: on a closed case it learns the state moved on.
    expect(
      checkTransition({ ...base, status: "closed" }, "decide", { role: "agent", userId: "a1" }),
    ).toMatchObject({ ok: false, reason: "invalid_state" });
    expect(checkTransition(base, "decide", { role: "platform" })).toMatchObject({
      ok: false,
      reason: "forbidden",
    });
    expect(
      checkTransition(base, "decide", { role: "agent", userId: "someone-else" }),
    ).toMatchObject({ ok: false, reason: "forbidden" });
    expect(checkTransition(base, "decide", { role: "supervisor", userId: "s1" })).toMatchObject({
      ok: true,
    });
  });

  it("enforces four-eyes on the second stage", () => {
    const second: LifecycleCase = {
      status: "second_stage",
      stage: "second",
      assigneeId: null,
      firstStageDeciderIds: ["s1"],
    };
    expect(checkTransition(second, "claim", { role: "supervisor", userId: "s1" })).toMatchObject({
      ok: false,
      reason: "forbidden",
    });
    expect(checkTransition(second, "claim", { role: "supervisor", userId: "s2" })).toMatchObject({
      ok: true,
      to: "supervisor_review",
    });
    const review = { ...second, status: "supervisor_review" as const, assigneeId: "s1" };
    expect(
      checkTransition(review, "review", { role: "supervisor", userId: "s1" }, "uphold"),
    ).toMatchObject({ ok: false, reason: "forbidden" });
  });

  it("holds four-eyes against every first-stage decider, not only the latest", () => {
    // s1 decided, the case reopened on unhappy feedback, a1 decided again: s1 still may not review.
    const reopened: LifecycleCase = {
      status: "second_stage",
      stage: "second",
      assigneeId: null,
      firstStageDeciderIds: firstStageDecidersOf([
        { stage: "first", decidedBy: "s1" },
        { stage: "first", decidedBy: "a1" },
      ]),
    };
    for (const userId of ["s1", "a1"]) {
      expect(checkTransition(reopened, "claim", { role: "supervisor", userId })).toMatchObject({
        ok: false,
        reason: "forbidden",
      });
      expect(
        checkTransition(
          { ...reopened, status: "supervisor_review", assigneeId: userId },
          "review",
          { role: "supervisor", userId },
          "overturn",
        ),
      ).toMatchObject({ ok: false, reason: "forbidden" });
    }
    expect(checkTransition(reopened, "claim", { role: "supervisor", userId: "s2" })).toMatchObject({
      ok: true,
    });
  });

  it("only ever leads to a known status, whatever is asked of it", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CaseStatus.options),
        fc.constantFrom(...CASE_ACTIONS),
        fc.constantFrom("agent", "supervisor", "platform", "system"),
        fc.constantFrom(...new Set(TRANSITIONS.map((t) => t.variant))),
        fc.constantFrom("first", "second"),
        (status, action, role, variant, stage) => {
          const result = checkTransition(
            { status, stage, assigneeId: "u", firstStageDeciderIds: ["d"] },
            action,
            { role, userId: "u" },
            variant,
          );
          if (result.ok) expect([...CaseStatus.options, "deleted"]).toContain(result.to);
          else expect(["invalid_state", "forbidden"]).toContain(result.reason);
        },
      ),
    );
  });

  it("never lets a closed case be decided or claimed again", () => {
    for (const action of ["claim", "decide", "request_evidence", "release"] as const) {
      expect(
        checkTransition({ ...base, status: "closed" }, action, { role: "supervisor", userId: "s" })
          .ok,
      ).toBe(false);
    }
  });
});
