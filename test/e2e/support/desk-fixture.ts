import { afterAll, beforeAll } from "vitest";
import { type LaunchedBrowser, launchChromium } from "./chromium";
import { startWebServer, type WebServer } from "./web-server";

export interface DeskFixture {
  readonly server: WebServer;
  readonly browser: LaunchedBrowser;
}

/**
 * The web-mode server (built renderer, demo data) and a Debian Chromium for one test file, started
 * before its tests and stopped after them. Read the fields inside tests, once they have started.
 */
export function deskFixture(): DeskFixture {
  const fixture: { server?: WebServer; browser?: LaunchedBrowser } = {};
  beforeAll(async () => {
    fixture.server = await startWebServer();
    fixture.browser = await launchChromium();
  });
  afterAll(async () => {
    await fixture.browser?.close();
    await fixture.server?.stop();
  });
  return {
    get server() {
      if (!fixture.server) throw new Error("the desk fixture has not started");
      return fixture.server;
    },
    get browser() {
      if (!fixture.browser) throw new Error("the desk fixture has not started");
      return fixture.browser;
    },
  };
}
