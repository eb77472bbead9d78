import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { isCommandName } from '../../shared/api/contract';
import { IPC_CHANNEL } from '../../shared/api/transport';
import type { Dispatch } from '../backend/dispatch';
import { isAllowedNavigation } from './security';

export interface SenderInfo {
  /** URL of the frame that sent the message. */
  url: string | undefined;
  /** Whether that frame is the top frame of a window this app created. */
  isOwnTopFrame: boolean;
}

/** Only the app's own page, in a window we created, may call the backend. */
export function isTrustedSender(sender: SenderInfo, devServerUrl?: string): boolean {
  return sender.isOwnTopFrame && sender.url !== undefined && isAllowedNavigation(sender.url, devServerUrl);
}

export function registerIpc(
  ipcMain: IpcMain,
  dispatch: Dispatch,
  describeSender: (event: IpcMainInvokeEvent) => SenderInfo,
  devServerUrl?: string,
): void {
  ipcMain.handle(IPC_CHANNEL, async (event, name: unknown, input: unknown) => {
    if (!isTrustedSender(describeSender(event), devServerUrl)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'untrusted sender' } };
    }
    if (!isCommandName(name)) {
      return { ok: false, error: { code: 'UNKNOWN_COMMAND', message: 'unknown command' } };
    }
    return dispatch(name, input);
  });
}
