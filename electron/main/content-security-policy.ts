import { APP_ORIGIN } from "./app-protocol";

/**
 * The Content-Security-Policy of every page the shell shows. It is sent as a response header
 * (for `app://` by our protocol handler, for anything else by the session), so it holds even if
 * the page's own `<meta>` tag were removed. Scripts come only from the desk itself; the page may
 * talk to the desk and to the one API origin in use, nothing else.
 */
export function contentSecurityPolicy({
  apiOrigin,
  devServerOrigin = null,
}: {
  /** Origin of the API in use (embedded loopback server or configured backend). */
  apiOrigin: string;
  /** Vite's dev server in `electron-vite dev`; its hot reload needs inline scripts and a socket. */
  devServerOrigin?: string | null;
}): string {
  const self = devServerOrigin ?? APP_ORIGIN;
  const devSocket = devServerOrigin ? ` ${devServerOrigin.replace(/^http/, "ws")}` : "";
  const directives: Record<string, string> = {
    "default-src": "'none'",
    "script-src": devServerOrigin ? `${self} 'unsafe-inline'` : "'self'",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": `'self' data: blob: ${apiOrigin}`,
    "font-src": "'self' data:",
    "connect-src": `'self' ${apiOrigin}${devSocket}`,
    "worker-src": "'self' blob:",
    "manifest-src": "'self'",
    "object-src": "'none'",
    "frame-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'none'",
    "frame-ancestors": "'none'",
  };
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join("; ");
}

/** The origin part of a URL, which is what CSP source lists compare against. */
export function originOf(url: string): string {
  return new URL(url).origin;
}
