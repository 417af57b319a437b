import { z } from "zod";

/** An http(s) URL: the only schemes a backend or an update feed may use. */
const HttpUrl = z.url({ protocol: /^https?$/ });

/**
 * What the agent can change in the desktop shell's settings screen, stored as JSON in the
 * user-data folder by the main process. Every field has a default so a missing or partial file
 * (first launch, older version) still parses.
 */
export const DeskSettings = z.object({
  /**
   * A real backend to use instead of the embedded reference server; null runs the embedded one.
   * The `ARBITER_API_URL` environment variable overrides it (deployments pin it that way).
   */
  apiBaseUrl: HttpUrl.nullable().default(null),
  /** Desktop notifications for new assignments and SLA warnings. */
  notificationsEnabled: z.boolean().default(true),
  /**
   * Off by default: a regulated desk updates when IT says so. Takes effect only in a packaged
   * build with an update feed configured (`ARBITER_UPDATE_URL`).
   */
  autoUpdate: z.boolean().default(false),
});
export type DeskSettings = z.output<typeof DeskSettings>;

/** A partial update from the settings screen; fields left out keep their value. */
export const DeskSettingsPatch = z
  .object({
    apiBaseUrl: HttpUrl.nullable(),
    notificationsEnabled: z.boolean(),
    autoUpdate: z.boolean(),
  })
  .partial()
  .strict();
export type DeskSettingsPatch = z.output<typeof DeskSettingsPatch>;
