import { HEADERS } from "./headers";

/**
 * Cross-origin access to the API. The desktop renderer runs at `app://desk` and calls the API on
 * another origin (the embedded loopback server or a configured backend), so every call it makes
 * with the mutation headers is preflighted: the server must grant exactly these.
 */

/** The origin the Electron shell serves the desk from (`electron/main/app-protocol.ts`). */
export const DESKTOP_ORIGIN = "app://desk";

/** Request headers the desk sends beyond the CORS-safelisted ones. */
export const CORS_REQUEST_HEADERS = [
  HEADERS.authorization,
  "Content-Type",
  HEADERS.idempotencyKey,
  HEADERS.ifMatch,
  HEADERS.requestId,
  HEADERS.lastEventId,
] as const;

/** Response headers the desk reads, which a browser hides from cross-origin scripts otherwise. */
export const CORS_EXPOSED_HEADERS = [
  HEADERS.etag,
  "Retry-After",
  HEADERS.requestId,
  HEADERS.contentSha256,
  HEADERS.reprDigest,
  "Content-Disposition",
  "Location",
] as const;

/**
 * `https://desk.example.com, http://localhost:5173` → the exact origins, or an error naming the
 * first entry that is not a bare origin (a path, a wildcard or a trailing slash is refused: the
 * server compares origins as strings, and a near miss would silently grant nothing).
 */
export function parseOriginList(value: string): { origins: string[] } | { error: string } {
  const origins: string[] = [];
  for (const entry of value.split(",")) {
    const candidate = entry.trim();
    if (candidate === "") continue;
    // Browsers send the Origin header lower-case and without a default port; so must this list.
    if (!ORIGIN.test(candidate)) {
      return {
        error: `"${candidate}" is not an origin (lower-case scheme://host[:port], nothing after it)`,
      };
    }
    origins.push(candidate);
  }
  return { origins };
}

/** scheme://host[:port], host a DNS name or a bracketed IPv6 address (no URL class in shared/). */
const ORIGIN = /^[a-z][a-z0-9+.-]*:\/\/(\[[0-9a-f:.]+\]|[a-z0-9-]+(\.[a-z0-9-]+)*)(:\d{1,5})?$/;
