import { apiEndpoint, DESK_CONFIG_PATH, DeskConfig } from "@shared/api/desk-config";
import type { DeskNotification, PdfSaveResult, Platform } from "./platform";
import { createSessionStorageCredentials } from "./session-storage-credentials";

/**
 * Web mode: the API is where `desk-config.json` says (the same `apiBaseUrl` the Electron shell
 * gives its renderer), or the page's own origin when the page is served by the API server. Native
 * features map to their web equivalents: the Notification API, the tab title for the badge,
 * a new tab for a case window, downloads and the print dialog for PDFs.
 */
export function createWebPlatform(host: Window = window): Platform {
  const baseTitle = host.document.title;
  let endpoint: Promise<string> | undefined;
  return {
    kind: "web",
    apiBaseUrl: () => {
      endpoint ??= readDeskConfig(host).then((config) =>
        apiEndpoint(config.apiBaseUrl ?? host.location.origin),
      );
      return endpoint;
    },
    credentials: createSessionStorageCredentials(host.sessionStorage),
    notify: (notification) => notifyInBrowser(host, notification),
    setBadgeCount: async (count) => {
      host.document.title = count > 0 ? `(${count}) ${baseTitle}` : baseTitle;
    },
    openCaseWindow: async (reference) => {
      host.open(`/case/${encodeURIComponent(reference)}`, `case-${reference}`, "noopener");
    },
    windowCaseReference: async () => caseReferenceFromPath(host.location.pathname),
    // A browser has no deep links into an open tab; links open /case/… pages instead.
    onOpenCaseRequested: () => () => {},
    // The browser's own menus are not ours: commands come from the page's keyboard shortcuts.
    onMenuCommand: () => () => {},
    reports: {
      printsPageAsFile: false,
      printPageToPdf: async () => {
        host.print();
        return { saved: false } satisfies PdfSaveResult;
      },
      savePdf: async (fileName, data) => {
        const url = URL.createObjectURL(
          new Blob([new Uint8Array(data)], { type: "application/pdf" }),
        );
        const link = host.document.createElement("a");
        link.href = url;
        link.download = fileName;
        link.click();
        // Revoked on the next tick: the download has taken its copy by then.
        setTimeout(() => URL.revokeObjectURL(url), 0);
        return { saved: false } satisfies PdfSaveResult;
      },
    },
    settings: null,
  };
}

/** `/case/AP-000123` → "AP-000123": the path a case window (or tab) is opened on. */
export function caseReferenceFromPath(pathname: string): string | null {
  const match = /^\/case\/(AP-\d{6,})\/?$/.exec(pathname);
  return match?.[1] ?? null;
}

async function notifyInBrowser(
  host: Window,
  notification: DeskNotification,
): Promise<{ shown: boolean }> {
  if (typeof Notification === "undefined") return { shown: false };
  const permission =
    Notification.permission === "default"
      ? await Notification.requestPermission()
      : Notification.permission;
  if (permission !== "granted") return { shown: false };
  const shown = new Notification(notification.title, {
    body: notification.body,
    // Same tag replaces the previous one: a case's warnings do not pile up.
    tag: `${notification.kind}:${notification.caseReference ?? notification.title}`,
  });
  const { caseReference } = notification;
  shown.onclick = () => {
    host.focus();
    if (caseReference) host.location.assign(`/case/${encodeURIComponent(caseReference)}`);
  };
  return { shown: true };
}

/**
 * The deployment's `desk-config.json`. None (404) means the API is same-origin; so does a failed
 * fetch (offline before the app-shell cache has it: the API is unreachable then anyway). A file
 * that is there but wrong is an error, never a silent fall-back to the wrong origin.
 */
export async function readDeskConfig(host: Pick<Window, "fetch">): Promise<DeskConfig> {
  let response: Response;
  try {
    response = await host.fetch(DESK_CONFIG_PATH, { cache: "no-cache" });
  } catch {
    return { apiBaseUrl: null };
  }
  if (response.status === 404) return { apiBaseUrl: null };
  const parsed = DeskConfig.safeParse(response.ok ? await response.json().catch(() => null) : null);
  if (!parsed.success) {
    throw new Error(
      `${DESK_CONFIG_PATH} is not valid (HTTP ${response.status}): it must be {"apiBaseUrl": "https://…" | null}.`,
    );
  }
  return parsed.data;
}
