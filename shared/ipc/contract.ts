import { z } from "zod";

/**
 * Every IPC channel between the renderer and the main process, with the schema of its request
 * and of its response. The main process validates requests against these before acting; the
 * preload exposes one named function per channel and nothing else.
 */
export const IPC_CONTRACT = {
  "app:get-config": {
    request: z.undefined(),
    response: z.object({
      /** Where the desk's API lives: the embedded server on loopback, or a configured backend. */
      apiBaseUrl: z.url(),
      appVersion: z.string(),
      embeddedServer: z.boolean(),
    }),
  },
} as const;

export type IpcChannel = keyof typeof IPC_CONTRACT;
export type IpcRequest<C extends IpcChannel> = z.input<(typeof IPC_CONTRACT)[C]["request"]>;
export type IpcResponse<C extends IpcChannel> = z.output<(typeof IPC_CONTRACT)[C]["response"]>;

/** What the preload puts on `window.arbiter`: named functions only, never `ipcRenderer`. */
export interface ArbiterBridge {
  getConfig(): Promise<IpcResponse<"app:get-config">>;
}
