import { isAbsolute, normalize, relative, resolve } from "node:path";

/** The renderer is served from `app://desk/…` instead of `file://`, which would grant it the disk. */
export const APP_SCHEME = "app";
export const APP_HOST = "desk";
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * Maps an `app://desk/...` URL to a file inside `rootDir`, or null when the URL is foreign or tries
 * to leave the root (`..`, encoded or not). Paths without an extension get the SPA shell.
 */
export function resolveAppPath(rootDir: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes("\0")) return null;
  const wanted = pathname === "/" || !/\.[a-z0-9]+$/i.test(pathname) ? "/index.html" : pathname;
  const root = resolve(rootDir);
  const target = resolve(root, `.${normalize(wanted)}`);
  const rel = relative(root, target);
  if (rel.startsWith("..") || isAbsolute(rel)) return null;
  return target;
}
