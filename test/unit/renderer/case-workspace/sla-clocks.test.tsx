// @vitest-environment jsdom
import { act, cleanup, render, screen } from "@testing-library/react";
import { I18nextProvider } from "react-i18next";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { clocksAt } from "../../../../renderer/src/case-workspace/case-sla";
import {
  clockName,
  nextRenderAt,
  SlaClocks,
} from "../../../../renderer/src/case-workspace/sla-clocks";
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

  test("a server change dated after the desk's clock shows at once: paused by a request, resumed by its lapse", () => {
    const escalated = Date.parse("2026-03-02T02:00:00.000Z");
    // The desk's clock is 30 s behind the server's: its events are "in the future" here.
    vi.setSystemTime(escalated + 10 * 60_000);
    const event = (
      id: string,
      type: "escalated" | "claimed" | "evidence_requested" | "evidence_deadline_passed",
      minutes: number,
    ) => ({
      id,
      type,
      at: new Date(escalated + minutes * 60_000).toISOString(),
      actor: "",
      summary: "",
    });
    const base = [event("t1", "escalated", 0), event("t2", "claimed", 1)];
    const at = (status: "in_review" | "awaiting_evidence", timeline: typeof base) =>
      detail({
        id: "c1",
        status,
        escalatedAt: new Date(escalated).toISOString(),
        timeline,
      });
    const view = (c: ReturnType<typeof at>) => (
      <I18nextProvider i18n={createI18n("en")}>
        <SlaClocks detail={c} />
      </I18nextProvider>
    );
    const { rerender, container } = render(view(at("in_review", base)));
    const resolution = () =>
      container.querySelector("[data-clock=resolution]")?.textContent ?? "missing";
    expect(resolution()).toContain("Running");
    const requested = [...base, event("t3", "evidence_requested", 10.5)];
    rerender(view(at("awaiting_evidence", requested)));
    expect(resolution()).toContain("Paused");
    rerender(view(at("in_review", [...requested, event("t4", "evidence_deadline_passed", 10.6)])));
    expect(resolution()).toContain("Running");
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

describe("clockName (the workspace's clocks and the oversight chart)", () => {
  test("a known clock reads in the desk's language, not the server's English label", () => {
    const vietnamese = createI18n("vi");
    expect(clockName(vietnamese.t, "respondent_window", "Respondent answers the appeal")).toBe(
      vietnamese.t("clocks.names.respondent_window"),
    );
    expect(
      clockName(vietnamese.t, "respondent_window", "Respondent answers the appeal"),
    ).not.toMatch(/Respondent/);
  });
  test("a clock this desk does not know keeps the server's label", () => {
    const en = createI18n("en");
    expect(clockName(en.t, "regulator_window", "Regulator's window")).toBe("Regulator's window");
  });
});
