import { type DeskSettings, DeskSettingsPatch } from "@shared/ipc/desk-settings";
import { createStore } from "zustand/vanilla";
import type { SettingsPort } from "../platform/platform";

// State
export interface SettingsState {
  /** "web": no settings to load, the serving origin is the backend. */
  status: "web" | "loading" | "ready" | "saving" | "error";
  settings: DeskSettings | null;
  /** The backend changed and takes effect after a restart. */
  restartRequired: boolean;
  error: string | null;
}

// Actions
export interface SettingsActions {
  load(): Promise<void>;
  /** `apiBaseUrl` as typed: blank means "use the built-in server". */
  save(form: {
    apiBaseUrl: string;
    notificationsEnabled: boolean;
    autoUpdate: boolean;
  }): Promise<void>;
  relaunch(): Promise<void>;
}

export function createSettingsStore(port: SettingsPort | null) {
  return createStore<SettingsState & SettingsActions>()((set) => ({
    status: port ? "loading" : "web",
    settings: null,
    restartRequired: false,
    error: null,

    async load() {
      if (!port) return;
      try {
        set({ status: "ready", settings: await port.get(), error: null });
      } catch (error) {
        set({ status: "error", error: String(error) });
      }
    },

    async save(form) {
      if (!port) return;
      const patch = DeskSettingsPatch.safeParse({
        apiBaseUrl: form.apiBaseUrl.trim() === "" ? null : form.apiBaseUrl.trim(),
        notificationsEnabled: form.notificationsEnabled,
        autoUpdate: form.autoUpdate,
      });
      if (!patch.success) {
        set({ error: "The backend URL must start with http:// or https://." });
        return;
      }
      set({ status: "saving", error: null });
      try {
        const result = await port.set(patch.data);
        set((state) => ({
          status: "ready",
          settings: result.settings,
          restartRequired: state.restartRequired || result.restartRequired,
        }));
      } catch (error) {
        set({ status: "ready", error: String(error) });
      }
    },

    async relaunch() {
      await port?.relaunch();
    },
  }));
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;
