import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useStore } from "zustand";
import type { SettingsStore } from "./settings-store";

/**
 * The desktop shell's settings: which backend to use, notifications, auto-update. In web mode
 * there is nothing to set: the page talks to the server that served it.
 */
export function SettingsScreen({ store }: { store: SettingsStore }) {
  const { t } = useTranslation();
  const { status, settings, restartRequired, error, load, save, relaunch } = useStore(store);
  useEffect(() => {
    void load();
  }, [load]);

  if (status === "web")
    return (
      <section className="settings" aria-labelledby="settings-title">
        <h1 id="settings-title">{t("settings.title")}</h1>
        <p>{t("settings.web", { origin: window.location.origin })}</p>
      </section>
    );
  if (status === "loading" || !settings) return <p className="settings">{t("settings.loading")}</p>;
  return <SettingsForm {...{ settings, status, restartRequired, error, save, relaunch }} />;
}

type FormProps = Pick<
  ReturnType<SettingsStore["getState"]>,
  "status" | "restartRequired" | "error" | "save" | "relaunch"
> & { settings: NonNullable<ReturnType<SettingsStore["getState"]>["settings"]> };

function SettingsForm({ settings, status, restartRequired, error, save, relaunch }: FormProps) {
  const { t } = useTranslation();
  const [apiBaseUrl, setApiBaseUrl] = useState(settings.apiBaseUrl ?? "");
  const [notificationsEnabled, setNotifications] = useState(settings.notificationsEnabled);
  const [autoUpdate, setAutoUpdate] = useState(settings.autoUpdate);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save({ apiBaseUrl, notificationsEnabled, autoUpdate });
  };

  return (
    <section className="settings" aria-labelledby="settings-title">
      <h1 id="settings-title">{t("settings.title")}</h1>
      <form onSubmit={submit}>
        <label>
          {t("settings.backend")}
          <input
            name="apiBaseUrl"
            type="url"
            inputMode="url"
            placeholder="https://arbiter.example.com"
            data-user-placeholder=""
            value={apiBaseUrl}
            onChange={(e) => setApiBaseUrl(e.target.value)}
          />
        </label>
        <p className="hint">{t("settings.backendHint")}</p>
        <label>
          <input
            type="checkbox"
            checked={notificationsEnabled}
            onChange={(e) => setNotifications(e.target.checked)}
          />
          {t("settings.notifications")}
        </label>
        <label>
          <input
            type="checkbox"
            checked={autoUpdate}
            onChange={(e) => setAutoUpdate(e.target.checked)}
          />
          {t("settings.autoUpdate")}
        </label>
        {error && <p role="alert">{error}</p>}
        <button type="submit" disabled={status === "saving"}>
          {t("settings.save")}
        </button>
      </form>
      {restartRequired && (
        <p role="status">
          {t("settings.restartRequired")}{" "}
          <button type="button" onClick={() => void relaunch()}>
            {t("settings.restartNow")}
          </button>
        </p>
      )}
    </section>
  );
}
