import type { Reply, ReplyKind } from "@shared/api/replies";
import type { CaseDetail, PartyRole } from "@shared/domain/appeal";
import {
  fillReplyText,
  placeholderValuesFor,
  REPLY_LANGUAGES,
  type ReplyLanguage,
  replyLanguageOf,
} from "@shared/replies/placeholders";
import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useModalDialog } from "../app/use-modal-dialog";
import { moveActive, pickerItems } from "./reply-picker-logic";

/** What the picker hands back: the filled text in the chosen language, and the reply it came from. */
export interface PickedReply {
  reply: Reply;
  language: ReplyLanguage;
  text: string;
}

/** Ctrl+K (⌘K on a Mac) in a composer opens the picker; listed in `?` (`CASE_SHORTCUTS`). */
export function isPickerShortcut(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "k";
}

/**
 * The canned-reply picker: a modal list searched as the agent types, ↑/↓ to choose, Enter to
 * insert, Esc to close. The body is shown and inserted in the language of the party it goes to
 * (the case's language field), placeholders filled from the case; the agent may switch language.
 */
export function ReplyPicker({
  open,
  replies,
  kind,
  detail,
  to,
  onPick,
  onClose,
}: {
  open: boolean;
  replies: readonly Reply[];
  kind: ReplyKind;
  detail: CaseDetail;
  /** Whose language and name the text is written in. */
  to: PartyRole;
  onPick(picked: PickedReply): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const ref = useModalDialog(open);
  const ids = { title: useId(), search: useId(), list: useId(), language: useId() };
  const partyLanguage = replyLanguageOf(detail[to].language);
  const [query, setQuery] = useState("");
  const [language, setLanguage] = useState<ReplyLanguage>(partyLanguage);
  const [active, setActive] = useState(0);
  const searchRef = useRef<HTMLInputElement>(null);
  const items = useMemo(() => pickerItems(replies, kind, query), [replies, kind, query]);
  const values = useMemo(() => placeholderValuesFor(detail, to, language), [detail, to, language]);

  // Each opening starts over in the party's language, with the search box focused.
  useEffect(() => {
    if (!open) return;
    setQuery("");
    setActive(0);
    setLanguage(partyLanguage);
    searchRef.current?.focus();
  }, [open, partyLanguage]);

  const current = items[Math.min(active, items.length - 1)];
  const pick = (reply: Reply | undefined) => {
    if (!reply) return;
    onPick({ reply, language, text: fillReplyText(reply.bodies[language], values) });
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setActive((i) => moveActive(i, e.key === "ArrowDown" ? 1 : -1, items.length));
    } else if (e.key === "Enter" && e.target instanceof HTMLInputElement) {
      e.preventDefault();
      pick(current);
    } else if (e.key === "Escape") {
      // The browser closes a modal dialog on Esc by itself; jsdom and the workspace do not know.
      e.preventDefault();
      e.stopPropagation();
      onClose();
    }
  };
  const optionId = (reply: Reply) => `${ids.list}-${reply.id}`;

  return (
    <dialog
      ref={ref}
      className="dialog reply-picker"
      aria-labelledby={ids.title}
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onKeyDown={onKeyDown}
    >
      <h2 id={ids.title}>{t(kind === "reply" ? "replies.pickerTitle" : "replies.macroTitle")}</h2>
      <div className="reply-picker-bar">
        <input
          ref={searchRef}
          id={ids.search}
          type="search"
          role="combobox"
          aria-label={t("replies.search")}
          aria-controls={ids.list}
          aria-expanded="true"
          aria-activedescendant={current ? optionId(current) : undefined}
          placeholder={t("replies.search")}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
        />
        <label htmlFor={ids.language}>
          {t("replies.language")}
          <select
            id={ids.language}
            value={language}
            onChange={(e) => setLanguage(e.target.value as ReplyLanguage)}
          >
            {REPLY_LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {t(`replies.languages.${code}`)}
                {code === partyLanguage ? ` · ${t("replies.partyLanguage")}` : ""}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted">{t("replies.writingTo", { name: detail[to].displayName })}</p>
      {items.length === 0 ? (
        <p className="muted">{replies.length === 0 ? t("replies.empty") : t("replies.noMatch")}</p>
      ) : (
        <div className="reply-picker-body">
          <div id={ids.list} role="listbox" aria-label={t("replies.list")} className="reply-list">
            {items.map((reply, index) => (
              <div
                key={reply.id}
                tabIndex={-1}
                id={optionId(reply)}
                role="option"
                aria-selected={reply === current}
                onMouseEnter={() => setActive(index)}
                onClick={() => pick(reply)}
                onKeyDown={() => undefined}
              >
                <span className="reply-title" data-user-text="">
                  {reply.title}
                </span>
                {reply.tags.length ? (
                  <span className="muted" data-user-text="">
                    {" "}
                    · {reply.tags.join(", ")}
                  </span>
                ) : null}
              </div>
            ))}
          </div>
          {current ? (
            <section
              className="reply-preview"
              aria-label={t("replies.preview")}
              lang={language}
              data-user-text=""
            >
              {fillReplyText(current.bodies[language], values)}
            </section>
          ) : null}
        </div>
      )}
      <div className="button-row">
        <span className="muted">{t("replies.hint")}</span>
        <button type="button" onClick={onClose}>
          {t("common.close")}
        </button>
      </div>
    </dialog>
  );
}
