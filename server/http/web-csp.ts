import type { FastifyInstance } from "fastify";

/**
 * The Content-Security-Policy of the desk's page in web mode, sent as a response header: a
 * `<meta>` policy cannot say `frame-ancestors` (browsers ignore it there), so only the header
 * stops another site from framing the desk to click-jack an agent. The renderer's
 * `index.html` carries the same policy as a meta tag (a test keeps the two equal) for hosts that
 * serve the build without this server.
 *
 * `connect-src` allows loopback and https origins: a desk deployed apart from its API
 * (`desk-config.json`) calls that API cross-origin.
 */
export const WEB_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' http://127.0.0.1:* http://localhost:* https:",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** Sends the policy on every HTML response (the shell, whichever path served it). */
export function registerWebCsp(app: FastifyInstance): void {
  app.addHook("onSend", async (_request, reply, payload) => {
    const type = reply.getHeader("content-type");
    if (typeof type === "string" && type.startsWith("text/html")) {
      reply.header("content-security-policy", WEB_CONTENT_SECURITY_POLICY);
    }
    return payload;
  });
}
