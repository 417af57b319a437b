import { z } from "zod";

/**
 * How the shell finds its backend: `ARBITER_API_URL` (a deployment pins it) wins over the URL
 * saved in the settings screen; with neither, the reference server runs embedded on loopback
 * with its database in the user-data folder.
 */
const ShellEnv = z.object({
  // An empty value (`ARBITER_API_URL= npm start`) means unset, as shells intend it.
  ARBITER_API_URL: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.url({ protocol: /^https?$/ }).optional(),
  ),
});

export type BackendChoice =
  | { kind: "remote"; url: string; source: "environment" | "settings" }
  | { kind: "embedded" };

export function chooseBackend(
  env: Record<string, string | undefined>,
  savedApiBaseUrl: string | null = null,
): BackendChoice {
  const parsed = ShellEnv.safeParse(env);
  if (!parsed.success)
    throw new Error(`ARBITER_API_URL is not a valid http(s) URL: ${env.ARBITER_API_URL}`);
  if (parsed.data.ARBITER_API_URL)
    return { kind: "remote", url: parsed.data.ARBITER_API_URL, source: "environment" };
  if (savedApiBaseUrl) return { kind: "remote", url: savedApiBaseUrl, source: "settings" };
  return { kind: "embedded" };
}

/**
 * Extra https hosts whose links may open in the system browser (bank sites, the exchange's help
 * centre), comma-separated in `ARBITER_EXTERNAL_LINK_HOSTS`; `*.example.com` allows subdomains.
 */
export function externalLinkHosts(env: Record<string, string | undefined>): string[] {
  return (env.ARBITER_EXTERNAL_LINK_HOSTS ?? "")
    .split(",")
    .map((host) => host.trim().toLowerCase())
    .filter((host) => /^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host));
}
