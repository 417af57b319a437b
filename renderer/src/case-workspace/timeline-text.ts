import type { TimelineEvent } from "@shared/domain/appeal";
import { readTimelineSummary } from "@shared/domain/timeline-summary";
import type { TFunction } from "i18next";
import type { Words } from "../i18n/catalog-words";

export type { Words };

/**
 * i18next's `t` as `Words`. The keys are built from codes at run time, so the type cannot check
 * them; a missing key reads as the key itself, which the timeline-text test looks for.
 */
export function wordsFrom(t: TFunction): Words {
  return (key, params) => String(t(key as never, params as never));
}

/**
 * A timeline event's detail in the agent's language: codes the server stores (reasons, outcomes,
 * the party a message went to) become catalog text; free text an agent or platform wrote stays
 * as written. `isData` tells the caller the text is the user's own, not the desk's words.
 */
export function timelineDetail(
  event: Pick<TimelineEvent, "type" | "summary">,
  t: Words,
  format: { dateTime(iso: string): string },
): { text: string; isData: boolean } {
  const summary = readTimelineSummary(event);
  const desk = (text: string) => ({ text, isData: false });
  switch (summary.kind) {
    case "none":
      return { text: "", isData: false };
    case "data":
      return { text: summary.text, isData: true };
    case "reason":
      return desk(t(`reason.${summary.reason}`));
    case "answer":
      return desk(t(`timelineSummary.answer.${summary.answer}`));
    case "escalation":
      return desk(t(`timelineSummary.escalation.${summary.cause}`));
    case "party":
      return desk(
        event.type === "message_sent"
          ? t("timelineSummary.to", { party: t(`role.${summary.party}`) })
          : t(`role.${summary.party}`),
      );
    case "evidenceRequest":
      return desk(
        t("timelineSummary.evidenceRequest", {
          party: t(`role.${summary.party}`),
          what: summary.what,
        }),
      );
    case "outcome":
      return desk(t(`outcome.${summary.outcome}`));
    case "verdict":
      return desk(t(`supervisor.review.verdicts.${summary.verdict}`));
    case "reopen":
      return desk(t(`timelineSummary.reopen.${summary.cause}`));
    case "noAnswer":
      return desk(
        t("timelineSummary.noAnswer", {
          who:
            summary.who === "complainant" || summary.who === "respondent"
              ? t(`role.${summary.who}`)
              : t(`side.${summary.who}`),
          when: format.dateTime(summary.dueAt),
        }),
      );
    case "step":
      return desk(t(`timelineSummary.step.${summary.step}`));
  }
}
