import { DESK_COMMANDS, type DeskCommand } from "@shared/ipc/desk-commands";
import type { MenuItemConstructorOptions } from "electron";

export interface MenuActions {
  /** Forwards a desk command to the focused window's renderer, which runs it like its key. */
  runCommand(command: DeskCommand): void;
  reload(): void;
  toggleDevTools(): void;
  openLogFolder(): void;
}

interface MenuContext {
  platform: NodeJS.Platform;
  appName: string;
  /** Developer tools only in development: a packaged desk has no console to paste into. */
  isPackaged: boolean;
}

function commandItem(command: DeskCommand, actions: MenuActions): MenuItemConstructorOptions {
  const spec = DESK_COMMANDS[command];
  return {
    label: spec.label,
    accelerator: spec.key,
    // Shown, never registered, for the single keys: see DESK_COMMANDS.
    registerAccelerator: spec.registerInMenu,
    click: () => actions.runCommand(command),
  };
}

/**
 * The application menu. Its keys are the renderer's keys (one table, `DESK_COMMANDS`), so the menu
 * teaches the shortcuts the queue already understands. Roles give the platform's standard Edit
 * and Window items (copy/paste must work in the evidence and note fields).
 */
export function buildMenuTemplate(
  actions: MenuActions,
  { platform, appName, isPackaged }: MenuContext,
): MenuItemConstructorOptions[] {
  const isMac = platform === "darwin";
  const item = (command: DeskCommand) => commandItem(command, actions);
  const template: MenuItemConstructorOptions[] = [];
  if (isMac)
    template.push({
      label: appName,
      submenu: [
        { role: "about" },
        { type: "separator" },
        item("settings.open"),
        { type: "separator" },
        { role: "hide" },
        { role: "hideOthers" },
        { role: "unhide" },
        { type: "separator" },
        { role: "quit" },
      ],
    });
  template.push(
    {
      label: "&File",
      submenu: [
        item("case.open-in-window"),
        item("report.export-pdf"),
        ...(isMac
          ? []
          : [
              { type: "separator" } as const,
              item("settings.open"),
              { type: "separator" } as const,
            ]),
        isMac ? { role: "close" } : { role: "quit" },
      ],
    },
    { label: "&Edit", role: "editMenu" },
    {
      label: "&Queue",
      submenu: [
        item("queue.next"),
        item("queue.previous"),
        item("queue.open"),
        item("queue.claim"),
        { type: "separator" },
        item("queue.search"),
      ],
    },
    {
      label: "&Case",
      submenu: [
        item("case.decide"),
        item("case.compose"),
        item("case.request-evidence"),
        item("case.note"),
        { type: "separator" },
        item("case.back"),
      ],
    },
    {
      label: "&View",
      submenu: [
        { label: "Reload", accelerator: "CmdOrCtrl+R", click: () => actions.reload() },
        ...(isPackaged
          ? []
          : [
              {
                label: "Toggle Developer Tools",
                accelerator: isMac ? "Alt+Cmd+I" : "Ctrl+Shift+I",
                click: () => actions.toggleDevTools(),
              },
            ]),
        { type: "separator" },
        { role: "resetZoom" },
        { role: "zoomIn" },
        { role: "zoomOut" },
        { type: "separator" },
        { role: "togglefullscreen" },
      ],
    },
    { label: "&Window", role: "windowMenu" },
    {
      label: "&Help",
      role: "help",
      submenu: [
        item("help.shortcuts"),
        { label: "Show Log Folder", click: () => actions.openLogFolder() },
      ],
    },
  );
  return template;
}
