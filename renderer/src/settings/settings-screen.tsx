import { type FormEvent, useEffect, useState } from "react";
import { useStore } from "zustand";
import type { SettingsStore } from "./settings-store";

/**
 * The desktop shell's settings: which backend to use, notifications, auto-update. In web mode
 * there is nothing to set: the page talks to the server that served it.
 */
export function SettingsScreen({ store }: { store: SettingsStore }) {
  const { status, settings, restartRequired, error, load, save, relaunch } = useStore(store);
  useEffect(() => {
    void load();
  }, [load]);

  if (status === "web")
    return (
      <section className="settings" aria-labelledby="settings-title">
        <h1 id="settings-title">Settings</h1>
        <p>
          In the browser, Arbiter Desk uses the server this page came from (
          <code>{window.location.origin}</code>) as its backend. To use another backend, open the
          desk from that server's address, or use the desktop app.
        </p>
      </section>
    );
  if (status === "loading" || !settings) return <p className="settings">Loading settings…</p>;
  return <SettingsForm {...{ settings, status, restartRequired, error, save, relaunch }} />;
}

type FormProps = Pick<
  ReturnType<SettingsStore["getState"]>,
  "status" | "restartRequired" | "error" | "save" | "relaunch"
> & { settings: NonNullable<ReturnType<SettingsStore["getState"]>["settings"]> };

function SettingsForm({ settings, status, restartRequired, error, save, relaunch }: FormProps) {
  const [apiBaseUrl, setApiBaseUrl] = useState(settings.apiBaseUrl ?? "");
  const [notificationsEnabled, setNotifications] = useState(settings.notificationsEnabled);
  const [autoUpdate, setAutoUpdate] = useState(settings.autoUpdate);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save({ apiBaseUrl, notificationsEnabled, autoUpdate });
  };

  return (
    <section className="settings" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <form onSubmit={submit}>
        <label>
          Backend URL
          <input
            name="apiBaseUrl"
            type="url"
            inputMode="url"
            placeholder="https://arbiter.example.com"
            value={apiBaseUrl}
            onChange={(e) => setApiBaseUrl(e.target.value)}
          />
        </label>
        <p className="hint">
          Leave empty to use the built-in server, which keeps its data on this computer. The change
          takes effect after a restart.
        </p>
        <label>
          <input
            type="checkbox"
            checked={notificationsEnabled}
            onChange={(e) => setNotifications(e.target.checked)}
          />
          Notify me of new assignments and SLA warnings
        </label>
        <label>
          <input
            type="checkbox"
            checked={autoUpdate}
            onChange={(e) => setAutoUpdate(e.target.checked)}
          />
          Install updates automatically (when your organisation provides an update server)
        </label>
        {error && <p role="alert">{error}</p>}
        <button type="submit" disabled={status === "saving"}>
          Save
        </button>
      </form>
      {restartRequired && (
        <p role="status">
          The new backend is used after a restart.{" "}
          <button type="button" onClick={() => void relaunch()}>
            Restart now
          </button>
        </p>
      )}
    </section>
  );
}
