import { CaseReference } from "@shared/domain/appeal";

/** The scheme the OS hands to the desk: `arbiter://case/AP-000123`. */
export const DEEP_LINK_SCHEME = "arbiter";

export type DeepLink = { kind: "case"; reference: CaseReference };

/**
 * Parses a link from outside (a browser, a chat message, an e-mail): anyone can craft one, so
 * only the exact shape `arbiter://case/<reference>` is accepted, with an optional trailing slash;
 * query, fragment, credentials and port are refused rather than ignored.
 */
export function parseDeepLink(link: string): DeepLink | null {
  if (link.length > 256) return null;
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  if (url.protocol !== `${DEEP_LINK_SCHEME}:`) return null;
  if (url.username || url.password || url.port || url.search || url.hash) return null;
  if (url.hostname.toLowerCase() !== "case") return null;
  const match = /^\/([^/]+)\/?$/.exec(url.pathname);
  if (!match?.[1]) return null;
  const reference = CaseReference.safeParse(match[1].toUpperCase());
  return reference.success ? { kind: "case", reference: reference.data } : null;
}

/**
 * On Windows and Linux the OS starts the app (or a second instance) with the link as an argument;
 * macOS sends `open-url` instead. Chromium switches may sit anywhere in argv, so every argument
 * is tried; the last valid link wins.
 */
export function findDeepLinkInArgv(argv: readonly string[]): DeepLink | null {
  let found: DeepLink | null = null;
  for (const arg of argv) {
    if (!arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`)) continue;
    found = parseDeepLink(arg) ?? found;
  }
  return found;
}
