import { z } from "zod";

/**
 * The desk's keyboard commands, in one table read by both sides: the renderer binds the keys, the
 * main process lists the same keys in the application menu. Single-key shortcuts (j, k, c, r, /, ?)
 * must not fire while the agent types a note, and only the renderer knows where focus is, so the
 * menu shows these keys without registering them (`registerAccelerator: false`) and forwards a
 * click to the renderer as a `menu:command` event. Modifier shortcuts (`CmdOrCtrl+…`) are safe
 * to register in the menu itself.
 */
export const DESK_COMMANDS = {
  "queue.next": { label: "Next Case", key: "J", registerInMenu: false },
  "queue.previous": { label: "Previous Case", key: "K", registerInMenu: false },
  "queue.open": { label: "Open Case", key: "Enter", registerInMenu: false },
  "queue.claim": { label: "Claim Case", key: "C", registerInMenu: false },
  // Inside a case. "Contact Party" was once `c`, which in the queue claims the focused row: a
  // menu click that claimed a case. Every key below means one thing wherever it works.
  "case.compose": { label: "Reply to Party", key: "R", registerInMenu: false },
  "case.decide": { label: "Decide…", key: "D", registerInMenu: false },
  "case.request-evidence": { label: "Request Evidence", key: "E", registerInMenu: false },
  "case.note": { label: "Add Note", key: "N", registerInMenu: false },
  "case.back": { label: "Back to Queue", key: "Escape", registerInMenu: false },
  "queue.search": { label: "Search", key: "/", registerInMenu: false },
  "help.shortcuts": { label: "Keyboard Shortcuts", key: "?", registerInMenu: false },
  "case.open-in-window": {
    label: "Open Case in New Window",
    key: "CmdOrCtrl+Shift+N",
    registerInMenu: true,
  },
  "report.export-pdf": {
    label: "Export Case Report as PDF…",
    key: "CmdOrCtrl+P",
    registerInMenu: true,
  },
  "settings.open": { label: "Settings…", key: "CmdOrCtrl+,", registerInMenu: true },
} as const satisfies Record<string, DeskCommandSpec>;

interface DeskCommandSpec {
  /** Menu label, title case as menus are. */
  label: string;
  /** An Electron accelerator string; for single keys, the key the renderer listens for. */
  key: string;
  /** False for keys that would steal typing from text fields if registered with the OS menu. */
  registerInMenu: boolean;
}

export type DeskCommand = keyof typeof DESK_COMMANDS;
export const DeskCommand = z.enum(Object.keys(DESK_COMMANDS) as [DeskCommand, ...DeskCommand[]]);

/**
 * Brings the desk to the front from any application: the one system-wide shortcut. A global
 * single key would break every other program, so the queue keys stay local to the window.
 */
export const FOCUS_DESK_GLOBAL_SHORTCUT = "CmdOrCtrl+Shift+A";
