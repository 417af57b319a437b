import { memo } from "react";
import { useTranslation } from "react-i18next";
import { useModalDialog } from "../app/use-modal-dialog";

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
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="shortcuts-title" onClose={onClose}>
      <h2 id="shortcuts-title">{t("shortcuts.title")}</h2>
      <dl className="shortcuts">
        {SHORTCUTS.map((s) => (
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
      <button type="button" onClick={onClose}>
        {t("common.close")}
      </button>
    </dialog>
  );
});
