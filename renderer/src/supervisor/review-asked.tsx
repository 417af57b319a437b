/**
 * On the review screen of a case an agent escalated to a supervisor: why they asked, who and when,
 * and the supervisor's answer as an internal note (the agent reads it in the case's timeline).
 * Any act of a supervisor on the case answers the request (the server clears the flag), so the
 * case leaves "Asked to look" once the note is synced.
 */
import { NoteBody } from "@shared/api/mutations";
import type { CaseDetail } from "@shared/domain/appeal";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { DeskData } from "../desk-data";
import { useFormatters } from "../i18n/format";
import { askedToLookOf } from "./supervisor-queue-logic";

export function AskedPanel({
  detail,
  data,
}: {
  detail: CaseDetail;
  data: Pick<DeskData, "enqueue">;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [answer, setAnswer] = useState("");
  const [notice, setNotice] = useState<string | null>(null);
  const answerId = useId();
  const asked = askedToLookOf(detail);
  if (!detail.needsSupervisor || !asked) return notice ? <p role="status">{notice}</p> : null;
  const body = { text: answer.trim() };
  const isValid = NoteBody.safeParse(body).success;
  return (
    <section className="asked-panel" aria-labelledby="asked-panel-heading">
      <h3 id="asked-panel-heading">{t("supervisorQueues.review.askedTitle")}</h3>
      <p>
        {t("supervisorQueues.review.askedBy", {
          name: asked.askedBy,
          at: format.dateTime(asked.askedAt),
        })}
      </p>
      <blockquote className="asked-reason" data-user-text="">
        {asked.reason}
      </blockquote>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!isValid) return;
          void data.enqueue(detail.id, { type: "notes", body }).then(() => {
            setAnswer("");
            setNotice(t("supervisorQueues.review.answerQueued"));
          });
        }}
      >
        <label htmlFor={answerId}>{t("supervisorQueues.review.answerLabel")}</label>
        <textarea
          id={answerId}
          value={answer}
          maxLength={10_000}
          onChange={(e) => setAnswer(e.target.value)}
        />
        <button type="submit" className="primary" disabled={!isValid}>
          {t("supervisorQueues.review.answer")}
        </button>
      </form>
      {notice ? <p role="status">{notice}</p> : null}
    </section>
  );
}
