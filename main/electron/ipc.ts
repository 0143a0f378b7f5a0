/**
 * Registers one `ipcMain.handle` per request channel of the contract. A request is
 * answered only when it comes from the app's own main frame; its arguments are then
 * validated by the shared dispatcher. Unknown channels have no handler at all.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebFrameMain } from 'electron';
import { contract, type RequestChannel } from '../../preload/contract';
import type { WireResult } from '../../preload/contract-types';
import type { Dispatch } from '../services/dispatch';

export type SenderCheck = (frame: WebFrameMain | null) => boolean;

const FORBIDDEN: WireResult<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'Only the app window may call this.' },
};

export function setupIpc(dispatch: Dispatch, isTrustedSender: SenderCheck): () => void {
  const channels = (Object.keys(contract) as Array<keyof typeof contract>).filter(
    (channel): channel is RequestChannel => contract[channel].kind === 'request',
  );
  for (const channel of channels) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, ...args: unknown[]) =>
      isTrustedSender(event.senderFrame) ? dispatch(channel, args) : FORBIDDEN,
    );
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}
