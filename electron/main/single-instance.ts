import { type DeepLink, findDeepLinkInArgv } from "./deep-link";

/** What single-instance handling uses of Electron's `app`. */
export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean;
  on(
    event: "second-instance",
    listener: (event: unknown, argv: string[], workingDirectory: string) => void,
  ): unknown;
  on(
    event: "open-url",
    listener: (event: { preventDefault(): void }, url: string) => void,
  ): unknown;
}

/**
 * One desk per user session: two instances would fight over the PGlite folder and the window
 * state. The first instance takes the lock; a second launch (e.g. the OS opening an
 * `arbiter://case/…` link) hands its argv to the first and quits. `onActivate` brings the desk
 * forward; `onDeepLink` gets the link, from the second instance's argv or macOS's `open-url`.
 * Returns false when this process is the second instance and must quit.
 */
export function claimSingleInstance(
  app: SingleInstanceApp,
  handlers: { onActivate(): void; onDeepLink(link: DeepLink): void },
): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on("second-instance", (_event, argv) => {
    handlers.onActivate();
    const link = findDeepLinkInArgv(argv);
    if (link) handlers.onDeepLink(link);
  });
  app.on("open-url", (event, url) => {
    event.preventDefault();
    const link = findDeepLinkInArgv([url]);
    if (link) handlers.onDeepLink(link);
  });
  return true;
}
