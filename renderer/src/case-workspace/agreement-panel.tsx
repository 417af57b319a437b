import type { CaseDetail } from "@shared/domain/appeal";
import { AGREEMENT_CONFIRMATION_MS, TRANSITIONS } from "@shared/domain/lifecycle";
import type { Role } from "@shared/domain/user";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormatters } from "../i18n/format";

/** Where the agreement stands, read from the case's timeline (the server's record). */
export type AgreementState =
  | { phase: "awaiting"; reachedAt: number; dueAt: number }
  | { phase: "confirmed"; reachedAt: number; at: number }
  | { phase: "lapsed"; reachedAt: number; at: number };

export function agreementState(detail: Pick<CaseDetail, "status" | "timeline">) {
  const reached = detail.timeline.findLast((e) => e.type === "agreement_reached");
  if (!reached) return null;
  const reachedAt = Date.parse(reached.at);
  const later = detail.timeline.filter((e) => Date.parse(e.at) >= reachedAt);
  const lapsed = later.find((e) => e.type === "agreement_lapsed");
  if (lapsed) return { phase: "lapsed", reachedAt, at: Date.parse(lapsed.at) } as const;
  const withdrawn = later.find((e) => e.type === "cancelled");
  if (withdrawn) return { phase: "confirmed", reachedAt, at: Date.parse(withdrawn.at) } as const;
  if (detail.status !== "agreed") return null;
  return { phase: "awaiting", reachedAt, dueAt: reachedAt + AGREEMENT_CONFIRMATION_MS } as const;
}

/** What the lifecycle lets this role do while the agreement awaits confirmation. */
export function deskActionsWhileAgreed(role: Role): string[] {
  return TRANSITIONS.filter((tr) => tr.from.includes("agreed") && tr.actors.includes(role)).map(
    (tr) => tr.action,
  );
}

function useNow(isCounting: boolean) {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (!isCounting) return;
    // The text counts in minutes: a render every 15 s keeps it within a minute of the truth.
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, [isCounting]);
  return Math.max(now, Date.now());
}

/**
 * The respondent reported "agreement reached": the complainant has 24 hours to confirm it in the
 * platform's app. Shown with who has agreed, the time left, what each outcome does, and what the
 * desk may do meanwhile (the parties act, not CS). After it ends, one line says how.
 */
export function AgreementPanel({ detail, userRole }: { detail: CaseDetail; userRole: Role }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const state = agreementState(detail);
  const now = useNow(state?.phase === "awaiting");
  if (!state) return null;
  const complainant = detail.complainant.displayName;
  const respondent = detail.respondent.displayName;
  if (state.phase !== "awaiting") {
    return (
      <section className="agreement agreement-ended" aria-label={t("lifecycle.agreement.title")}>
        <p>
          {state.phase === "confirmed"
            ? t("lifecycle.agreement.confirmed", {
                name: complainant,
                when: format.dateTime(state.at),
              })
            : t("lifecycle.agreement.lapsed", {
                name: complainant,
                when: format.dateTime(state.at),
              })}
        </p>
      </section>
    );
  }
  const left = (state.dueAt - now) / 60_000;
  const actions = deskActionsWhileAgreed(userRole);
  const names: Record<string, string> = { note: t("actions.kinds.note") };
  return (
    <section className="agreement" aria-labelledby="agreement-heading" data-phase={state.phase}>
      <h2 id="agreement-heading">{t("lifecycle.agreement.title")}</h2>
      <ul className="agreement-parties">
        <li data-party="respondent">
          <strong data-user-text="">{respondent}</strong> ({t(`side.${detail.respondent.side}`)}):{" "}
          <span className="tag tag-ok">
            {t("lifecycle.agreement.agreedAt", { when: format.dateTime(state.reachedAt) })}
          </span>
        </li>
        <li data-party="complainant">
          <strong data-user-text="">{complainant}</strong> ({t(`side.${detail.complainant.side}`)}):{" "}
          <span className="tag tag-pending">{t("lifecycle.agreement.notYet")}</span>
        </li>
      </ul>
      <p className={`agreement-clock ${left <= 0 ? "sla-breached" : "sla-running"}`}>
        {left > 0
          ? t("lifecycle.agreement.timeLeft", {
              duration: format.duration(left),
              when: format.dateTime(state.dueAt),
            })
          : t("lifecycle.agreement.windowOver", { when: format.dateTime(state.dueAt) })}
      </p>
      <p className="consequence">
        {t("lifecycle.agreement.ifConfirmed", { name: complainant })}{" "}
        {t("lifecycle.agreement.ifNot", { name: complainant, when: format.dateTime(state.dueAt) })}
      </p>
      <p className="muted agreement-actions">
        {t("lifecycle.agreement.deskMay", {
          actions: actions.map((a) => names[a] ?? a).join(", "),
        })}
      </p>
    </section>
  );
}
