import { DESK_COMMANDS } from "@shared/ipc/desk-commands";
import type { MenuItemConstructorOptions } from "electron";
import { describe, expect, test, vi } from "vitest";
import { buildMenuTemplate } from "../../../../electron/main/app-menu";

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? flatten(item.submenu) : []),
  ]);
}

const actions = () => ({
  runCommand: vi.fn(),
  reload: vi.fn(),
  toggleDevTools: vi.fn(),
  openLogFolder: vi.fn(),
});

describe("application menu", () => {
  test.each(["darwin", "win32", "linux"] as const)(
    "on %s lists every desk command with the renderer's key",
    (platform) => {
      const a = actions();
      const items = flatten(
        buildMenuTemplate(a, { platform, appName: "Arbiter Desk", isPackaged: true }),
      );
      for (const [command, spec] of Object.entries(DESK_COMMANDS)) {
        const item = items.find((i) => i.label === spec.label);
        expect(item, command).toBeDefined();
        expect(item?.accelerator).toBe(spec.key);
        item?.click?.({} as never, undefined, {} as never);
        expect(a.runCommand).toHaveBeenLastCalledWith(command);
      }
    },
  );

  test("single-key shortcuts are shown but not registered, so typing in a note is safe", () => {
    const items = flatten(
      buildMenuTemplate(actions(), { platform: "linux", appName: "A", isPackaged: true }),
    );
    for (const key of ["J", "K", "Enter", "C", "/", "?"]) {
      const item = items.find((i) => i.accelerator === key);
      expect(item?.registerAccelerator, key).toBe(false);
    }
    expect(items.find((i) => i.accelerator === "CmdOrCtrl+P")?.registerAccelerator).toBe(true);
  });

  test("developer tools only in development", () => {
    const has = (isPackaged: boolean) =>
      flatten(buildMenuTemplate(actions(), { platform: "linux", appName: "A", isPackaged })).some(
        (i) => i.label === "Toggle Developer Tools",
      );
    expect(has(true)).toBe(false);
    expect(has(false)).toBe(true);
  });
});
