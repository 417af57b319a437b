import { IPC_CONTRACT } from "@shared/ipc/contract";
import { describe, expect, test, vi } from "vitest";
import {
  type InvokeEventLike,
  type IpcHandlers,
  registerIpcHandlers,
  trustOnlyOurWindows,
} from "../../../../electron/main/ipc";
import { createIpcHandlers } from "../../../../electron/main/ipc-handlers";

const OUR_ID = 7;

function setup() {
  const registered = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => unknown>();
  const calls: string[] = [];
  // Every handler records that it ran; the gate must stop bad calls before that.
  const handlers = Object.fromEntries(
    Object.keys(IPC_CONTRACT).map((channel) => [
      channel,
      () => {
        calls.push(channel);
        throw new Error("handler ran");
      },
    ]),
  ) as unknown as IpcHandlers;
  registerIpcHandlers(
    { handle: (channel, listener) => registered.set(channel, listener) },
    handlers,
    trustOnlyOurWindows(
      (id) => id === OUR_ID,
      (url) => url.startsWith("app://desk/"),
    ),
  );
  const call = (channel: string, event: InvokeEventLike, ...args: unknown[]) =>
    Promise.resolve().then(() => registered.get(channel)?.(event, ...args));
  return { registered, calls, call };
}

const ours: InvokeEventLike = {
  sender: { id: OUR_ID },
  senderFrame: { url: "app://desk/", parent: null },
};

describe("the IPC gate", () => {
  test("registers exactly the contract's channels", () => {
    expect([...setup().registered.keys()].sort()).toEqual(Object.keys(IPC_CONTRACT).sort());
  });

  test.each([
    [
      "another webContents",
      { sender: { id: 8 }, senderFrame: { url: "app://desk/", parent: null } },
    ],
    [
      "a foreign page in our window",
      { sender: { id: OUR_ID }, senderFrame: { url: "https://evil.example/", parent: null } },
    ],
    [
      "an iframe in our window",
      { sender: { id: OUR_ID }, senderFrame: { url: "app://desk/", parent: {} } },
    ],
    ["a frame that is gone", { sender: { id: OUR_ID }, senderFrame: null }],
  ])("refuses %s, for every channel, before any handler runs", async (_name, event) => {
    const { calls, call } = setup();
    for (const channel of Object.keys(IPC_CONTRACT))
      await expect(call(channel, event as InvokeEventLike)).rejects.toThrow(
        `IPC ${channel}: rejected a call from an untrusted sender.`,
      );
    expect(calls).toEqual([]);
  });

  test.each([
    ["credentials:save", { token: "" }],
    ["credentials:save", { token: "t", extra: 1 }],
    ["credentials:save", "a bare string"],
    ["credentials:load", { unexpected: true }],
    ["badge:set", { count: -1 }],
    ["badge:set", { count: 1.5 }],
    ["window:open-case", { reference: "AP-12" }],
    ["window:open-case", { reference: "../../etc" }],
    ["notification:show", { kind: "spam", title: "x", body: "" }],
    ["notification:show", { kind: "assignment", title: "x".repeat(121), body: "" }],
    ["report:print-to-pdf", { suggestedFileName: "../../evil.pdf" }],
    ["report:print-to-pdf", { suggestedFileName: "C:\\evil.pdf" }],
    ["report:print-to-pdf", { suggestedFileName: "report.exe" }],
    [
      "report:save-pdf",
      { suggestedFileName: "r.pdf", data: new TextEncoder().encode("MZ not a pdf") },
    ],
    ["report:save-pdf", { suggestedFileName: "r.pdf", data: "JVBERi0=" }],
    ["settings:set", { apiBaseUrl: "file:///etc/passwd" }],
    ["settings:set", { apiBaseUrl: "javascript:alert(1)" }],
    ["settings:set", { unknownSetting: true }],
  ])("refuses %s with %j, naming the channel", async (channel, payload) => {
    const { calls, call } = setup();
    await expect(call(channel, ours, payload)).rejects.toThrow(`IPC ${channel}: invalid request`);
    expect(calls).toEqual([]);
  });

  test("refuses extra arguments", async () => {
    const { calls, call } = setup();
    await expect(call("credentials:load", ours, undefined, "extra")).rejects.toThrow(
      /at most one argument/,
    );
    expect(calls).toEqual([]);
  });

  test("passes a valid call from our window to its handler", async () => {
    const { calls, call } = setup();
    await expect(call("badge:set", ours, { count: 3 })).rejects.toThrow("handler ran");
    expect(calls).toEqual(["badge:set"]);
  });

  test("checks the handler's response against the contract too", async () => {
    const registered = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => unknown>();
    const handlers = createIpcHandlers({
      backend: () => ({ apiBaseUrl: "not a url", embeddedServer: true }),
      appVersion: "1",
      credentials: { load: () => null, save: () => true, clear: () => {} },
      notifier: { show: () => ({ shown: true }) },
      badge: { set: vi.fn() },
      windows: { openCase: vi.fn(), caseReferenceOf: () => null },
      reports: { printToPdf: vi.fn(), savePdf: vi.fn() },
      settings: { get: vi.fn(), update: vi.fn() },
      relaunch: vi.fn(),
    });
    registerIpcHandlers({ handle: (c, l) => registered.set(c, l) }, handlers, () => true);
    await expect(
      Promise.resolve().then(() => registered.get("app:get-config")?.(ours)),
    ).rejects.toThrow();
  });
});
