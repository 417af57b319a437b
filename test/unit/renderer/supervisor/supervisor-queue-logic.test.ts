import { describe, expect, test } from "vitest";
import { OPEN_STATUSES } from "../../../../renderer/src/queue/queue-filter";
import {
  askedToLookOf,
  constrainFilter,
  initialQueueFilter,
  queueCounts,
} from "../../../../renderer/src/supervisor/supervisor-queue-logic";

const event = (type: "supervisor_requested" | "claimed", at: string, summary: string) => ({
  id: `e-${at}`,
  type,
  at,
  actor: "Nguyễn Văn An",
  summary,
});

describe("supervisor queue filters", () => {
  test("each queue opens on its defining filter and the statuses it may show", () => {
    expect(initialQueueFilter("asked")).toEqual({
      needsSupervisor: true,
      statuses: OPEN_STATUSES,
    });
    expect(initialQueueFilter("second-stage")).toEqual({
      stages: ["second"],
      statuses: ["second_stage", "supervisor_review"],
    });
  });

  test("a filter change keeps what defines the queue", () => {
    expect(constrainFilter("asked", { needsSupervisor: false, kinds: ["payment"] })).toEqual({
      needsSupervisor: true,
      kinds: ["payment"],
    });
    expect(constrainFilter("second-stage", { stages: ["first"] })).toEqual({ stages: ["second"] });
  });

  test("no status filter brings a closed case in", () => {
    expect(constrainFilter("second-stage", { statuses: ["closed", "supervisor_review"] })).toEqual({
      stages: ["second"],
      statuses: ["supervisor_review"],
    });
    // Only statuses the queue never shows, or none (a cleared filter): all it may show.
    expect(constrainFilter("second-stage", { statuses: ["closed"] }).statuses).toEqual([
      "second_stage",
      "supervisor_review",
    ]);
    expect(constrainFilter("asked", { statuses: [] }).statuses).toEqual(OPEN_STATUSES);
    expect(constrainFilter("asked", { statuses: ["decided", "in_review"] }).statuses).toEqual([
      "in_review",
    ]);
  });
});

describe("why an agent asked", () => {
  test("the latest request is the open one", () => {
    const timeline = [
      event("supervisor_requested", "2026-03-02T02:00:00.000Z", "first ask"),
      event("claimed", "2026-03-02T03:00:00.000Z", ""),
      event("supervisor_requested", "2026-03-02T04:00:00.000Z", "asked again"),
    ];
    expect(askedToLookOf({ timeline })).toEqual({
      reason: "asked again",
      askedBy: "Nguyễn Văn An",
      askedAt: "2026-03-02T04:00:00.000Z",
    });
  });

  test("a case nobody asked about has no request", () => {
    expect(askedToLookOf({ timeline: [event("claimed", "2026-03-02T03:00:00.000Z", "")] })).toBe(
      null,
    );
  });
});

test("counts: all rows, the overdue and the at-risk ones", () => {
  expect(queueCounts(["breached", "warning", "on_track", "paused", "breached", "none"])).toEqual({
    total: 6,
    breached: 2,
    warning: 1,
  });
  expect(queueCounts([])).toEqual({ total: 0, breached: 0, warning: 0 });
});
