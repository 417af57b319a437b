import type { CaseDetail } from "@shared/domain/appeal";
import { useTranslation } from "react-i18next";
import { useFormatters } from "../i18n/format";
import { useLiveClocks } from "./sla-clocks";

/**
 * Evidence requests whose deadline passed unanswered. The domain's rule is spelled out where the
 * agent decides: a party that does not answer may lose, so the case may be decided on the
 * evidence available — the button opens the decision form.
 */
export function DeadlineNotices({
  detail,
  canDecide,
  onDecide,
}: {
  detail: CaseDetail;
  canDecide: boolean;
  onDecide(): void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const lapsed = detail.evidenceRequests.filter((r) => r.lapsedAt && !r.fulfilledAt);
  // The request paused the resolution clock; its lapse resumed it: say so, with its new due time.
  const { clocks, now } = useLiveClocks(detail);
  const resolution = clocks.find((c) => c.clockId === "resolution");
  if (
    !lapsed.length ||
    !["in_review", "awaiting_evidence", "supervisor_review"].includes(detail.status)
  )
    return null;
  return (
    <section className="deadline-notices" role="alert" aria-label={t("deadline.title")}>
      {lapsed.map((r) => (
        <p key={r.id} data-request={r.id}>
          {t("deadline.noAnswer", {
            name: detail[r.party].displayName,
            side: t(`side.${detail[r.party].side}`),
            what: r.what,
            when: format.dateTime(r.dueAt),
          })}{" "}
          {t("deadline.mayLose")}
        </p>
      ))}
      {resolution?.dueAt != null &&
      (resolution.status === "running" || resolution.status === "breached") ? (
        <p className="clock-resumed" data-clock-status={resolution.status}>
          {t(
            resolution.status === "running"
              ? "lifecycle.clockResumed"
              : "lifecycle.clockResumedOverdue",
            {
              clock: t("clocks.names.resolution"),
              when: format.dateTime(resolution.dueAt),
              duration: format.duration(Math.abs(resolution.dueAt - now) / 60_000),
            },
          )}
        </p>
      ) : null}
      {canDecide ? (
        <button type="button" className="primary" onClick={onDecide}>
          {t("deadline.decideNow")}
        </button>
      ) : null}
    </section>
  );
}
