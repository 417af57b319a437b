import { memo, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

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
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      // jsdom (component tests) has no modal dialogs: fall back to a plain open one.
      if (typeof dialog.showModal === "function") dialog.showModal();
      else dialog.setAttribute("open", "");
    }
    if (!open && dialog.open) {
      if (typeof dialog.close === "function") dialog.close();
      else dialog.removeAttribute("open");
    }
  }, [open]);
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
