import {
  type ArbiterBridge,
  BRIDGE_CHANNELS as CHANNEL,
  BRIDGE_EVENTS as EVENT,
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

  // Channel names come from the contract's tables, never spelled here.
  return {
    getConfig: () => invoke(CHANNEL.getConfig),
    relaunch: () => invoke(CHANNEL.relaunch),
    loadCredentials: () => invoke(CHANNEL.loadCredentials),
    saveCredentials: (token) => invoke(CHANNEL.saveCredentials, { token }),
    clearCredentials: () => invoke(CHANNEL.clearCredentials),
    showNotification: (notification) => invoke(CHANNEL.showNotification, notification),
    setBadgeCount: (count) => invoke(CHANNEL.setBadgeCount, { count }),
    openCaseWindow: (reference) => invoke(CHANNEL.openCaseWindow, { reference }),
    printToPdf: (request) => invoke(CHANNEL.printToPdf, request),
    savePdf: (request) => invoke(CHANNEL.savePdf, request),
    getSettings: () => invoke(CHANNEL.getSettings),
    setSettings: (patch) => invoke(CHANNEL.setSettings, patch),
    onOpenCase: (listener) => subscribe(EVENT.onOpenCase, listener),
    onMenuCommand: (listener) => subscribe(EVENT.onMenuCommand, listener),
  } satisfies ArbiterBridge;
}
