import {
  type ArbiterBridge,
  IPC_EVENTS,
  type IpcChannel,
  type IpcEvent,
  type IpcEventPayload,
  type IpcRequest,
  type IpcResponse,
} from "@shared/ipc/contract";
import type { IpcRendererEvent } from "electron";

/** What the bridge uses of `ipcRenderer`; a fake in tests. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
  removeListener(
    channel: string,
    listener: (event: IpcRendererEvent, ...args: unknown[]) => void,
  ): unknown;
}

/**
 * One named function per channel; the renderer never sees `ipcRenderer`, so a compromised page can
 * call these and nothing else. The main process validates every request again: the preload is
 * convenience, the main process is the gate.
 */
export function createBridge(ipc: IpcRendererLike): ArbiterBridge {
  // The response type comes from the contract; the main process parsed it before replying.
  const invoke = <C extends IpcChannel>(channel: C, request?: IpcRequest<C>) =>
    ipc.invoke(channel, request) as Promise<IpcResponse<C>>;

  const subscribe = <E extends IpcEvent>(
    event: E,
    listener: (payload: IpcEventPayload<E>) => void,
  ) => {
    // The renderer's listener never receives the IpcRendererEvent (it carries `sender`).
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => {
      const parsed = IPC_EVENTS[event].safeParse(payload);
      if (parsed.success) listener(parsed.data as IpcEventPayload<E>);
    };
    ipc.on(event, wrapped);
    return () => {
      ipc.removeListener(event, wrapped);
    };
  };

  return {
    getConfig: () => invoke("app:get-config"),
    relaunch: () => invoke("app:relaunch"),
    loadCredentials: () => invoke("credentials:load"),
    saveCredentials: (token) => invoke("credentials:save", { token }),
    clearCredentials: () => invoke("credentials:clear"),
    showNotification: (notification) => invoke("notification:show", notification),
    setBadgeCount: (count) => invoke("badge:set", { count }),
    openCaseWindow: (reference) => invoke("window:open-case", { reference }),
    printToPdf: (request) => invoke("report:print-to-pdf", request),
    savePdf: (request) => invoke("report:save-pdf", request),
    getSettings: () => invoke("settings:get"),
    setSettings: (patch) => invoke("settings:set", patch),
    onOpenCase: (listener) => subscribe("case:open-requested", listener),
    onMenuCommand: (listener) => subscribe("menu:command", listener),
  } satisfies ArbiterBridge;
}
