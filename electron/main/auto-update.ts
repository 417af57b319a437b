/**
 * Auto-update is wired but off by default: a regulated desk changes version when IT rolls it out.
 * It turns on only in a packaged build, with the setting on, and an https feed in
 * `ARBITER_UPDATE_URL` (an electron-builder "generic" feed: latest.yml and the installers).
 */
export type AutoUpdatePlan =
  | { enabled: false; reason: string }
  | { enabled: true; feedUrl: string };

export function planAutoUpdate({
  isPackaged,
  settingEnabled,
  feedUrl,
}: {
  isPackaged: boolean;
  settingEnabled: boolean;
  feedUrl: string | undefined;
}): AutoUpdatePlan {
  if (!settingEnabled) return { enabled: false, reason: "turned off in settings (the default)" };
  if (!isPackaged) return { enabled: false, reason: "not a packaged build" };
  if (!feedUrl) return { enabled: false, reason: "ARBITER_UPDATE_URL is not set" };
  try {
    if (new URL(feedUrl).protocol !== "https:")
      return { enabled: false, reason: "ARBITER_UPDATE_URL must be https" };
  } catch {
    return { enabled: false, reason: "ARBITER_UPDATE_URL is not a URL" };
  }
  return { enabled: true, feedUrl };
}

/** The part of electron-updater's `autoUpdater` we use. */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  setFeedURL(options: { provider: "generic"; url: string }): void;
  checkForUpdatesAndNotify(): Promise<unknown>;
}

/**
 * Checks once at start-up; the update installs when the agent next quits, never mid-case.
 * `loadUpdater` imports electron-updater only when enabled, so a desk with updates off never
 * loads it.
 */
export async function startAutoUpdate(
  plan: AutoUpdatePlan,
  loadUpdater: () => Promise<UpdaterLike>,
  log: (message: string) => void,
): Promise<void> {
  if (!plan.enabled) {
    log(`Auto-update off: ${plan.reason}.`);
    return;
  }
  const updater = await loadUpdater();
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = true;
  updater.setFeedURL({ provider: "generic", url: plan.feedUrl });
  log(`Auto-update on: checking ${plan.feedUrl}.`);
  await updater.checkForUpdatesAndNotify();
}
