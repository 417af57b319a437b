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

/**
 * The `app://` handler: serves files of the renderer build, each response carrying the CSP as a
 * header. Custom-protocol responses never pass through `session.webRequest`, so the policy must
 * be attached here; otherwise the `app://` pages would have only their `<meta>` tag.
 */
export function createAppProtocolHandler({
  rendererDir,
  fetchFile,
  contentSecurityPolicy,
}: {
  rendererDir: string;
  /** `net.fetch(pathToFileURL(file))` in the app. */
  fetchFile: (path: string) => Promise<Response>;
  contentSecurityPolicy: () => string;
}): (request: Request) => Promise<Response> {
  return async (request) => {
    const securityHeaders = {
      "Content-Security-Policy": contentSecurityPolicy(),
      "X-Content-Type-Options": "nosniff",
    };
    if (request.method !== "GET" && request.method !== "HEAD")
      return new Response("Method not allowed", { status: 405, headers: securityHeaders });
    const file = resolveAppPath(rendererDir, request.url);
    if (!file) return new Response("Not found", { status: 404, headers: securityHeaders });
    let response: Response;
    try {
      response = await fetchFile(file);
    } catch {
      return new Response("Not found", { status: 404, headers: securityHeaders });
    }
    const headers = new Headers(response.headers);
    for (const [name, value] of Object.entries(securityHeaders)) headers.set(name, value);
    return new Response(response.body, { status: response.status, headers });
  };
}
