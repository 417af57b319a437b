import { applyPermissionPolicy, type PermissionSession } from "./permission-policy";

/** What the session hardening uses of Electron's `Session`; Electron's satisfies it. */
export interface SecuredSession extends PermissionSession {
  webRequest: {
    onHeadersReceived(
      listener: (
        details: { resourceType: string; responseHeaders?: Record<string, string[]> },
        callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
      ) => void,
    ): void;
  };
}

/**
 * Hardens the session every window shares: the permission policy, and the CSP on documents
 * served over http(s) (Vite's dev server in development; `app://` responses get it from the
 * protocol handler). An existing CSP header from the server is replaced, not merged, so ours is
 * the one in force.
 */
export function secureSession(
  session: SecuredSession,
  contentSecurityPolicy: () => string,
  log: (message: string) => void,
): void {
  applyPermissionPolicy(session, (permission) => log(`Denied permission: ${permission}`));
  session.webRequest.onHeadersReceived((details, callback) => {
    if (details.resourceType !== "mainFrame" && details.resourceType !== "subFrame") {
      callback({});
      return;
    }
    const headers = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(
        ([name]) => name.toLowerCase() !== "content-security-policy",
      ),
    );
    callback({
      responseHeaders: { ...headers, "Content-Security-Policy": [contentSecurityPolicy()] },
    });
  });
}
