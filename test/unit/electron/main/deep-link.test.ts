import { EventEmitter } from "node:events";
import { describe, expect, test, vi } from "vitest";
import { findDeepLinkInArgv, parseDeepLink } from "../../../../electron/main/deep-link";
import {
  claimSingleInstance,
  type SingleInstanceApp,
} from "../../../../electron/main/single-instance";

describe("parseDeepLink", () => {
  test.each([
    ["arbiter://case/AP-000123", "AP-000123"],
    ["arbiter://case/AP-000123/", "AP-000123"],
    ["ARBITER://CASE/ap-000123", "AP-000123"],
    ["arbiter://case/AP-1234567", "AP-1234567"],
  ])("%s opens %s", (link, reference) => {
    expect(parseDeepLink(link)).toEqual({ kind: "case", reference });
  });

  test.each([
    "arbiter://case/AP-123",
    "arbiter://case/",
    "arbiter://case/AP-000123/evidence",
    "arbiter://case/AP-000123?x=1",
    "arbiter://case/AP-000123#frag",
    "arbiter://user:pw@case/AP-000123",
    "arbiter://case:99/AP-000123",
    "arbiter://queue/AP-000123",
    "arbiter://case/..%2FAP-000123",
    "https://case/AP-000123",
    "javascript:alert(1)",
    "not a url",
    `arbiter://case/AP-${"1".repeat(300)}`,
  ])("refuses %s", (link) => {
    expect(parseDeepLink(link)).toBeNull();
  });

  test("finds the link among Chromium switches in argv", () => {
    expect(
      findDeepLinkInArgv([
        "/opt/Arbiter Desk/arbiter-desk",
        "--no-sandbox=0",
        "arbiter://case/AP-000042",
      ]),
    ).toEqual({ kind: "case", reference: "AP-000042" });
    expect(findDeepLinkInArgv(["/opt/arbiter-desk", "--flag"])).toBeNull();
  });
});

describe("single instance", () => {
  function fakeApp(hasLock: boolean) {
    const emitter = new EventEmitter();
    const app: SingleInstanceApp = {
      requestSingleInstanceLock: () => hasLock,
      on: (event: string, listener: (...args: never[]) => void) =>
        emitter.on(event, listener as (...args: unknown[]) => void),
    };
    return { app, emitter };
  }

  test("a second process quits", () => {
    const { app } = fakeApp(false);
    expect(claimSingleInstance(app, { onActivate: vi.fn(), onDeepLink: vi.fn() })).toBe(false);
  });

  test("a second launch focuses the first and hands over its link", () => {
    const { app, emitter } = fakeApp(true);
    const handlers = { onActivate: vi.fn(), onDeepLink: vi.fn() };
    expect(claimSingleInstance(app, handlers)).toBe(true);
    emitter.emit("second-instance", {}, ["arbiter-desk", "arbiter://case/AP-000777"], "/");
    expect(handlers.onActivate).toHaveBeenCalled();
    expect(handlers.onDeepLink).toHaveBeenCalledWith({ kind: "case", reference: "AP-000777" });
  });

  test("macOS open-url is handled, and junk links are ignored", () => {
    const { app, emitter } = fakeApp(true);
    const handlers = { onActivate: vi.fn(), onDeepLink: vi.fn() };
    claimSingleInstance(app, handlers);
    const event = { preventDefault: vi.fn() };
    emitter.emit("open-url", event, "arbiter://case/AP-000001");
    emitter.emit("open-url", { preventDefault: vi.fn() }, "arbiter://evil/../../");
    expect(event.preventDefault).toHaveBeenCalled();
    expect(handlers.onDeepLink.mock.calls).toEqual([[{ kind: "case", reference: "AP-000001" }]]);
  });
});
