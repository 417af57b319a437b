import {
  IPC_CONTRACT,
  type IpcChannel,
  type IpcParsedRequest,
  type IpcResponse,
} from "@shared/ipc/contract";

/**
 * Who is calling, reduced to what handlers and the trust check need. Handlers receive ids, not
 * Electron objects, so each is a plain function a test calls directly.
 */
export interface IpcCaller {
  /** `webContents.id` of the calling window. */
  readonly webContentsId: number;
  /** URL of the calling frame; "" when Electron could not tell (the frame is gone). */
  readonly frameUrl: string;
  /** False for iframes: only a window's top document speaks to the main process. */
  readonly isMainFrame: boolean;
}

/** One handler per channel; it receives the request already parsed (defaults applied). */
export type IpcHandlers = {
  [C in IpcChannel]: (
    request: IpcParsedRequest<C>,
    caller: IpcCaller,
  ) => Promise<IpcResponse<C>> | IpcResponse<C>;
};

/** The part of Electron's `IpcMainInvokeEvent` the gate reads. */
export interface InvokeEventLike {
  readonly sender: { readonly id: number };
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

/** What `ipcMain` offers that we use; a fake in tests. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
}

export function callerOf(event: InvokeEventLike): IpcCaller {
  return {
    webContentsId: event.sender.id,
    frameUrl: event.senderFrame?.url ?? "",
    isMainFrame: event.senderFrame !== null && event.senderFrame.parent === null,
  };
}

/**
 * Registers every handler of the contract through one gate: the sender must be a frame of one of
 * our windows showing our own origin, and the payload must match the channel's schema. Anything
 * else is rejected with an error that names the channel, before the handler runs.
 */
export function registerIpcHandlers(
  ipcMain: IpcMainLike,
  handlers: IpcHandlers,
  isTrustedSender: (caller: IpcCaller) => boolean,
): void {
  for (const channel of Object.keys(IPC_CONTRACT) as IpcChannel[]) {
    const contract = IPC_CONTRACT[channel];
    ipcMain.handle(channel, async (event, ...args) => {
      const caller = callerOf(event);
      if (!isTrustedSender(caller))
        throw new Error(`IPC ${channel}: rejected a call from an untrusted sender.`);
      if (args.length > 1) throw new Error(`IPC ${channel}: expected at most one argument.`);
      const request = contract.request.safeParse(args[0]);
      if (!request.success)
        throw new Error(
          `IPC ${channel}: invalid request: ${request.error.issues[0]?.message ?? "bad payload"}`,
        );
      // The mapped type pairs each channel with its handler; TypeScript cannot follow the loop.
      const handler = handlers[channel] as (request: unknown, caller: IpcCaller) => unknown;
      return contract.response.parse(await handler(request.data, caller));
    });
  }
}

/**
 * The sender check the app uses: the top frame of one of our windows, showing our own origin.
 * A page that somehow navigated elsewhere, or an iframe inside ours, is refused.
 */
export function trustOnlyOurWindows(
  isOurWebContents: (webContentsId: number) => boolean,
  isAppUrl: (url: string) => boolean,
): (caller: IpcCaller) => boolean {
  return (caller) =>
    caller.isMainFrame && isOurWebContents(caller.webContentsId) && isAppUrl(caller.frameUrl);
}
