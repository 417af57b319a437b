/**
 * A plain static web host for the built renderer, apart from the API (like a CDN or nginx in a
 * split deployment): files from out/renderer, the shell for extension-less paths (the desk is a
 * single-page app), and the deployment's `desk-config.json`. It knows nothing of the API.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import type { DeskConfig } from "@shared/api/desk-config";

const ROOT = fileURLToPath(new URL("../../../out/renderer", import.meta.url));
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".otf": "font/otf",
};

export interface StaticHost {
  /** e.g. http://localhost:41234 — a different origin from the API's 127.0.0.1. */
  origin: string;
  setConfig(config: DeskConfig): void;
  close(): Promise<void>;
}

export async function startStaticHost(): Promise<StaticHost> {
  if (!existsSync(join(ROOT, "index.html")))
    throw new Error("out/renderer is missing: run `npm run build:web` first.");
  let config: DeskConfig | null = null;
  const server = createServer((request, response) => {
    const path = decodeURIComponent((request.url ?? "/").split("?")[0] ?? "/");
    if (path === "/desk-config.json") {
      if (!config) return void response.writeHead(404).end();
      response.writeHead(200, { "content-type": TYPES[".json"] });
      return void response.end(JSON.stringify(config));
    }
    const file = normalize(join(ROOT, path));
    if (file.startsWith(ROOT) && existsSync(file) && statSync(file).isFile()) {
      response.writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      });
      return void response.end(readFileSync(file));
    }
    if (extname(path) !== "") return void response.writeHead(404).end();
    response.writeHead(200, { "content-type": TYPES[".html"] });
    response.end(readFileSync(join(ROOT, "index.html")));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://localhost:${port}`,
    setConfig: (next) => {
      config = next;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
