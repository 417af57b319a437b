import type { ArbiterBridge, IpcChannel, IpcResponse } from "@shared/ipc/contract";
import { contextBridge, ipcRenderer } from "electron";

/** One named function per channel; the renderer never sees ipcRenderer itself. */
const invoke = <C extends IpcChannel>(channel: C): Promise<IpcResponse<C>> =>
  ipcRenderer.invoke(channel);

const bridge = {
  getConfig: () => invoke("app:get-config"),
} satisfies ArbiterBridge;

contextBridge.exposeInMainWorld("arbiter", bridge);
