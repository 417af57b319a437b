import fastifyCors from "@fastify/cors";
import {
  CORS_EXPOSED_HEADERS,
  CORS_REQUEST_HEADERS,
  DESKTOP_ORIGIN,
} from "@shared/api/cross-origin";
import type { FastifyInstance } from "fastify";

/**
 * CORS for exactly the desk's origins: the desktop app's `app://desk` always, plus those a web
 * deployment on another origin configures (`DESK_ORIGINS`). Any other origin gets no grant at all,
 * so a page elsewhere cannot read the API with a token it stole or guessed.
 *
 * Headers are set in `onRequest`, before any route runs; a route that hijacks the reply (the live
 * event stream) copies them from `reply.getHeaders()`.
 */
export async function registerCors(
  app: FastifyInstance,
  extraOrigins: readonly string[] = [],
): Promise<void> {
  const allowed = new Set([DESKTOP_ORIGIN, ...extraOrigins]);
  await app.register(fastifyCors, {
    // Compared exactly with the request's Origin, no pattern. `false` for any other origin skips
    // CORS entirely (no allow-headers either), so a stranger's preflight learns nothing.
    origin: (origin, callback) =>
      callback(null, origin !== undefined && allowed.has(origin) ? origin : false),
    methods: ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"],
    allowedHeaders: [...CORS_REQUEST_HEADERS],
    exposedHeaders: [...CORS_EXPOSED_HEADERS],
    // Bearer tokens, not cookies: nothing to gain from credentialed requests.
    credentials: false,
    // Preflights are cached for 10 minutes (Chromium caps at 2 hours).
    maxAge: 600,
    strictPreflight: true,
  });
}
