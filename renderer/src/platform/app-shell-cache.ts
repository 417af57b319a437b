/** Where web mode's service worker is served (renderer/public/service-worker.js). */
export const SERVICE_WORKER_URL = "/service-worker.js";

/**
 * Registers the app-shell cache in a browser (web mode only: the Electron shell loads the desk
 * from `app://desk`, on disk). A browser without service workers, or one that refuses (private
 * modes, plain http on a non-loopback host), simply has no offline reload.
 */
export function registerAppShellCache(nav: Navigator = navigator): void {
  if (!("serviceWorker" in nav)) return;
  nav.serviceWorker.register(SERVICE_WORKER_URL, { scope: "/" }).catch((error: unknown) => {
    console.warn(`Arbiter Desk works without offline reload: ${String(error)}`);
  });
}
