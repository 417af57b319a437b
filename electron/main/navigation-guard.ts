/**
 * Where a window of the desk may go. A page that navigates away from the desk keeps the preload
 * bridge, so navigation is the main door an attacker would use: only our own origin is allowed,
 * every pop-up is denied, and https links on the allowlist open in the system browser instead.
 */

export interface NavigationPolicy {
  /** Origins a window may show: `app://desk`, and Vite's dev server in development. */
  readonly appOrigins: readonly string[];
  /**
   * Hosts whose https links open in the system browser: exact names, or `*.example.com` for
   * the subdomains of example.com (not example.com itself).
   */
  readonly externalHosts: readonly string[];
}

export function isAppUrl(policy: NavigationPolicy, url: string): boolean {
  const parsed = parseUrl(url);
  return parsed !== null && policy.appOrigins.includes(schemeHostPort(parsed));
}

/**
 * `URL.origin` is "null" for schemes Node does not know as special, `app:` among them (Chromium
 * knows it as standard because we registered it, Node's URL does not): compare scheme, host and
 * port instead, which is what an origin is.
 */
function schemeHostPort(url: URL): string {
  return `${url.protocol}//${url.host}`;
}

/** https only, no credentials in the URL, host on the allowlist. */
export function isAllowedExternalUrl(policy: NavigationPolicy, url: string): boolean {
  const parsed = parseUrl(url);
  if (parsed?.protocol !== "https:" || parsed.username || parsed.password) return false;
  const host = parsed.hostname.toLowerCase();
  return policy.externalHosts.some((entry) => {
    const allowed = entry.toLowerCase();
    return allowed.startsWith("*.") ? host.endsWith(allowed.slice(1)) : host === allowed;
  });
}

/** What the guard needs from a webContents; Electron's satisfies it. */
export interface GuardedContents {
  on(
    event: "will-navigate" | "will-redirect",
    listener: (event: { preventDefault(): void; url: string }, url?: string) => void,
  ): unknown;
  on(event: "will-attach-webview", listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: "deny" }): void;
}

export type OpenExternal = (url: string) => Promise<void>;

/**
 * Installs the guards on one webContents: top-level navigation stays on the desk, redirects too
 * (sub-frames cannot load at all: the CSP says `frame-src 'none'`),
 * no `<webview>` can attach, and `window.open` / target=_blank never creates a window: allowed
 * https links go to the system browser, the rest are dropped and logged.
 */
export function guardNavigation(
  contents: GuardedContents,
  policy: NavigationPolicy,
  openExternal: OpenExternal,
  onBlocked: (what: string, url: string) => void = () => {},
): void {
  const stayOnDesk = (event: { preventDefault(): void; url: string }, url?: string) => {
    const target = url ?? event.url;
    if (isAppUrl(policy, target)) return;
    event.preventDefault();
    if (isAllowedExternalUrl(policy, target)) void openExternal(target);
    else onBlocked("navigation", target);
  };
  contents.on("will-navigate", stayOnDesk);
  contents.on("will-redirect", stayOnDesk);
  contents.on("will-attach-webview", (event) => {
    event.preventDefault();
    onBlocked("webview", "");
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(policy, url)) void openExternal(url);
    else onBlocked("new-window", url);
    return { action: "deny" };
  });
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
