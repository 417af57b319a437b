import type { User } from "@shared/domain/user";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useStore } from "zustand";
import { type AttentionStore, NO_ATTENTION } from "../desktop/attention";
import { NO_PRESENCE, type PresenceStore } from "../presence/presence-store";
import type { ServerSearchStore } from "../search/server-search-store";
import { QueueExportBar } from "./queue-export-bar";
import { QueueFilters } from "./queue-filters";
import type { QueueStore } from "./queue-store";
import { QueueTable } from "./queue-table";
import { SavedViewsBar } from "./saved-views-bar";
import { ServerHits } from "./server-hits";
import { ShortcutsDialog } from "./shortcuts-dialog";

/** Keys typed into a field belong to the field, not to the queue's shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

const NO_NAMES: Readonly<Record<string, string>> = {};
const NO_TEAM: readonly User[] = [];
const ROLES = ["agent", "supervisor"] as const;

export function QueueScreen({
  store,
  userId,
  canReassign,
  onOpen,
  presence = NO_PRESENCE,
  attention = NO_ATTENTION,
  serverSearch,
  userNames = NO_NAMES,
  team = NO_TEAM,
}: {
  store: QueueStore;
  userId: string;
  canReassign: boolean;
  onOpen(caseId: string): void;
  /** Who else has which case open (live); without it no one is shown. */
  presence?: PresenceStore;
  /** Cases a deadline job flagged for me (a party let a deadline pass), shown on their rows. */
  attention?: AttentionStore;
  /** Server search for what this desk has not cached; without it the queue searches alone. */
  serverSearch?: ServerSearchStore;
  /** Display names by user id, for the export's assignee column; without them ids are exported. */
  userNames?: Readonly<Record<string, string>>;
  /** Who a supervisor may reassign selected cases to, picked by name (never a raw id). */
  team?: readonly User[];
}) {
  const { t } = useTranslation();
  const state = useStore(store);
  const others = useStore(presence, (s) => s.others);
  const flags = useStore(attention, (s) => s.flags);
  const searchRef = useRef<HTMLInputElement>(null);
  const [isHelpOpen, setHelpOpen] = useState(false);
  const [reassignTo, setReassignTo] = useState("");
  const [notice, setNotice] = useState("");
  const searchId = useId();
  const { rows, total, filter, focusedId, selectedIds } = state;

  // Re-evaluate risk and countdowns on each minute boundary: the texts change no more often.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const schedule = () => {
      timer = setTimeout(
        () => {
          store.getState().tick(Date.now());
          schedule();
        },
        60_000 - (Date.now() % 60_000) + 50,
      );
    };
    schedule();
    return () => clearTimeout(timer);
  }, [store]);

  const claim = useCallback(
    async (ids: readonly string[]) => {
      if (!ids.length) return;
      await store.getState().claim(ids);
      setNotice(t("queue.claimed", { count: ids.length }));
    },
    [store, t],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (document.querySelector("dialog[open]")) return;
      if (isTypingTarget(event.target)) {
        if (event.key === "Escape" && event.target === searchRef.current) searchRef.current?.blur();
        if (event.key === "ArrowDown" && event.target === searchRef.current) {
          event.preventDefault();
          store.getState().moveFocus(1);
          searchRef.current?.blur();
        }
        return;
      }
      const s = store.getState();
      switch (event.key) {
        case "j":
        case "ArrowDown":
          s.moveFocus(1);
          break;
        case "k":
        case "ArrowUp":
          s.moveFocus(-1);
          break;
        case "Enter":
          if (s.focusedId) onOpen(s.focusedId);
          break;
        case "c": {
          const ids = s.selectedIds.size ? [...s.selectedIds] : s.focusedId ? [s.focusedId] : [];
          void claim(ids);
          break;
        }
        case "x":
          if (s.focusedId) s.toggleSelected(s.focusedId);
          break;
        case "/":
          searchRef.current?.focus();
          searchRef.current?.select();
          break;
        case "?":
          setHelpOpen(true);
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [store, onOpen, claim]);

  const closeHelp = useCallback(() => setHelpOpen(false), []);
  // Read when the export starts: the rows exactly as shown then.
  const exportRows = useCallback(
    () => rows.flatMap((slot) => store.index.get(slot) ?? []),
    [store, rows],
  );
  // The server's hits leave out what the queue's rows show already (at most 50 lookups).
  const isShown = useCallback(
    (caseId: string) => {
      const slot = store.index.slotOfId(caseId);
      return slot !== undefined && rows.includes(slot);
    },
    [store, rows],
  );
  // Stable, so the memoised table re-renders for its own props only (not for the search box's
  // text or a snippet answer: each keystroke rendered the table twice before).
  const selectAll = useCallback(
    (checked: boolean) => {
      const { rows: shown, setSelected } = store.getState();
      setSelected(
        checked ? shown.map((slot) => store.index.get(slot)?.id ?? "").filter(Boolean) : [],
      );
    },
    [store],
  );
  const selected = [...selectedIds];

  return (
    <section className="queue" aria-labelledby="queue-heading">
      <header className="queue-header">
        <h1 id="queue-heading">{t("queue.title")}</h1>
        <p className="queue-count" aria-live="polite">
          {state.status === "loading"
            ? t("queue.loading")
            : rows.length === total
              ? t("queue.count", { count: total })
              : t("queue.countFiltered", { count: rows.length, total })}
        </p>
        <button type="button" className="link-button" onClick={() => setHelpOpen(true)}>
          {t("shortcuts.button")}
        </button>
      </header>
      <div className="toolbar">
        <label htmlFor={searchId} className="search">
          <span className="visually-hidden">{t("queue.search")}</span>
          <input
            id={searchId}
            ref={searchRef}
            type="search"
            placeholder={t("queue.searchPlaceholder")}
            value={filter.text}
            onChange={(e) => {
              state.setText(e.target.value);
              serverSearch?.getState().search(e.target.value);
            }}
          />
        </label>
        <QueueExportBar rows={exportRows} userNames={userNames} />
        <SavedViewsBar
          views={state.views}
          activeViewId={state.activeViewId}
          onApply={state.applyView}
          onSave={state.saveView}
          onDelete={state.deleteView}
        />
      </div>
      <QueueFilters filter={filter} onChange={state.setFilter} />
      {selected.length ? (
        <div className="bulk-bar" role="toolbar" aria-label={t("bulk.label")}>
          <span>{t("bulk.selected", { count: selected.length })}</span>
          <button type="button" onClick={() => void claim(selected)}>
            {t("actions.claim")}
          </button>
          <button
            type="button"
            onClick={() => {
              void state.release(selected);
              setNotice(t("queue.released", { count: selected.length }));
            }}
          >
            {t("actions.release")}
          </button>
          {canReassign ? (
            <form
              className="inline"
              onSubmit={(e) => {
                e.preventDefault();
                if (!reassignTo) return;
                // The server still checks each case (four-eyes, skills); a refusal shows in the
                // outbox in the agent's language.
                void state.reassign(selected, reassignTo);
                setNotice(t("queue.reassigned", { count: selected.length }));
                setReassignTo("");
              }}
            >
              <label>
                {t("bulk.reassignTo")}
                <select value={reassignTo} onChange={(e) => setReassignTo(e.target.value)}>
                  <option value="">{t("bulk.choosePerson")}</option>
                  {ROLES.map((role) => (
                    <optgroup key={role} label={t(`roleName.${role}`)}>
                      {team
                        .filter((member) => member.role === role)
                        .map((member) => (
                          <option key={member.id} value={member.id} data-user-text="">
                            {member.displayName}
                          </option>
                        ))}
                    </optgroup>
                  ))}
                </select>
              </label>
              <button type="submit" disabled={!reassignTo}>
                {t("actions.reassign")}
              </button>
            </form>
          ) : null}
          <button type="button" className="link-button" onClick={() => state.setSelected([])}>
            {t("bulk.clear")}
          </button>
        </div>
      ) : null}
      <p className="visually-hidden" role="status">
        {notice}
      </p>
      {state.error ? (
        <div role="alert" className="error-banner">
          {state.error}
        </div>
      ) : null}
      <QueueTable
        index={store.index}
        rows={rows}
        revision={state.revision}
        sort={state.sort}
        now={state.now}
        userId={userId}
        userNames={userNames}
        focusedId={focusedId}
        selectedIds={selectedIds}
        presence={others}
        flags={flags}
        onSort={state.sortBy}
        onFocus={state.focus}
        onOpen={onOpen}
        onToggleSelected={state.toggleSelected}
        snippets={state.snippets}
        onRowsInView={filter.text.trim() ? state.requestSnippets : undefined}
        onSelectAll={selectAll}
      />
      {serverSearch && filter.text.trim() ? (
        <ServerHits store={serverSearch} isShown={isShown} onOpen={onOpen} />
      ) : null}
      <ShortcutsDialog open={isHelpOpen} onClose={closeHelp} />
    </section>
  );
}
