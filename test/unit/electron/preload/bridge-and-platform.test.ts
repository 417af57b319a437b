import { EventEmitter } from "node:events";
import { BRIDGE_CHANNELS, BRIDGE_EVENTS, IPC_CONTRACT, IPC_EVENTS } from "@shared/ipc/contract";
import { describe, expect, test, vi } from "vitest";
import { createBridge } from "../../../../electron/preload/bridge";
import { createElectronPlatform } from "../../../../renderer/src/platform/electron-platform";
import { createMemoryPlatform } from "../../../../renderer/src/platform/memory-platform";
import {
  caseReferenceFromPath,
  readDeskConfig,
} from "../../../../renderer/src/platform/web-platform";

function fakeIpcRenderer() {
  const emitter = new EventEmitter();
  const invoke = vi.fn(async (channel: string, ..._args: unknown[]) => {
    if (channel === "app:get-config")
      return {
        apiBaseUrl: "http://127.0.0.1:4000/",
        appVersion: "1",
        embeddedServer: true,
        caseReference: "AP-000001",
      };
    return null;
  });
  return {
    ipc: {
      invoke,
      on: (channel: string, listener: (...args: never[]) => void) =>
        emitter.on(channel, listener as () => void),
      removeListener: (channel: string, listener: (...args: never[]) => void) =>
        emitter.removeListener(channel, listener as () => void),
    },
    invoke,
    emitter,
  };
}

describe("preload bridge", () => {
  test("every channel of the contract has exactly one bridge function, and every event one subscription", () => {
    expect(Object.values(BRIDGE_CHANNELS).sort()).toEqual(Object.keys(IPC_CONTRACT).sort());
    expect(Object.values(BRIDGE_EVENTS).sort()).toEqual(Object.keys(IPC_EVENTS).sort());
    const bridge = createBridge(fakeIpcRenderer().ipc);
    expect(Object.keys(bridge).sort()).toEqual(
      [...Object.keys(BRIDGE_CHANNELS), ...Object.keys(BRIDGE_EVENTS)].sort(),
    );
  });

  test("each function invokes its own channel with one argument", async () => {
    const { ipc, invoke } = fakeIpcRenderer();
    const bridge = createBridge(ipc);
    await bridge.saveCredentials("t");
    await bridge.setBadgeCount(2);
    await bridge.openCaseWindow("AP-000002");
    await bridge.loadCredentials();
    expect(invoke.mock.calls).toEqual([
      ["credentials:save", { token: "t" }],
      ["badge:set", { count: 2 }],
      ["window:open-case", { reference: "AP-000002" }],
      ["credentials:load", undefined],
    ]);
  });

  test("events reach listeners without the IPC event, malformed payloads are dropped, unsubscribe works", () => {
    const { ipc, emitter } = fakeIpcRenderer();
    const bridge = createBridge(ipc);
    const listener = vi.fn();
    const unsubscribe = bridge.onOpenCase(listener);
    emitter.emit("case:open-requested", { sender: "secret" }, { reference: "AP-000123" });
    emitter.emit("case:open-requested", {}, { reference: "../../etc" });
    unsubscribe();
    emitter.emit("case:open-requested", {}, { reference: "AP-000124" });
    expect(listener.mock.calls).toEqual([[{ reference: "AP-000123" }]]);
  });
});

describe("platform implementations", () => {
  test("Electron: API under the configured base, credentials and case over the bridge", async () => {
    const { ipc, invoke } = fakeIpcRenderer();
    const platform = createElectronPlatform(createBridge(ipc));
    expect(await platform.apiBaseUrl()).toBe("http://127.0.0.1:4000/api/v1");
    expect(await platform.windowCaseReference()).toBe("AP-000001");
    await platform.credentials.save("tok");
    await platform.reports.printPageToPdf("AP-000001.pdf");
    expect(invoke).toHaveBeenCalledWith("credentials:save", { token: "tok" });
    expect(invoke).toHaveBeenCalledWith("report:print-to-pdf", {
      suggestedFileName: "AP-000001.pdf",
    });
    expect(invoke.mock.calls.filter(([c]) => c === "app:get-config")).toHaveLength(1);
    expect(platform.settings).not.toBeNull();
  });

  test("web: a case tab is /case/<reference>", () => {
    expect(caseReferenceFromPath("/case/AP-000123")).toBe("AP-000123");
    expect(caseReferenceFromPath("/case/AP-000123/")).toBe("AP-000123");
    expect(caseReferenceFromPath("/")).toBeNull();
    expect(caseReferenceFromPath("/case/../x")).toBeNull();
  });

  test("web: the API is where desk-config.json says, or same-origin without one", async () => {
    const serving = (status: number, body: unknown) => ({
      fetch: vi.fn(async () => new Response(JSON.stringify(body), { status })),
    });
    expect(await readDeskConfig(serving(200, { apiBaseUrl: "https://api.example.com" }))).toEqual({
      apiBaseUrl: "https://api.example.com",
    });
    expect(await readDeskConfig(serving(404, {}))).toEqual({ apiBaseUrl: null });
    expect(await readDeskConfig(serving(200, { apiBaseUrl: null }))).toEqual({ apiBaseUrl: null });
    const offline = { fetch: vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))) };
    expect(await readDeskConfig(offline)).toEqual({ apiBaseUrl: null });
    // Present but wrong: an error, never a silent fall-back to the page's origin.
    for (const bad of [{ apiBaseUrl: "javascript:alert(1)" }, { api: "x" }, "<html>"]) {
      await expect(readDeskConfig(serving(200, bad))).rejects.toThrow(/desk-config\.json/);
    }
    await expect(readDeskConfig(serving(500, {}))).rejects.toThrow(/HTTP 500/);
  });

  test("memory: records what the app asked and plays host events", async () => {
    const { platform, recorded, requestOpenCase } = createMemoryPlatform();
    await platform.credentials.save("t");
    expect(await platform.credentials.load()).toBe("t");
    await platform.notify({
      kind: "assignment",
      title: "New case",
      body: "",
      caseReference: "AP-000005",
    });
    await platform.setBadgeCount(3);
    const opened = vi.fn();
    const stop = platform.onOpenCaseRequested(opened);
    requestOpenCase("AP-000005");
    stop();
    requestOpenCase("AP-000006");
    expect(opened.mock.calls).toEqual([["AP-000005"]]);
    expect(recorded.notifications).toHaveLength(1);
    expect(recorded.badgeCounts).toEqual([3]);
    expect(
      (await platform.settings?.set({ apiBaseUrl: "https://x.example.com" }))?.restartRequired,
    ).toBe(true);
  });
});
