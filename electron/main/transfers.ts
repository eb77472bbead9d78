import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { copyFile, rename, rm, chmod } from 'node:fs/promises';
import { TRANSFER_CHANNEL, type TransferRequest, type TransferResult } from '../../shared/api/transport';
import { isTransferId, newTransfer, transferPath } from '../backend/backup/transfer-files';
import { isTrustedSender, type SenderInfo } from './ipc';

export interface TransferHost {
  /** Where to save an export; undefined when the clerk cancels. */
  chooseSavePath: (contents: WebContents, suggestedName: string) => Promise<string | undefined>;
  /** The export to import; undefined when the clerk cancels. */
  chooseOpenPath: (contents: WebContents) => Promise<string | undefined>;
}

const safeExportName = (name: unknown) =>
  typeof name === 'string' && /^[\w.-]{1,120}\.tourdesk$/.test(name) ? name : 'tourdesk-export.tourdesk';

/**
 * Whole-base exports and imports in Electron: the main process moves the backend's transfer file
 * to the path the clerk chose in the save dialog, or copies the chosen file into a new transfer
 * file for `backup.importBase` (see transfer-files.ts). No byte of the base crosses the IPC channel.
 */
export function registerTransfers(
  ipcMain: IpcMain,
  dir: string,
  host: TransferHost,
  describeSender: (event: IpcMainInvokeEvent) => SenderInfo,
  devServerUrl?: string,
): void {
  ipcMain.handle(TRANSFER_CHANNEL, async (event, request: TransferRequest): Promise<TransferResult> => {
    if (!isTrustedSender(describeSender(event), devServerUrl)) return { done: false };
    if (request?.kind === 'save' && isTransferId(request.transfer)) {
      const source = transferPath(dir, request.transfer);
      const target = await host.chooseSavePath(event.sender, safeExportName(request.fileName));
      if (!target) {
        await rm(source, { force: true });
        return { done: false };
      }
      try {
        await rename(source, target);
      } catch {
        // Another disk: copied, then the transfer file removed.
        await copyFile(source, target);
        await rm(source, { force: true });
      }
      return { done: true, path: target };
    }
    if (request?.kind === 'open') {
      const source = await host.chooseOpenPath(event.sender);
      if (!source) return { done: false };
      const transfer = newTransfer(dir);
      await copyFile(source, transfer.path);
      await chmod(transfer.path, 0o600);
      return { done: true, path: source, transfer: transfer.id };
    }
    return { done: false };
  });
}
