import {
  IPC_CONTRACT,
  type IpcChannel,
  type IpcRequest,
  type IpcResponse,
} from "@shared/ipc/contract";
import type { IpcMainInvokeEvent } from "electron";

export type IpcHandlers = {
  [C in IpcChannel]: (request: IpcRequest<C>) => Promise<IpcResponse<C>> | IpcResponse<C>;
};

/** What `ipcMain` offers that we use; a fake in tests. */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown,
  ): void;
}

/**
 * Registers every handler of the contract through one gate: the sender must be a frame of one of
 * our windows showing our own origin, and the payload must match the channel's schema. Anything
 * else is rejected with an error that names the channel, before the handler runs.
 */
export function registerIpcHandlers(
  ipcMain: IpcMainLike,
  handlers: IpcHandlers,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
): void {
  for (const channel of Object.keys(IPC_CONTRACT) as IpcChannel[]) {
    const contract = IPC_CONTRACT[channel];
    ipcMain.handle(channel, async (event, ...args) => {
      if (!isTrustedSender(event))
        throw new Error(`IPC ${channel}: rejected a call from an untrusted sender.`);
      if (args.length > 1) throw new Error(`IPC ${channel}: expected at most one argument.`);
      const request = contract.request.safeParse(args[0]);
      if (!request.success)
        throw new Error(
          `IPC ${channel}: invalid request: ${request.error.issues[0]?.message ?? "bad payload"}`,
        );
      const handler = handlers[channel] as (request: unknown) => unknown;
      return contract.response.parse(await handler(request.data));
    });
  }
}
