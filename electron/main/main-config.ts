import { z } from "zod";

/**
 * How the shell finds its backend: `ARBITER_API_URL` points it at a real deployment; without it,
 * the reference server runs embedded on loopback with its database in the user-data folder.
 */
const ShellEnv = z.object({ ARBITER_API_URL: z.url().optional() });

export type BackendChoice = { kind: "remote"; url: string } | { kind: "embedded" };

export function chooseBackend(env: Record<string, string | undefined>): BackendChoice {
  const parsed = ShellEnv.safeParse(env);
  if (!parsed.success)
    throw new Error(`ARBITER_API_URL is not a valid URL: ${env.ARBITER_API_URL}`);
  return parsed.data.ARBITER_API_URL
    ? { kind: "remote", url: parsed.data.ARBITER_API_URL }
    : { kind: "embedded" };
}
