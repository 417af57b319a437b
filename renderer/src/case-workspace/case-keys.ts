/**
 * The keys of an open case, one table, read by the workspace's listener and listed in the `?`
 * dialog (`CASE_SHORTCUTS`) and the application menu (`DESK_COMMANDS`, which presses the same
 * keys). Single keys never fire while the agent types in a field or a dialog is open: the note
 * the agent is writing must be able to contain "d".
 */
export type CaseKeyAction =
  | "decide"
  | "reply"
  | "request-evidence"
  | "note"
  | "next"
  | "previous"
  | "back"
  | "help";

const KEYS: Readonly<Record<string, CaseKeyAction>> = {
  d: "decide",
  r: "reply",
  e: "request-evidence",
  n: "note",
  j: "next",
  k: "previous",
  Escape: "back",
  "?": "help",
};

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: EventTarget | null;
}

const TYPING = new Set(["INPUT", "TEXTAREA", "SELECT"]);

/** What a key press asks of the case, or null when it is not a case key here. */
export function caseKeyAction(event: KeyPress, isDialogOpen: boolean): CaseKeyAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey || isDialogOpen) return null;
  const target = event.target as { tagName?: string; isContentEditable?: boolean } | null;
  if (target?.tagName && (TYPING.has(target.tagName) || target.isContentEditable)) return null;
  return KEYS[event.key] ?? KEYS[event.key.toLowerCase()] ?? null;
}
