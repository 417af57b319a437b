import { drawDot } from "./png";

export interface BadgeDeps {
  platform: NodeJS.Platform;
  /** `app.setBadgeCount`: the dock on macOS, the launcher on Linux desktops that support it. */
  setBadgeCount(count: number): void;
  /**
   * Windows has no count badge; its taskbar shows an overlay icon on the window instead.
   * `image` is a PNG, or null to remove the overlay.
   */
  setOverlay(image: Buffer | null, description: string): void;
}

/** The red of an SLA breach in the desk's palette. */
const BREACH_RED = [0xd9, 0x2d, 0x20] as const;

/**
 * Shows how many of my cases breach their SLA on the dock or taskbar, so the agent sees it with
 * the desk in the background. 0 removes the badge.
 */
export function createBadge(deps: BadgeDeps) {
  let overlay: Buffer | null = null;
  return {
    set(count: number): void {
      if (deps.platform === "win32") {
        overlay ??= drawDot(16, BREACH_RED);
        deps.setOverlay(
          count > 0 ? overlay : null,
          count > 0 ? `${count} case${count === 1 ? "" : "s"} breaching SLA` : "",
        );
        return;
      }
      deps.setBadgeCount(count);
    },
  };
}
