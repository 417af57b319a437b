/**
 * Webhook deliveries to the platform that ran out of attempts (`GET /webhooks/dead-letters`):
 * what the platform never received, with the last error, and Replay, which puts the delivery
 * back in line with a fresh count of attempts after the supervisor confirms. Replay reaches the
 * server at once (no outbox): the answer, success or refusal, is shown, and the list refreshes.
 */
import type { DeadLetter } from "@shared/api/platform-events";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { problemMessage } from "../api/problem-message";
import { wordsFrom } from "../case-workspace/timeline-text";
import { useFormatters } from "../i18n/format";
import type { SupervisorApi } from "./supervisor-api";
import { supervisorHref } from "./supervisor-routes";

type Outcome = { kind: "ok" | "error"; text: string };

export function DeadLetters({
  api,
}: {
  api: Pick<SupervisorApi, "deadLetters" | "replayDeadLetter">;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [items, setItems] = useState<readonly DeadLetter[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<DeadLetter | null>(null);
  const [isReplaying, setReplaying] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const list = await api.deadLetters(signal);
        setItems(list);
        setLoadError(null);
      } catch (error) {
        if (!signal?.aborted) setLoadError(problemMessage(error, wordsFrom(t)));
      }
    },
    [api, t],
  );
  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  async function replay(item: DeadLetter) {
    setReplaying(true);
    try {
      await api.replayDeadLetter(item.eventId);
      setOutcome({
        kind: "ok",
        text: t("supervisorQueues.deadLetters.replayed", { reference: item.reference }),
      });
    } catch (error) {
      setOutcome({
        kind: "error",
        text: t("supervisorQueues.deadLetters.replayFailed", {
          reference: item.reference,
          error: problemMessage(error, wordsFrom(t)),
        }),
      });
    } finally {
      setReplaying(false);
      setConfirming(null);
      await load();
    }
  }

  return (
    <section className="dead-letters" aria-labelledby="dead-letters-heading">
      <h2 id="dead-letters-heading">{t("supervisorQueues.deadLetters.title")}</h2>
      <p className="muted">{t("supervisorQueues.deadLetters.explain")}</p>
      <div role="status" className="dead-letters-status">
        {outcome ? (
          <p className={outcome.kind === "ok" ? "tag tag-ok" : "field-error"}>{outcome.text}</p>
        ) : null}
        {loadError ? (
          <p className="field-error">
            {t("supervisorQueues.deadLetters.loadFailed", { error: loadError })}
          </p>
        ) : null}
      </div>
      <button type="button" onClick={() => void load()}>
        {t("supervisorQueues.deadLetters.refresh")}
      </button>
      {confirming ? (
        <div
          role="alertdialog"
          aria-modal="false"
          aria-labelledby="dead-letter-confirm"
          className="confirm-panel"
        >
          <p id="dead-letter-confirm">
            {t("supervisorQueues.deadLetters.confirm", {
              kind: t(`supervisorQueues.eventKind.${confirming.type}`),
              reference: confirming.reference,
            })}
          </p>
          <button
            type="button"
            className="primary"
            disabled={isReplaying}
            onClick={() => void replay(confirming)}
          >
            {t("supervisorQueues.deadLetters.confirmReplay")}
          </button>{" "}
          <button type="button" disabled={isReplaying} onClick={() => setConfirming(null)}>
            {t("common.cancel")}
          </button>
        </div>
      ) : null}
      {items === null ? (
        loadError ? null : (
          <p>{t("common.loading")}</p>
        )
      ) : items.length === 0 ? (
        <p className="empty">{t("supervisorQueues.deadLetters.empty")}</p>
      ) : (
        <table aria-label={t("supervisorQueues.deadLetters.table")} className="dead-letter-table">
          <thead>
            <tr>
              <th scope="col">{t("supervisorQueues.deadLetters.columns.kind")}</th>
              <th scope="col">{t("supervisorQueues.deadLetters.columns.case")}</th>
              <th scope="col">{t("supervisorQueues.deadLetters.columns.attempts")}</th>
              <th scope="col">{t("supervisorQueues.deadLetters.columns.lastError")}</th>
              <th scope="col">{t("supervisorQueues.deadLetters.columns.deadAt")}</th>
              <th scope="col">{t("supervisorQueues.deadLetters.columns.action")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.eventId} data-event-id={item.eventId}>
                <td>{t(`supervisorQueues.eventKind.${item.type}`)}</td>
                <td>
                  <a
                    className="mono"
                    data-user-text=""
                    href={supervisorHref({ name: "review", caseId: item.caseId })}
                  >
                    {item.reference}
                  </a>
                </td>
                <td className="num">{item.attempts}</td>
                <td className="last-error">
                  {item.lastError ? <code>{item.lastError}</code> : "—"}
                </td>
                <td>
                  <time dateTime={item.deadAt}>{format.dateTime(item.deadAt)}</time>
                </td>
                <td>
                  <button
                    type="button"
                    disabled={isReplaying}
                    onClick={() => {
                      setOutcome(null);
                      setConfirming(item);
                    }}
                  >
                    {t("supervisorQueues.deadLetters.replay", { reference: item.reference })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
