import { type Reply, type ReplyKind, ReplyWrite } from "@shared/api/replies";
import { DecisionOutcome } from "@shared/domain/appeal";
import {
  REPLY_LANGUAGES,
  REPLY_PLACEHOLDERS,
  type ReplyLanguage,
  unknownPlaceholders,
} from "@shared/replies/placeholders";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { FieldError } from "../actions/confirm";

export interface ReplyDraft {
  kind: ReplyKind;
  title: string;
  outcome: DecisionOutcome | "";
  tags: string;
  bodies: Record<ReplyLanguage, string>;
}

export const EMPTY_DRAFT: ReplyDraft = {
  kind: "reply",
  title: "",
  outcome: "",
  tags: "",
  bodies: { vi: "", "zh-Hans": "", "zh-Hant": "", en: "" },
};

export function draftOf(reply: Reply): ReplyDraft {
  return {
    kind: reply.kind,
    title: reply.title,
    outcome: reply.outcome ?? "",
    tags: reply.tags.join(", "),
    bodies: { ...reply.bodies },
  };
}

/** The body the server takes, as the shared schema reads the draft. */
export function writeOf(draft: ReplyDraft) {
  return ReplyWrite.safeParse({
    kind: draft.kind,
    title: draft.title,
    outcome: draft.kind === "decision_macro" && draft.outcome ? draft.outcome : null,
    tags: draft.tags
      .split(",")
      .map((tag) => tag.trim())
      .filter(Boolean),
    bodies: draft.bodies,
  });
}

type Errors = Partial<Record<"title" | "outcome" | ReplyLanguage, string>>;

/**
 * Add or edit one reply: the four languages side by side, the placeholders listed, and each
 * field's error in the supervisor's language (an unknown placeholder names itself) before
 * anything is sent; the server checks the same schema again.
 */
export function ReplyEditor({
  initial,
  message,
  onSave,
  onCancel,
}: {
  initial: ReplyDraft;
  /** A save's outcome or failure, shown under the form. */
  message: string | null;
  onSave(body: ReplyWrite): Promise<void>;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const ids = { kind: useId(), title: useId(), outcome: useId(), tags: useId(), body: useId() };
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Errors>({});
  const [isBusy, setBusy] = useState(false);
  const patch = (change: Partial<ReplyDraft>) => setDraft((d) => ({ ...d, ...change }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: Errors = {};
    if (!draft.title.trim()) found.title = t("validation.required");
    if (draft.kind === "decision_macro" && !draft.outcome) found.outcome = t("validation.outcome");
    for (const language of REPLY_LANGUAGES) {
      const unknown = unknownPlaceholders(draft.bodies[language]);
      if (!draft.bodies[language].trim()) found[language] = t("validation.required");
      else if (unknown.length > 0) {
        found[language] = t("replies.admin.unknownPlaceholder", {
          names: unknown.map((name) => `{${name}}`).join(", "),
        });
      }
    }
    setErrors(found);
    const body = writeOf(draft);
    if (Object.keys(found).length > 0 || !body.success) return;
    setBusy(true);
    try {
      await onSave(body.data);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="reply-editor"
      noValidate
      onSubmit={submit}
      aria-label={t("replies.admin.edit")}
    >
      <div className="reply-editor-head">
        <label htmlFor={ids.kind}>
          {t("replies.admin.kind")}
          <select
            id={ids.kind}
            value={draft.kind}
            onChange={(e) => patch({ kind: e.target.value as ReplyKind })}
          >
            <option value="reply">{t("replies.admin.kinds.reply")}</option>
            <option value="decision_macro">{t("replies.admin.kinds.decision_macro")}</option>
          </select>
        </label>
        <label htmlFor={ids.title}>
          {t("replies.admin.titleLabel")}
          <input
            id={ids.title}
            value={draft.title}
            aria-invalid={errors.title ? true : undefined}
            aria-describedby={errors.title ? `${ids.title}-e` : undefined}
            onChange={(e) => patch({ title: e.target.value })}
          />
          <FieldError id={`${ids.title}-e`} message={errors.title} />
        </label>
        {draft.kind === "decision_macro" ? (
          <label htmlFor={ids.outcome}>
            {t("replies.admin.outcome")}
            <select
              id={ids.outcome}
              value={draft.outcome}
              aria-invalid={errors.outcome ? true : undefined}
              onChange={(e) => patch({ outcome: e.target.value as DecisionOutcome | "" })}
            >
              <option value="">{t("replies.admin.chooseOutcome")}</option>
              {DecisionOutcome.options.map((outcome) => (
                <option key={outcome} value={outcome}>
                  {t(`outcome.${outcome}`)}
                </option>
              ))}
            </select>
            <FieldError id={`${ids.outcome}-e`} message={errors.outcome} />
          </label>
        ) : null}
        <label htmlFor={ids.tags}>
          {t("replies.admin.tags")}
          <input
            id={ids.tags}
            value={draft.tags}
            onChange={(e) => patch({ tags: e.target.value })}
          />
        </label>
      </div>
      <p className="muted">
        {t("replies.admin.placeholders")}{" "}
        {REPLY_PLACEHOLDERS.map((name) => (
          <code key={name}>{`{${name}}`} </code>
        ))}
      </p>
      <div className="reply-languages">
        {REPLY_LANGUAGES.map((language) => (
          <label key={language} htmlFor={`${ids.body}-${language}`} lang={language}>
            {t(`replies.languages.${language}`)}
            <textarea
              id={`${ids.body}-${language}`}
              rows={8}
              data-user-text=""
              value={draft.bodies[language]}
              aria-invalid={errors[language] ? true : undefined}
              aria-describedby={errors[language] ? `${ids.body}-${language}-e` : undefined}
              onChange={(e) => patch({ bodies: { ...draft.bodies, [language]: e.target.value } })}
            />
            <FieldError id={`${ids.body}-${language}-e`} message={errors[language]} />
          </label>
        ))}
      </div>
      <div className="button-row">
        <button type="submit" className="primary" disabled={isBusy}>
          {t("replies.admin.save")}
        </button>
        <button type="button" onClick={onCancel}>
          {t("replies.admin.cancel")}
        </button>
      </div>
      <p role="status">{message}</p>
    </form>
  );
}
