/**
 * Web mode's shell: the server that serves the built renderer sends the desk's CSP as a response
 * header (the only place `frame-ancestors` counts), on whichever path serves the shell; API
 * responses are not documents and carry none. The meta tag in the renderer's index.html says the
 * same policy, for hosts that serve the build without this server.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WEB_CONTENT_SECURITY_POLICY } from "../../server/http/web-csp";
import { type RunningServer, startServer } from "../../server/start";

const RENDERER_HTML = new URL("../../renderer/index.html", import.meta.url);

describe("web mode's shell", () => {
  let server: RunningServer;
  let staticDir: string;

  beforeAll(async () => {
    staticDir = mkdtempSync(join(tmpdir(), "arbiter-shell-"));
    writeFileSync(join(staticDir, "index.html"), readFileSync(RENDERER_HTML));
    writeFileSync(join(staticDir, "app.js"), "console.log(1)");
    server = await startServer({ port: 0, staticDir, timerIntervalMs: 3_600_000 });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(staticDir, { recursive: true, force: true });
  });

  it("sends the CSP, with frame-ancestors 'none', as a header on the shell at every path", async () => {
    for (const path of ["/", "/index.html", "/case/AP-000123", "/supervisor"]) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-type")).toContain("text/html");
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp, path).toBe(WEB_CONTENT_SECURITY_POLICY);
      expect(csp.split("; ")).toEqual(
        expect.arrayContaining([
          "frame-ancestors 'none'",
          "script-src 'self'",
          "object-src 'none'",
        ]),
      );
    }
    const api = await fetch(`${server.url}/healthz`);
    expect(api.headers.get("content-security-policy")).toBeNull();
  });

  it("says the same policy in the renderer's meta tag", () => {
    const html = readFileSync(RENDERER_HTML, "utf8");
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(WEB_CONTENT_SECURITY_POLICY);
  });
});
