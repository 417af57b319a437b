import { z } from "zod";
import { API_BASE } from "./paths";

/**
 * How a desk learns where its API lives. The Electron shell answers `app:get-config` with the
 * backend's base URL (the embedded loopback server or a configured backend); a web desk reads the
 * same field from `desk-config.json` beside its `index.html`, so a build served from one origin
 * can use an API on another. Absent file or `null`: the API is on the page's own origin.
 */
export const DESK_CONFIG_PATH = "/desk-config.json";

export const DeskConfig = z.strictObject({
  /** e.g. "https://api.example.com" or "http://127.0.0.1:8787"; the API is under `/api/v1`. */
  apiBaseUrl: z.url({ protocol: /^https?$/ }).nullable(),
});
export type DeskConfig = z.infer<typeof DeskConfig>;

/** The API's absolute base (what every client call is relative to) for a backend's base URL. */
export function apiEndpoint(backendBaseUrl: string): string {
  return `${backendBaseUrl.replace(/\/+$/, "")}${API_BASE}`;
}
