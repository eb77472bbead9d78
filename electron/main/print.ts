import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { PRINT_CHANNEL, type PrintResult, type PrintTarget } from '../../shared/api/transport';
import { isTrustedSender, type SenderInfo } from './ipc';

export interface PrintHost {
  /** Asks where to save; undefined when the clerk cancels. */
  choosePdfPath: (contents: WebContents, suggestedName: string) => Promise<string | undefined>;
  writeFile: (path: string, data: Buffer) => Promise<void>;
}

/** A file name the save dialog can propose: no path separators or control characters. */
export function safePdfName(suggested: string): string {
  const printable = Array.from(suggested)
    .map((ch) => (ch.charCodeAt(0) < 0x20 ? '_' : ch))
    .join('');
  const base =
    printable
      .replace(/[\\/:*?"<>|]+/g, '_')
      .trim()
      .slice(0, 120) || 'questionnaires';
  return base.toLowerCase().endsWith('.pdf') ? base : `${base}.pdf`;
}

/** R14: the page prints itself through its print stylesheet, to a chosen PDF file or to a printer. */
export function registerPrint(
  ipcMain: IpcMain,
  host: PrintHost,
  describeSender: (event: IpcMainInvokeEvent) => SenderInfo,
  devServerUrl?: string,
): void {
  ipcMain.handle(
    PRINT_CHANNEL,
    async (event, target: unknown, suggestedName: unknown): Promise<PrintResult> => {
      if (!isTrustedSender(describeSender(event), devServerUrl)) return { done: false };
      const contents = event.sender;
      if ((target as PrintTarget) === 'printer') {
        return new Promise((resolve) =>
          contents.print({ printBackground: true, pageSize: 'A4' }, (success) => resolve({ done: success })),
        );
      }
      if ((target as PrintTarget) !== 'pdf') return { done: false };
      const path = await host.choosePdfPath(contents, safePdfName(String(suggestedName ?? '')));
      if (!path) return { done: false };
      const pdf = await contents.printToPDF({
        pageSize: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
      });
      await host.writeFile(path, pdf);
      return { done: true, path };
    },
  );
}
