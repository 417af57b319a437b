import { memo } from "react";
import { useTranslation } from "react-i18next";
import { useModalDialog } from "../app/use-modal-dialog";

/** The queue's keys. The application menu lists the same (`DESK_COMMANDS`). */
export const SHORTCUTS = [
  { keys: ["j", "↓"], action: "shortcuts.next" },
  { keys: ["k", "↑"], action: "shortcuts.previous" },
  { keys: ["Enter"], action: "shortcuts.open" },
  { keys: ["c"], action: "shortcuts.claim" },
  { keys: ["x"], action: "shortcuts.select" },
  { keys: ["/"], action: "shortcuts.search" },
  { keys: ["Esc"], action: "shortcuts.back" },
  { keys: ["?"], action: "shortcuts.help" },
] as const;

/** The keys inside an open case (`case-keys.ts` binds them). */
export const CASE_SHORTCUTS = [
  { keys: ["d"], action: "shortcuts.decide" },
  { keys: ["r"], action: "shortcuts.reply" },
  { keys: ["e"], action: "shortcuts.requestEvidence" },
  { keys: ["n"], action: "shortcuts.note" },
  { keys: ["j"], action: "shortcuts.nextCase" },
  { keys: ["k"], action: "shortcuts.previousCase" },
  { keys: ["Ctrl+K"], action: "shortcuts.insertReply" },
  { keys: ["Esc"], action: "shortcuts.back" },
  { keys: ["?"], action: "shortcuts.help" },
] as const;

type Shortcut = (typeof SHORTCUTS)[number] | (typeof CASE_SHORTCUTS)[number];

/**
 * The list of keyboard shortcuts, in a modal <dialog> (focus trapped and restored by the browser).
 * Memoised: it sits in the queue screen, which renders on every keystroke in the search box.
 */
export const ShortcutsDialog = memo(function ShortcutsDialog({
  open,
  onClose,
}: {
  open: boolean;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const ref = useModalDialog(open);
  const list = (shortcuts: readonly Shortcut[]) => (
    <dl className="shortcuts">
      {shortcuts.map((s) => (
        <div key={s.action}>
          <dt>
            {s.keys.map((k, i) => (
              <span key={k}>
                {i ? ` ${t("shortcuts.or")} ` : ""}
                <kbd>{k}</kbd>
              </span>
            ))}
          </dt>
          <dd>{t(s.action)}</dd>
        </div>
      ))}
    </dl>
  );
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="shortcuts-title" onClose={onClose}>
      <h2 id="shortcuts-title">{t("shortcuts.title")}</h2>
      <h3>{t("shortcuts.inQueue")}</h3>
      {list(SHORTCUTS)}
      <h3>{t("shortcuts.inCase")}</h3>
      {list(CASE_SHORTCUTS)}
      <button type="button" onClick={onClose}>
        {t("common.close")}
      </button>
    </dialog>
  );
});
