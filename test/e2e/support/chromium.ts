import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

/** Debian's Chromium, driven by playwright-core; never a browser downloaded by a test tool. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}: install it with \`apt-get install -y chromium\` or set CHROMIUM_PATH.`,
    );
  }
  return path;
}

/** Flags that keep a headless Chromium quiet on a machine with no outside network. */
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** `E2E_CPU_THROTTLE`: how many times slower Chromium's CPU runs (CDP), 1 unless set. */
function cpuThrottleRate(): number {
  const rate = Number(process.env.E2E_CPU_THROTTLE ?? "1");
  return Number.isFinite(rate) && rate > 1 ? rate : 1;
}

export interface LaunchedBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A persistent context on a fresh user-data dir (so IndexedDB and storage behave as in real use). */
export async function launchChromium(options: { locale?: string } = {}): Promise<LaunchedBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), "arbiter-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    args: FLAGS,
    headless: true,
    viewport: { width: 1440, height: 900 },
    locale: options.locale ?? "en-US",
  });
  const throttle = cpuThrottleRate();
  if (throttle > 1) {
    // A slow, loaded machine on demand (`E2E_CPU_THROTTLE=4`): races with background work show.
    const slowDown = async (page: Page) => {
      const session = await context.newCDPSession(page);
      await session.send("Emulation.setCPUThrottlingRate", { rate: throttle });
    };
    context.on("page", (page) => void slowDown(page));
    await Promise.all(context.pages().map(slowDown));
  }
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export type { Browser };
