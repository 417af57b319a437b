import { memo, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { SavedView } from "./queue-filter";

/**
 * The saved-views picker and the "save this view" form. Its own memoised component because the
 * queue screen renders on every keystroke in the search box, and none of this changes with it.
 */
export const SavedViewsBar = memo(function SavedViewsBar({
  views,
  activeViewId,
  onApply,
  onSave,
  onDelete,
}: {
  views: readonly SavedView[];
  activeViewId: string | null;
  onApply(id: string): void;
  onSave(name: string): void;
  onDelete(id: string): void;
}) {
  const { t } = useTranslation();
  const [viewName, setViewName] = useState("");
  const viewId = useId();
  const activeView = views.find((v) => v.id === activeViewId);
  return (
    <>
      <span className="inline">
        <label htmlFor={viewId}>{t("views.label")}</label>
        <select id={viewId} value={activeViewId ?? ""} onChange={(e) => onApply(e.target.value)}>
          {activeViewId === null ? <option value="">{t("views.custom")}</option> : null}
          {views.map((view) => (
            <option key={view.id} value={view.id}>
              {view.isBuiltIn ? t(view.name as "views.all") : view.name}
            </option>
          ))}
        </select>
      </span>
      <form
        className="save-view"
        onSubmit={(e) => {
          e.preventDefault();
          onSave(viewName);
          setViewName("");
        }}
      >
        <label>
          <span className="visually-hidden">{t("views.name")}</span>
          <input
            value={viewName}
            placeholder={t("views.name")}
            onChange={(e) => setViewName(e.target.value)}
          />
        </label>
        <button type="submit" disabled={!viewName.trim()}>
          {t("views.save")}
        </button>
        {activeView && !activeView.isBuiltIn ? (
          <button type="button" onClick={() => onDelete(activeView.id)}>
            {t("views.delete")}
          </button>
        ) : null}
      </form>
    </>
  );
});
