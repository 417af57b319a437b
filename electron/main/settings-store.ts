import { DeskSettings, type DeskSettingsPatch } from "@shared/ipc/desk-settings";
import { createJsonFile } from "./json-file";

export interface SettingsStore {
  get(): DeskSettings;
  /** Applies the patch, saves, and says whether the backend changed (it needs a restart). */
  update(patch: DeskSettingsPatch): { settings: DeskSettings; restartRequired: boolean };
}

/** `settings.json` in the user-data folder; a damaged file reads as the defaults. */
export function createSettingsStore(path: string): SettingsStore {
  const file = createJsonFile(path, DeskSettings, {});
  return {
    get: () => file.read(),
    update(patch) {
      const before = file.read();
      const settings = DeskSettings.parse({ ...before, ...patch });
      file.write(settings);
      return { settings, restartRequired: settings.apiBaseUrl !== before.apiBaseUrl };
    },
  };
}
