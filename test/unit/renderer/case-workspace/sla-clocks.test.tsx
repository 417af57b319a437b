// @vitest-environment jsdom
import { act, cleanup, render, screen } from "@testing-library/react";
import { I18nextProvider } from "react-i18next";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { clocksAt } from "../../../../renderer/src/case-workspace/case-sla";
import { nextRenderAt, SlaClocks } from "../../../../renderer/src/case-workspace/sla-clocks";
import { createI18n } from "../../../../renderer/src/i18n/i18n";
import { detail } from "../../../support/case-detail";

afterEach(cleanup);

describe("live SLA clocks", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  test("the respondent's 10-minute window turns from running to breached at its due instant, by timer", () => {
    const filed = Date.parse("2026-03-02T02:00:00.000Z");
    vi.setSystemTime(filed + 8 * 60_000);
    const c = detail({
      id: "c1",
      status: "awaiting_respondent",
      escalatedAt: null,
      timeline: [
        {
          id: "t1",
          type: "appeal_filed",
          at: new Date(filed).toISOString(),
          actor: "",
          summary: "",
        },
      ],
      messages: [],
    });
    render(
      <I18nextProvider i18n={createI18n("en")}>
        <SlaClocks detail={c} />
      </I18nextProvider>,
    );
    const clock = () => screen.getByText("Respondent's answer").closest("li") as HTMLElement;
    expect(clock().textContent).toContain("Running");
    expect(clock().textContent).toContain("Due in 2m");
    // One act per timer: each render schedules the next timer (minute tick, then the breach).
    for (let i = 0; i < 3; i++) {
      act(() => {
        vi.advanceTimersToNextTimer();
      });
    }
    expect(clock().textContent).toContain("Breached");
    expect(clock().className).toContain("sla-breached");
  });

  test("the next render is the engine's next change or the next minute, never sooner", () => {
    const now = Date.parse("2026-03-04T03:00:30.000Z");
    const c = detail({ id: "c1" });
    const { clocks, nextChangeAt } = clocksAt(c, now);
    const at = nextRenderAt(clocks, nextChangeAt, now);
    expect(at).toBe(Date.parse("2026-03-04T03:01:00.000Z"));
    expect(nextRenderAt([], null, now)).toBeNull();
  });
});
