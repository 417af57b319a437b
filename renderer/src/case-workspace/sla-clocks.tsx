import type { CaseDetail } from "@shared/domain/appeal";
import type { ClockState } from "@shared/sla/index";
import type { TFunction } from "i18next";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormatters } from "../i18n/format";
import { clocksAt } from "./case-sla";

/** setTimeout's ceiling (~24.8 days); a later change is re-planned when this one fires. */
const MAX_TIMEOUT_MS = 2_147_000_000;

/**
 * When to render next: the engine's next state change (running → breached, warning starts), or
 * the next minute boundary while a running clock's "N left" text counts down, whichever is first.
 * A timer, never an animation frame: the header costs nothing between those instants.
 */
export function nextRenderAt(
  clocks: readonly ClockState[],
  nextChangeAt: number | null,
  now: number,
) {
  const isCounting = clocks.some((c) => c.status === "running" || c.status === "breached");
  const nextMinute = isCounting ? now - (now % 60_000) + 60_000 : null;
  const candidates = [nextChangeAt, nextMinute].filter((v): v is number => v !== null);
  return candidates.length ? Math.min(...candidates) : null;
}

/**
 * The newest event of the case: a desk clock a little behind the server's must not hide the
 * server's own newest events (a decision just acknowledged) from the engine.
 */
function lastDetailInstant(detail: CaseDetail): number {
  let latest = 0;
  for (const event of detail.timeline) latest = Math.max(latest, Date.parse(event.at));
  return Number.isNaN(latest) ? 0 : latest;
}

export function useLiveClocks(detail: CaseDetail, clock: () => number = Date.now) {
  // The clocks are evaluated at the time of every render, not at the last timer tick: a change
  // (the agent's action, the server's answer) carries events dated after that tick, which an
  // older "now" would ignore, leaving the clocks stale until the next minute. The timer only asks
  // for a render when nothing else does.
  const [, setTick] = useState(0);
  const now = Math.max(clock(), lastDetailInstant(detail));
  const live = clocksAt(detail, now);
  const at = nextRenderAt(live.clocks, live.nextChangeAt, now);
  useEffect(() => {
    if (at === null) return;
    const timer = setTimeout(
      () => setTick((n) => n + 1),
      Math.min(MAX_TIMEOUT_MS, Math.max(0, at - clock()) + 5),
    );
    return () => clearTimeout(timer);
  }, [at, clock]);
  return { ...live, now };
}

const KNOWN_CLOCKS = new Set([
  "respondent_window",
  "first_response",
  "resolution",
  "second_stage_review",
  "post_decision_verification",
]);

/** A clock's name in the desk's language; a clock this desk does not know keeps the server's label. */
export function clockName(t: TFunction, clockId: string, serverLabel: string): string {
  return KNOWN_CLOCKS.has(clockId) ? t(`clocks.names.${clockId as "resolution"}`) : serverLabel;
}

export function SlaClocks({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { clocks, now } = useLiveClocks(detail);
  const shown = clocks.filter((c) => c.status !== "pending");
  if (!shown.length) return <p className="muted">{t("clocks.none")}</p>;
  return (
    <ul className="clocks" aria-label={t("clocks.label")}>
      {shown.map((c) => {
        const risk =
          c.status === "breached"
            ? "breached"
            : c.status === "running" && c.isWarning
              ? "warning"
              : c.status;
        const dueAt = c.dueAt;
        // A stopped clock is judged at its stop: "overdue 2 h" means it was met 2 h late.
        const left = dueAt === null ? null : (dueAt - (c.stoppedAt ?? now)) / 60_000;
        let detailText: string;
        if (c.status === "running" && left !== null)
          detailText = t("sla.dueIn", { duration: format.duration(left) });
        else if (c.status === "breached" && left !== null)
          detailText = t("sla.overdue", { duration: format.duration(-left) });
        else if (c.status === "met")
          detailText = t("clocks.metAt", { when: format.dateTime(c.stoppedAt) });
        else detailText = t("sla.paused");
        return (
          <li key={c.clockId} className={`clock sla-${risk}`} data-clock={c.clockId}>
            <span className="clock-label">{clockName(t, c.clockId, c.label)}</span>
            <span className="clock-state">
              {t(`clocks.status.${c.status}`)}
              {risk === "warning" ? ` · ${t("risk.warning")}` : ""}
            </span>
            <span className="clock-text">{detailText}</span>
            {dueAt !== null ? (
              <time className="clock-due" dateTime={new Date(dueAt).toISOString()}>
                {format.dateTime(dueAt)}
              </time>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
